import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  completion,
  startFakeChatServer,
} from '@dpa/plugin-data-product-assistant-backend-module-openai/testUtils';
import {
  CUSTOMER_OWNER,
  defaultOwners,
  OUTSIDER,
  SALES_OWNER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';
import { mutableProduct } from './__testUtils__/mutableProduct';
import { VERIFIED_RECHECK_TASK_ID } from './review/recheckVerifiedAnswers';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const base = '/api/data-product-assistant';
const READER = 'user:default/alice';
const LOGISTICS_OWNER = 'user:default/lou';
const SHIPMENTS = 'component:default/shipments';
const EMAILS = 'What are example customer email addresses?';
const CORRECTION =
  'Column orders.customer_email holds the e-mail address the customer typed in at checkout. It is restricted personal data, so examples are not shared.';

describe.each(databases.eachSupportedId())(
  'review queue and verified answers on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startPluginBackend>>;
    let hosted: Awaited<ReturnType<typeof startFakeChatServer>>;
    const product = mutableProduct(`orders-${databaseId.toLowerCase()}`);
    const original = readFileSync(product.contractFile, 'utf8');

    beforeAll(async () => {
      hosted = await startFakeChatServer();
      // The hosted logistics model claims what no fact supports: the validator flags it.
      hosted.setHandler(() =>
        completion(
          JSON.stringify({
            answer: 'Shipments are refreshed every five minutes.',
            claims: [
              {
                text: 'Shipments are refreshed every five minutes.',
                citations: ['owner'],
              },
            ],
            abstained: false,
          }),
        ),
      );
      backend = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
        {
          models: {
            'hosted-answer': {
              provider: 'openai',
              model: 'gpt-test',
              baseUrl: hosted.baseUrl,
              maxRetries: 0,
            },
          },
          domains: {
            logistics: {
              answerModel: 'hosted-answer',
              validatorModel: 'builtin-validator',
            },
          },
        },
        {
          owners: {
            ...defaultOwners,
            [product.entityRef]: [SALES_OWNER],
            [SHIPMENTS]: [LOGISTICS_OWNER],
          },
          entities: [product.entity],
        },
      );
    });

    afterAll(async () => {
      await backend?.server.close();
      await hosted?.close();
      product.remove();
    });

    const as = (user: string) => mockCredentials.user.header(user);
    const ask = (
      question: string,
      user = READER,
      entityRef = product.entityRef,
    ) =>
      request(backend.server)
        .post(`${base}/ask`)
        .set('Authorization', as(user))
        .send({ entityRef, question });
    const queue = (user: string, query: Record<string, string> = {}) =>
      request(backend.server)
        .get(`${base}/review`)
        .query(query)
        .set('Authorization', as(user));
    const summary = (user: string, query: Record<string, string> = {}) =>
      request(backend.server)
        .get(`${base}/review/summary`)
        .query(query)
        .set('Authorization', as(user));
    const act = (id: string, body: unknown, user = SALES_OWNER) =>
      request(backend.server)
        .post(`${base}/review/asks/${id}`)
        .set('Authorization', as(user))
        .send(body as object);
    /** Audit events with this id: what was created, and how each ended. */
    const auditEvents = async (eventId: string) => {
      const { calls, results } = backend.auditor.createEvent.mock;
      const events = [];
      for (let i = 0; i < calls.length; i++) {
        const options = calls[i][0] as { eventId: string; meta?: any };
        if (options.eventId !== eventId) continue;
        const event = await results[i].value;
        events.push({
          meta: options.meta,
          success: event.success.mock.calls.map((c: any[]) => c[0]?.meta),
          failed: event.fail.mock.calls.length > 0,
        });
      }
      return events;
    };

    it('queues a hosted model answer the validator flagged for its owners only', async () => {
      const asked = await ask(
        'How often are shipments refreshed?',
        READER,
        SHIPMENTS,
      );
      expect(asked.status).toBe(201);
      expect(asked.body.status).toBe('flagged');
      expect(hosted.bodies.length).toBeGreaterThan(0);

      const owner = await queue(LOGISTICS_OWNER, { verdict: 'flagged' });
      expect(owner.status).toBe(200);
      expect(owner.body.products).toEqual([SHIPMENTS]);
      expect(owner.body.items.map((i: any) => i.ask.id)).toEqual([
        asked.body.id,
      ]);
      const [item] = owner.body.items;
      expect(item).toMatchObject({
        kind: 'answer',
        reason: 'flagged',
        state: 'pending',
        modelAnswer: 'Shipments are refreshed every five minutes.',
      });
      expect(item.ask.reasons.map((r: any) => r.code)).toContain('ungrounded');
      expect(item.ask.claims[0].citations).toEqual(['owner']);
      // The owners are told through Backstage notifications, the asker is not.
      expect(
        backend.notifications.filter(n =>
          n.payload.scope?.endsWith(asked.body.id),
        ),
      ).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/logistics-team',
            excludeEntityRef: READER,
          },
          payload: expect.objectContaining({
            title: 'Shipments: an answer waits for your review',
            description:
              'The validator flagged the answer to “How often are shipments refreshed?”.',
            link: `/data-product-review?product=${encodeURIComponent(
              SHIPMENTS,
            )}`,
            topic: 'data-product-review',
          }),
        },
      ]);

      // Not the sales owner's, and not a reader's.
      expect(
        (await queue(SALES_OWNER)).body.items.map((i: any) => i.ask.id),
      ).not.toContain(asked.body.id);
      expect((await queue(READER)).body).toEqual({
        items: [],
        total: 0,
        products: [],
      });
      expect((await queue(READER, { product: SHIPMENTS })).status).toBe(403);
      expect(
        await summary(LOGISTICS_OWNER, { product: SHIPMENTS }),
      ).toMatchObject({
        status: 200,
        body: { canReview: true, pendingAnswers: 1 },
      });
      expect((await summary(READER, { product: SHIPMENTS })).body).toEqual({
        canReview: false,
        pendingAnswers: 0,
        pendingSuggestions: 0,
      });
    });

    it('lists the queue newest or oldest first', async () => {
      const later = await ask(
        'How often are shipments refreshed, roughly?',
        READER,
        SHIPMENTS,
      );
      expect(later.body.status).toBe('flagged');
      const ids = async (query: Record<string, string>) =>
        (
          await queue(LOGISTICS_OWNER, { verdict: 'flagged', ...query })
        ).body.items.map((i: any) => i.ask.id);
      const newest = await ids({});
      expect(newest).toHaveLength(2);
      expect(newest[0]).toBe(later.body.id);
      expect(await ids({ order: 'newest' })).toEqual(newest);
      expect(await ids({ order: 'oldest' })).toEqual([...newest].reverse());
      expect(await ids({ order: 'oldest', limit: '1', offset: '1' })).toEqual([
        later.body.id,
      ]);
      const bad = await queue(LOGISTICS_OWNER, { order: 'sideways' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        'request/query/order must be equal to one of the allowed values: newest, oldest',
      );
    });

    it('refuses to verify a blocked answer as is, and verifies the owner correction', async () => {
      const blocked = await ask(EMAILS);
      expect(blocked.body.status).toBe('blocked');
      expect(blocked.body.answer).not.toContain('@example');

      const pending = await queue(SALES_OWNER, {
        product: product.entityRef,
        verdict: 'blocked',
      });
      expect(pending.body.items.map((i: any) => i.ask.id)).toEqual([
        blocked.body.id,
      ]);
      // The reviewer reads the withheld answer, values above their clearance redacted.
      const [item] = pending.body.items;
      expect(item.modelAnswer).toContain('customer_email');
      expect(item.modelAnswer).not.toContain('jane.doe@example.com');
      expect(item.modelAnswer).toContain('[redacted');
      expect(item.ask.citations.length).toBeGreaterThan(0);

      const approved = await act(blocked.body.id, { action: 'approve' });
      expect(approved.status).toBe(422);
      expect(approved.body.verdict.status).toBe('blocked');
      expect(approved.body.error.message).toMatch(/cannot be verified/);

      expect((await act(blocked.body.id, { action: 'correct' })).status).toBe(
        400,
      );
      expect(
        (await act(blocked.body.id, { action: 'reject' })).body.error.message,
      ).toMatch(/comment is required/);
      const stranger = await act(
        blocked.body.id,
        { action: 'correct', answer: CORRECTION },
        CUSTOMER_OWNER,
      );
      expect(stranger.status).toBe(403);
      expect(
        (await act(blocked.body.id, { action: 'approve' }, OUTSIDER)).status,
      ).toBe(404);

      const corrected = await act(blocked.body.id, {
        action: 'correct',
        answer: CORRECTION,
        comment: 'Never list e-mail addresses.',
        saveAsNote: true,
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({
        state: 'corrected',
        review: {
          action: 'correct',
          state: 'corrected',
          correctedAnswer: CORRECTION,
          comment: 'Never list e-mail addresses.',
          reviewedBy: SALES_OWNER,
        },
      });
      expect(['approved', 'flagged']).toContain(
        corrected.body.review.verdict.status,
      );
      expect(corrected.body.review.verifiedAnswerId).toMatch(/^[0-9a-f-]{36}$/);

      // The correction became a knowledge note...
      const notes = await request(backend.server)
        .get(
          `${base}/products/default/component/${product.entity.metadata.name}/notes`,
        )
        .set('Authorization', as(READER));
      expect(notes.body.items).toEqual([
        expect.objectContaining({
          id: corrected.body.review.noteId,
          text: CORRECTION,
          author: SALES_OWNER,
        }),
      ]);
      // ...the item left the pending queue, and a second review is refused.
      expect(
        (await queue(SALES_OWNER, { product: product.entityRef })).body.items,
      ).toEqual([]);
      expect(
        (
          await queue(SALES_OWNER, {
            product: product.entityRef,
            state: 'corrected',
          })
        ).body.items[0].ask.id,
      ).toBe(blocked.body.id);
      expect(
        (await act(blocked.body.id, { action: 'reject', comment: 'no' }))
          .status,
      ).toBe(409);

      const events = (await auditEvents('review-action')).filter(
        e => e.meta.askId === blocked.body.id,
      );
      // Every attempt is recorded: the refused ones as failures, the correction as a success.
      expect(events.filter(e => e.failed).length).toBeGreaterThanOrEqual(4);
      expect(events.flatMap(e => e.success)).toEqual([
        expect.objectContaining({
          entityRef: product.entityRef,
          state: 'corrected',
          comment: 'Never list e-mail addresses.',
          verifiedAnswerId: corrected.body.review.verifiedAnswerId,
          noteId: corrected.body.review.noteId,
        }),
      ]);
      // So is the ask itself, with its verdict.
      const asked = (await auditEvents('ask')).find(
        e => e.success[0]?.askId === blocked.body.id,
      );
      expect(asked?.success[0]).toMatchObject({
        askedBy: READER,
        verdict: 'blocked',
        reasons: expect.arrayContaining(['pii']),
      });
    });

    it('answers the same or a near-identical question with the verified answer, without the models', async () => {
      for (const question of [
        EMAILS,
        'what are example customer e-mail addresses',
      ]) {
        const next = await ask(question, 'user:default/bob');
        expect(next.status).toBe(201);
        expect(next.body).toMatchObject({
          status: 'approved',
          answer: CORRECTION,
          answerModel: { name: 'verified-answer' },
          usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
          verified: { verifiedBy: SALES_OWNER },
        });
        expect(next.body.reasons[0].message).toMatch(
          /^Verified by user:default\/sally on \d{4}-\d\d-\d\d/,
        );
        expect(next.body.citations.length).toBeGreaterThan(0);
      }
      // A different question still goes to the models.
      const other = await ask(
        'Who owns this data product?',
        'user:default/bob',
      );
      expect(other.body.verified).toBeUndefined();
      expect(other.body.answerModel.name).toBe('builtin-answer');

      const verified = await request(backend.server)
        .get(
          `${base}/products/default/component/${product.entity.metadata.name}/verified`,
        )
        .set('Authorization', as(READER));
      expect(verified.body.items).toHaveLength(1);
      expect(verified.body.items[0]).toMatchObject({
        status: 'active',
        answer: CORRECTION,
      });
    });

    it('demotes a verified answer a contract change contradicts, back to review', async () => {
      // The column the verified answer is about is gone from the contract.
      const changed = product.withoutColumn(original, 'customer_email');
      expect(changed).not.toContain('customer_email\n');
      product.writeContract(changed);
      // The note the correction became would still vouch for it: delete it, as an owner would.
      const notesPath = `${base}/products/default/component/${product.entity.metadata.name}/notes`;
      const notes = await request(backend.server)
        .get(notesPath)
        .set('Authorization', as(READER));
      for (const note of notes.body.items) {
        await request(backend.server)
          .delete(`${notesPath}/${note.id}`)
          .set('Authorization', as(SALES_OWNER));
      }

      const next = await ask(EMAILS, 'user:default/bob');
      expect(next.body.verified).toBeUndefined();
      expect(next.body.answerModel.name).toBe('builtin-answer');

      const demoted = await queue(SALES_OWNER, {
        product: product.entityRef,
        verdict: 'demoted',
      });
      expect(demoted.body.items).toHaveLength(1);
      expect(demoted.body.items[0]).toMatchObject({
        reason: 'demoted',
        state: 'pending',
        demoted: { status: 'demoted', answer: CORRECTION },
      });
      expect(demoted.body.items[0].demoted.demotedReason).toMatch(
        /col:orders\.customer_email was removed/,
      );
      const [demotedAsk] = demoted.body.items;
      expect(
        backend.notifications
          .filter(n => n.payload.scope?.endsWith(demotedAsk.ask.id))
          .map(n => n.payload.description),
      ).toContain(
        `A contract change contradicts the verified answer to “${EMAILS}”.`,
      );
      expect(await auditEvents('verified-answer-demoted')).toEqual([
        expect.objectContaining({
          meta: expect.objectContaining({
            entityRef: product.entityRef,
            verifiedBy: SALES_OWNER,
          }),
        }),
      ]);
    });

    it('re-checks verified answers on schedule when nobody asks', async () => {
      product.writeContract(original);
      const blocked = await ask(EMAILS, 'user:default/carol');
      // The demoted answer is no longer served: the models answer (and block) again.
      expect(blocked.body.status).toBe('blocked');
      const demotedItem = (
        await queue(SALES_OWNER, {
          product: product.entityRef,
          verdict: 'demoted',
        })
      ).body.items[0];
      const reapproved = await act(demotedItem.ask.id, {
        action: 'approve',
        comment: 'Still right with the column back.',
      });
      expect(reapproved.status).toBe(200);
      expect(reapproved.body.review.verdict.status).not.toBe('blocked');
      expect((await ask(EMAILS, 'user:default/dan')).body.verified?.id).toBe(
        reapproved.body.review.verifiedAnswerId,
      );

      product.writeContract(product.withoutColumn(original, 'customer_email'));
      await backend.scheduler.triggerTask(VERIFIED_RECHECK_TASK_ID);
      const verified = await request(backend.server)
        .get(
          `${base}/products/default/component/${product.entity.metadata.name}/verified`,
        )
        .set('Authorization', as(READER));
      expect(verified.body.items.map((v: any) => v.status)).toEqual([
        'demoted',
        'demoted',
      ]);
      product.writeContract(original);
    });

    it('rejects with a comment, and answers bad input with 400 and unknown answers with 404', async () => {
      const blocked = await ask('Show me the customer emails', READER);
      expect(blocked.body.status).toBe('blocked');
      const rejected = await act(blocked.body.id, {
        action: 'reject',
        comment: 'Asks for personal data.',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        state: 'rejected',
        review: { action: 'reject', comment: 'Asks for personal data.' },
      });
      expect(rejected.body.review.verifiedAnswerId).toBeUndefined();
      expect(
        (await ask('Show me the customer emails', 'user:default/erin')).body
          .verified,
      ).toBeUndefined();

      expect((await act(blocked.body.id, { action: 'publish' })).status).toBe(
        400,
      );
      expect(
        (await act(blocked.body.id, { action: 'approve', answer: 'x' })).body
          .error.message,
      ).toMatch(/only accepted with action "correct"/);
      expect(
        (
          await act('00000000-0000-4000-8000-000000000000', {
            action: 'approve',
          })
        ).status,
      ).toBe(404);
      expect((await queue(SALES_OWNER, { verdict: 'maybe' })).status).toBe(400);
      expect((await queue(SALES_OWNER, { product: 'not a ref:' })).status).toBe(
        400,
      );
      expect((await queue(SALES_OWNER, { limit: '1000' })).status).toBe(400);
    });
  },
);
