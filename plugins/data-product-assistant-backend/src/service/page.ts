/** `limit`/`offset` as the services take them (the spec's defaults applied): a limit of 0 reads as 1. */
export const page = (query: { limit?: number; offset?: number }) => ({
  limit: Math.max(1, query.limit ?? 20),
  offset: query.offset ?? 0,
});
