import type express from 'express';
import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  reviewActionRequestSchema,
  reviewInteropSortSchema,
  reviewOrderSchema,
  reviewStateFilterSchema,
  reviewVerdictFilterSchema,
} from '@dpa/plugin-data-product-assistant-common';
import type { ReviewService } from '../review/ReviewService';
import { parseBody, parsePage, parseQueryValue } from './parseBody';

const queryString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw new InputError(`${name} must be given once, as a string`);
  return value;
};

/** HTTP for the review queue; every review action is audited. */
export function registerReviewRoutes(
  router: express.Router,
  options: {
    reviews: ReviewService;
    auditor: AuditorService;
    credentials: (req: express.Request) => Promise<BackstageCredentials>;
    entityRefFrom: (value: string) => string;
  },
) {
  const { reviews, auditor, credentials, entityRefFrom } = options;
  const product = (req: express.Request) => {
    const value = queryString(req.query.product, 'product');
    return value === undefined ? undefined : entityRefFrom(value);
  };
  router.get('/review', async (req, res) => {
    res.json(
      await reviews.queue(await credentials(req), {
        product: product(req),
        reason: parseQueryValue(reviewVerdictFilterSchema, req.query.verdict),
        state:
          parseQueryValue(reviewStateFilterSchema, req.query.state) ??
          'pending',
        order: parseQueryValue(reviewOrderSchema, req.query.order),
        ...parsePage(req.query),
      }),
    );
  });

  router.get('/review/interop', async (req, res) => {
    res.json(
      await reviews.interopQueue(await credentials(req), {
        product: product(req),
        sort:
          parseQueryValue(reviewInteropSortSchema, req.query.sort) ??
          'confidence',
        ...parsePage(req.query),
      }),
    );
  });

  router.get('/review/summary', async (req, res) => {
    res.json(await reviews.summary(await credentials(req), product(req)));
  });

  router.post('/review/asks/:id', async (req, res) => {
    const caller = await credentials(req);
    const event = await auditor.createEvent({
      eventId: 'review-action',
      severityLevel: 'medium',
      request: req,
      meta: {
        askId: req.params.id,
        action: typeof req.body?.action === 'string' ? req.body.action : null,
      },
    });
    try {
      const body = parseBody(reviewActionRequestSchema, req.body);
      const item = await reviews.act(req.params.id, body, caller);
      await event.success({
        meta: {
          entityRef: item.ask.entityRef,
          state: item.state,
          comment: item.review?.comment ?? null,
          verdict: item.review?.verdict?.status ?? null,
          verifiedAnswerId: item.review?.verifiedAnswerId ?? null,
          noteId: item.review?.noteId ?? null,
        },
      });
      res.json(item);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
