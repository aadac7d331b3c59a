import express from 'express';
import Router from 'express-promise-router';
import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  askRequestSchema,
  feedbackRequestSchema,
  interopDecisionRequestSchema,
} from '@dpa/plugin-data-product-assistant-common';
import type { AskHistoryService } from '../ask/AskHistoryService';
import type { AskService } from '../ask/AskService';
import type { VerifiedAnswerService } from '../ask/VerifiedAnswerService';
import { auditedAsk } from '../ask/auditedAsk';
import type { InteropService } from '../interop/InteropService';
import { parseTop } from '../interop/interopSettings';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ScorecardService } from '../registry/ScorecardService';
import { NotFoundError } from '@backstage/errors';
import { parseBody, parsePage } from './parseBody';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import { registerKnowledgeRoutes } from './knowledgeRoutes';
import type { ReviewService } from '../review/ReviewService';
import { registerReviewRoutes } from './reviewRoutes';
import { entityRefFrom, entityRefFromPath } from './entityRefs';
import { errorHandler } from './errorHandler';

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

/** Translates HTTP to service calls and back; nothing else lives here. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, profiles, asks, history, interop, auditor } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  // Unauthenticated (see the plugin's auth policy), like Backstage's own health checks.
  router.get('/health', async (_req, res) => {
    const ready = await (options.ready?.() ?? Promise.resolve(true)).catch(
      () => false,
    );
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ok' : 'unavailable' });
  });

  const credentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const refFromPath = (req: express.Request) => entityRefFromPath(req.params);

  router.get('/products/:namespace/:kind/:name/profile', async (req, res) => {
    res.json(
      await profiles.getProfile(refFromPath(req), await credentials(req)),
    );
  });

  router.post('/ask', async (req, res) => {
    const caller = await credentials(req);
    const record = await auditedAsk(
      auditor,
      { request: req, via: 'http', entityRef: req.body?.entityRef },
      async () => {
        const body = parseBody(askRequestSchema, req.body);
        return asks.ask(
          { entityRef: entityRefFrom(body.entityRef), question: body.question },
          caller,
        );
      },
    );
    res.status(201).json(record);
  });

  router.get('/products/:namespace/:kind/:name/asks', async (req, res) => {
    res.json(
      await history.history(
        refFromPath(req),
        await credentials(req),
        parsePage(req.query),
      ),
    );
  });

  router.get('/asks/:id', async (req, res) => {
    res.json(await history.get(req.params.id, await credentials(req)));
  });

  router.post('/asks/:id/feedback', async (req, res) => {
    const body = parseBody(feedbackRequestSchema, req.body);
    res
      .status(201)
      .json(
        await history.feedback(req.params.id, body, await credentials(req)),
      );
  });

  router.get('/scorecards', async (req, res) => {
    res.json(await options.scorecards.scorecards(await credentials(req)));
  });

  router.get('/products/:namespace/:kind/:name/interop', async (req, res) => {
    const top = parseTop(req.query.top, options.interopTop);
    res.json(
      await interop.suggestionsFor(refFromPath(req), await credentials(req), {
        top,
      }),
    );
  });

  router.post(
    '/products/:namespace/:kind/:name/interop/decisions',
    async (req, res) => {
      const entityRef = refFromPath(req);
      const caller = await credentials(req);
      const event = await auditor.createEvent({
        eventId: 'interop-decision',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef,
          suggestionId:
            typeof req.body?.suggestionId === 'string'
              ? req.body.suggestionId
              : null,
          decision:
            typeof req.body?.decision === 'string' ? req.body.decision : null,
        },
      });
      try {
        const body = parseBody(interopDecisionRequestSchema, req.body);
        const decision = await interop.decide(entityRef, body, caller);
        await event.success({
          meta: {
            status: decision.status,
            kind: decision.kind,
            from: `${decision.from.product}.${decision.from.table}.${decision.from.column}`,
            to: `${decision.to.product}.${decision.to.table}.${decision.to.column}`,
          },
        });
        res.status(201).json(decision);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  // For the catalog processor that turns accepted relationships into relations.
  router.get('/interop/accepted', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await interop.accepted());
  });

  router.get('/products/:namespace/:kind/:name/verified', async (req, res) => {
    res.json({
      items: await options.verifiedAnswers.list(
        refFromPath(req),
        await credentials(req),
      ),
    });
  });

  if (options.reviews) {
    registerReviewRoutes(router, {
      reviews: options.reviews,
      auditor,
      credentials,
      entityRefFrom,
    });
  }

  if (options.knowledge) {
    registerKnowledgeRoutes(router, {
      knowledge: options.knowledge,
      auditor,
      credentials,
    });
  }

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
