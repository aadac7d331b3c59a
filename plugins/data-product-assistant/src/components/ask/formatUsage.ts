/** US dollars: six decimals below a cent so tiny costs stay visible. */
export function formatCost(costUsd: number): string {
  const digits = costUsd < 0.01 ? 6 : 2;
  return `$${costUsd.toFixed(digits)}`;
}

/** Milliseconds under a second, else seconds with one decimal. */
export function formatLatency(latencyMs: number): string {
  return latencyMs < 1000
    ? `${Math.round(latencyMs)} ms`
    : `${(latencyMs / 1000).toFixed(1)} s`;
}

/** Groundedness (0..1) as a whole percentage. */
export function formatGroundedness(groundedness: number): string {
  return `${Math.round(groundedness * 100)}%`;
}

/** A timestamp in the user's locale; the raw value if it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
