import type { Request } from 'express';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ApiRouter as TypedRouter } from '@backstage/backend-openapi-utils';
import type { spec } from '../schema/openapi';

/** The router generated from `src/schema/openapi.yaml`: requests and responses typed by the spec. */
export type ApiRouter = TypedRouter<typeof spec>;

/** The caller of a request: a user or a service. */
export type Credentials = (
  req: Request<any, any, any, any, any>,
) => Promise<BackstageCredentials>;
