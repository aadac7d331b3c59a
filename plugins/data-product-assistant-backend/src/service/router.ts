import type { ErrorRequestHandler } from 'express';
import express from 'express';
import Router from 'express-promise-router';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  askRequestSchema,
  feedbackRequestSchema,
} from '@dpa/plugin-data-product-assistant-common';
import type { AskService } from '../ask/AskService';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { ContractValidationError } from '../profile/ContractValidationError';
import { parseBody, parsePage } from './parseBody';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  profiles: DataProductProfileService;
  asks: AskService;
}

function entityRefFrom(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'component', defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `entityRef "${value}" is not an entity reference such as component:default/sales-orders`,
    );
  }
}

/** Translates HTTP to service calls and back; nothing else lives here. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, profiles, asks } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const credentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const refFromPath = (req: express.Request) => {
    const { namespace, kind, name } = req.params;
    return stringifyEntityRef({ kind, namespace, name });
  };

  router.get('/products/:namespace/:kind/:name/profile', async (req, res) => {
    res.json(await profiles.getProfile(refFromPath(req), await credentials(req)));
  });

  router.post('/ask', async (req, res) => {
    const body = parseBody(askRequestSchema, req.body);
    const record = await asks.ask(
      { entityRef: entityRefFrom(body.entityRef), question: body.question },
      await credentials(req),
    );
    res.status(201).json(record);
  });

  router.get('/products/:namespace/:kind/:name/asks', async (req, res) => {
    res.json(await asks.history(refFromPath(req), await credentials(req), parsePage(req.query)));
  });

  router.get('/asks/:id', async (req, res) => {
    res.json(await asks.get(req.params.id, await credentials(req)));
  });

  router.post('/asks/:id/feedback', async (req, res) => {
    const body = parseBody(feedbackRequestSchema, req.body);
    res.status(201).json(await asks.feedback(req.params.id, body, await credentials(req)));
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
