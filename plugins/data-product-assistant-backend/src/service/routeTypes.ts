import type { Request } from 'express';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { createOpenApiRouter } from '../schema/openapi';

/** The router generated from `src/schema/openapi.yaml`: requests and responses typed by the spec. */
export type ApiRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** The caller of a request: a user or a service. */
export type Credentials = (
  req: Request<any, any, any, any, any>,
) => Promise<BackstageCredentials>;
