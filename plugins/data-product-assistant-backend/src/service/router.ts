import express from 'express';
import Router from 'express-promise-router';
import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { AskHistoryService } from '../ask/AskHistoryService';
import type { AskService } from '../ask/AskService';
import type { VerifiedAnswerService } from '../ask/VerifiedAnswerService';
import { auditedAsk } from '../ask/auditedAsk';
import { audited } from '../audit/audited';
import type { InteropService } from '../interop/InteropService';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ScorecardService } from '../registry/ScorecardService';
import type { ReviewService } from '../review/ReviewService';
import { createOpenApiRouter } from '../schema/openapi';
import { errorHandler } from './errorHandler';
import { registerKnowledgeRoutes } from './knowledgeRoutes';
import { registerReviewRoutes } from './reviewRoutes';
import { page } from './page';
import type { ApiRouter, Credentials } from './routeTypes';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  /** Whether the plugin can serve (its database answers); the health route reports it. */
  ready?: () => Promise<boolean>;
  profiles: DataProductProfileService;
  asks: AskService;
  /** Stored asks and feedback, opened at each reader's clearance. */
  history: AskHistoryService;
  verifiedAnswers: VerifiedAnswerService;
  interop: InteropService;
  auditor: AuditorService;
  scorecards: ScorecardService;
  /** Suggestions per product when the request names no `top`. */
  interopTop: number;
  /** Owner knowledge notes; routes are mounted when given. */
  knowledge?: KnowledgeService;
  /** The review queue and verified answers; routes are mounted when given. */
  reviews?: ReviewService;
}

/**
 * Translates HTTP to service calls and back; nothing else lives here. Every
 * request is validated against `src/schema/openapi.yaml` first (a 400 names
 * the first problem); entity refs, trimming and the rules between fields are
 * the services' (so the MCP action behaves the same).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, profiles, asks, history, interop, auditor } = options;
  const router = Router();
  // Parsed before the OpenAPI router, whose error handler would make a 413 a 400
  // and pass the JSON parser's own words on.
  router.use(express.json({ limit: '64kb' }));
  const api: ApiRouter = await createOpenApiRouter({
    validatorOptions: {
      // As before the spec: query parameters the spec does not name are ignored.
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
    },
  });

  // Unauthenticated (see the plugin's auth policy), like Backstage's own health checks.
  api.get('/health', async (_req, res) => {
    const ready = await (options.ready?.() ?? Promise.resolve(true)).catch(
      () => false,
    );
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ok' : 'unavailable' });
  });

  const credentials: Credentials = req =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  api.get('/products/:namespace/:kind/:name/profile', async (req, res) => {
    res.json(await profiles.getProfile(req.params, await credentials(req)));
  });

  api.post('/ask', async (req, res) => {
    const caller = await credentials(req);
    const record = await auditedAsk(
      auditor,
      { request: req, via: 'http', entityRef: req.body.entityRef },
      () => asks.ask(req.body, caller),
    );
    res.status(201).json(record);
  });

  api.get('/products/:namespace/:kind/:name/asks', async (req, res) => {
    res.json(
      await history.history(
        req.params,
        await credentials(req),
        page(req.query),
      ),
    );
  });

  api.get('/asks/:id', async (req, res) => {
    res.json(await history.get(req.params.id, await credentials(req)));
  });

  api.post('/asks/:id/feedback', async (req, res) => {
    res
      .status(201)
      .json(
        await history.feedback(req.params.id, req.body, await credentials(req)),
      );
  });

  api.get('/scorecards', async (req, res) => {
    res.json(await options.scorecards.scorecards(await credentials(req)));
  });

  api.get('/products/:namespace/:kind/:name/interop', async (req, res) => {
    res.json(
      await interop.suggestionsFor(req.params, await credentials(req), {
        top: req.query.top ?? options.interopTop,
      }),
    );
  });

  api.post(
    '/products/:namespace/:kind/:name/interop/decisions',
    async (req, res) => {
      const caller = await credentials(req);
      const { namespace, kind, name } = req.params;
      const decision = await audited(
        auditor,
        {
          eventId: 'interop-decision',
          request: req,
          meta: {
            entityRef: `${kind}:${namespace}/${name}`,
            suggestionId: req.body.suggestionId,
            decision: req.body.decision,
          },
        },
        () => interop.decide(req.params, req.body, caller),
        d => ({
          status: d.status,
          kind: d.kind,
          from: `${d.from.product}.${d.from.table}.${d.from.column}`,
          to: `${d.to.product}.${d.to.table}.${d.to.column}`,
        }),
      );
      res.status(201).json(decision);
    },
  );

  // For the catalog module that turns accepted relationships into relations.
  api.get('/interop/accepted', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await interop.accepted());
  });

  api.get('/products/:namespace/:kind/:name/verified', async (req, res) => {
    res.json({
      items: await options.verifiedAnswers.list(
        req.params,
        await credentials(req),
      ),
    });
  });

  if (options.reviews) {
    registerReviewRoutes(api, {
      reviews: options.reviews,
      auditor,
      credentials,
    });
  }

  if (options.knowledge) {
    registerKnowledgeRoutes(api, {
      knowledge: options.knowledge,
      auditor,
      credentials,
    });
  }

  router.use(api);
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `No route ${req.method} ${req.path.slice(
          0,
          200,
        )} in the Data Product Assistant API`,
      ),
    );
  });
  router.use(errorHandler(options.logger));
  return router;
}
