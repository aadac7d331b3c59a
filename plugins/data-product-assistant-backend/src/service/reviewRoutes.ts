import type { AuditorService } from '@backstage/backend-plugin-api';
import { audited } from '../audit/audited';
import type { ReviewService } from '../review/ReviewService';
import { page } from './page';
import type { ApiRouter, Credentials } from './routeTypes';

/** HTTP for the review queue; every review action is audited. */
export function registerReviewRoutes(
  api: ApiRouter,
  options: {
    reviews: ReviewService;
    auditor: AuditorService;
    credentials: Credentials;
  },
) {
  const { reviews, auditor, credentials } = options;

  api.get('/review', async (req, res) => {
    const { product, verdict, state, order } = req.query;
    res.json(
      await reviews.queue(await credentials(req), {
        product,
        reason: verdict,
        state: state ?? 'pending',
        order,
        ...page(req.query),
      }),
    );
  });

  api.get('/review/interop', async (req, res) => {
    res.json(
      await reviews.interopQueue(await credentials(req), {
        product: req.query.product,
        sort: req.query.sort ?? 'confidence',
        ...page(req.query),
      }),
    );
  });

  api.get('/review/summary', async (req, res) => {
    res.json(await reviews.summary(await credentials(req), req.query.product));
  });

  api.post('/review/asks/:id', async (req, res) => {
    const caller = await credentials(req);
    const item = await audited(
      auditor,
      {
        eventId: 'review-action',
        request: req,
        meta: { askId: req.params.id, action: req.body.action },
      },
      () => reviews.act(req.params.id, req.body, caller),
      reviewed => ({
        entityRef: reviewed.ask.entityRef,
        state: reviewed.state,
        comment: reviewed.review?.comment ?? null,
        verdict: reviewed.review?.verdict?.status ?? null,
        verifiedAnswerId: reviewed.review?.verifiedAnswerId ?? null,
        noteId: reviewed.review?.noteId ?? null,
      }),
    );
    res.json(item);
  });
}
