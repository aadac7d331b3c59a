import type { ErrorRequestHandler } from 'express';
import express from 'express';
import Router from 'express-promise-router';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { ContractValidationError } from '../profile/ContractValidationError';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  profiles: DataProductProfileService;
}

/** Translates HTTP to service calls and back; nothing else lives here. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, profiles } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/products/:namespace/:kind/:name/profile', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, kind, name } = req.params;
    const profile = await profiles.getProfile(
      stringifyEntityRef({ kind, namespace, name }),
      credentials,
    );
    res.json(profile);
  });

  // Everything else falls through to Backstage's error handler (400/401/403/404/...).
  const contractErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (error instanceof ContractValidationError) {
      res.status(422).json({
        error: { name: error.name, message: error.message },
        source: error.source,
        issues: error.issues,
      });
      return;
    }
    next(error);
  };
  router.use(contractErrors);
  return router;
}
