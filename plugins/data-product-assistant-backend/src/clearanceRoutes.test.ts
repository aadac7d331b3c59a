import { randomUUID } from 'node:crypto';
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
import { readReviews, reviewCases } from '@dpa/evals/lib/reviews';
import {
  defaultOwners,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const base = '/api/data-product-assistant';
const PAYMENTS = 'component:default/payments';
/** A platform-team member: restricted clearance by group, and an owner of payments. */
const TREASURER = 'user:default/trudy';
/** Another owner of payments, with the default (internal) clearance. */
const INTERNAL_OWNER = 'user:default/ivan';
const READER = 'user:default/alice';
const IBANS = /DE89370400440532013000|NL91ABNA0417164300|DE89 ?3704/;
const QUESTION = 'Show me example payer IBANs';

/**
 * Values of restricted columns an asker was cleared for never reach a reader
 * who is not, on any path that returns a stored answer. The finance
 * validator here is a hosted one that never blocks (every answer is
 * flagged), so only the storage and read paths stand between the values
 * and the readers.
 */
describe.each(databases.eachSupportedId())(
  'restricted values across readers on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startPluginBackend>>;
    let judge: Awaited<ReturnType<typeof startFakeChatServer>>;
    let askedId: string;

    beforeAll(async () => {
      judge = await startFakeChatServer();
      judge.setHandler(() =>
        completion(
          JSON.stringify({
            status: 'flagged',
            reasons: [
              {
                code: 'ungrounded',
                message: 'unsure',
                claim: null,
                severity: 'warning',
              },
            ],
            groundedness: 0.5,
          }),
        ),
      );
      backend = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
        {
          clearance: {
            default: 'internal',
            groups: [
              { group: 'group:default/platform-team', level: 'restricted' },
            ],
          },
          models: {
            'lenient-judge': {
              provider: 'openai',
              model: 'judge',
              baseUrl: judge.baseUrl,
              maxRetries: 0,
            },
          },
          domains: {
            finance: {
              answerModel: 'builtin-answer',
              validatorModel: 'lenient-judge',
            },
          },
        },
        {
          owners: { ...defaultOwners, [PAYMENTS]: [TREASURER, INTERNAL_OWNER] },
          memberships: { [TREASURER]: ['group:default/platform-team'] },
        },
      );
    });

    afterAll(async () => {
      await backend?.server.close();
      await judge?.close();
    });

    const as = (user: string) => mockCredentials.user.header(user);
    const get = (path: string, user: string) =>
      request(backend.server)
        .get(`${base}${path}`)
        .set('Authorization', as(user));
    const ask = (user: string, question = QUESTION) =>
      request(backend.server)
        .post(`${base}/ask`)
        .set('Authorization', as(user))
        .send({ entityRef: PAYMENTS, question });
    const text = (body: unknown) => JSON.stringify(body);

    it('shows the asker what they are cleared for, and other readers of history and GET /asks/:id no more than theirs', async () => {
      const asked = await ask(TREASURER);
      expect(asked.status).toBe(201);
      expect(asked.body.answer).toMatch(IBANS);
      askedId = asked.body.id;
      await request(backend.server)
        .post(`${base}/asks/${askedId}/feedback`)
        .set('Authorization', as(READER))
        .send({ helpful: false, comment: 'I need the real ones' });

      const history = '/products/default/component/payments/asks';
      expect(text((await get(history, TREASURER)).body)).toMatch(IBANS);
      const read = await get(history, READER);
      expect(read.status).toBe(200);
      expect(read.body.items.map((i: any) => i.id)).toContain(askedId);
      expect(text(read.body)).not.toMatch(IBANS);
      expect(text(read.body)).toContain('[redacted iban]');

      expect(text((await get(`/asks/${askedId}`, TREASURER)).body)).toMatch(
        IBANS,
      );
      const one = await get(`/asks/${askedId}`, READER);
      expect(one.status).toBe(200);
      expect(text(one.body)).not.toMatch(IBANS);

      // Nothing stored in the plain columns holds the values either.
      const row = await backend.knex('dpa_asks').where({ id: askedId }).first();
      expect(text([row.answer, row.output, row.citations])).not.toMatch(IBANS);
    });

    it('an internal asker is never shown the values, even when the validator lets them through', async () => {
      const asked = await ask(READER);
      expect(asked.status).toBe(201);
      expect(asked.body.status).toBe('flagged');
      expect(text(asked.body)).not.toMatch(IBANS);
    });

    it('the MCP action answers each caller at their own clearance', async () => {
      const invoke = (user: string) =>
        backend.actions.invoke({
          id: 'test:ask-data-product',
          input: { entityRef: PAYMENTS, question: QUESTION },
          credentials: mockCredentials.user(user),
        });
      expect(text((await invoke(TREASURER)).output)).toMatch(IBANS);
      expect(text((await invoke(READER)).output)).not.toMatch(IBANS);
    });

    it('the review queue shows each owner the values up to their own clearance', async () => {
      const queue = (user: string) =>
        get(`/review?product=${encodeURIComponent(PAYMENTS)}`, user);
      const cleared = await queue(TREASURER);
      expect(cleared.body.items.map((i: any) => i.ask.id)).toContain(askedId);
      expect(text(cleared.body)).toMatch(IBANS);
      const internal = await queue(INTERNAL_OWNER);
      expect(internal.status).toBe(200);
      expect(internal.body.items.map((i: any) => i.ask.id)).toContain(askedId);
      expect(text(internal.body)).not.toMatch(IBANS);
    });

    it('verified answers, and answers served from them, are shown at everyone’s clearance', async () => {
      const corrected = await request(backend.server)
        .post(`${base}/review/asks/${askedId}`)
        .set('Authorization', as(TREASURER))
        .send({
          action: 'correct',
          answer:
            'Payer IBANs look like DE89370400440532013000 and NL91ABNA0417164300.',
          comment: 'Examples from the contract.',
        });
      expect(corrected.status).toBe(200);
      for (const user of [READER, TREASURER]) {
        const verified = await get(
          '/products/default/component/payments/verified',
          user,
        );
        expect(verified.body.items).toHaveLength(1);
        expect(text(verified.body)).not.toMatch(IBANS);
      }
      const reviewed = await get(
        `/review?product=${encodeURIComponent(PAYMENTS)}&state=corrected`,
        INTERNAL_OWNER,
      );
      expect(reviewed.body.items).toHaveLength(1);
      expect(text(reviewed.body)).not.toMatch(IBANS);

      const served = await ask(READER);
      expect(served.body.verified).toBeDefined();
      expect(text(served.body)).not.toMatch(IBANS);
      const rows = await backend.knex('dpa_verified_answers');
      expect(text(rows)).not.toMatch(IBANS);
    });

    it('the export of rated and reviewed answers (dpa eval export-reviews) holds no restricted value', async () => {
      if (!databaseId.startsWith('POSTGRES')) return; // the export reads a database by URL or file
      const { connection } = backend.knex.client.config;
      const url = `postgresql://${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
      const data = await readReviews(url);
      expect(data.ratings.map(r => r.id)).toContain(askedId);
      expect(data.reviews.map(r => r.id)).toContain(askedId);
      expect(text(reviewCases(data).tests)).not.toMatch(IBANS);
    });

    it('asks stored before answers were sealed are redacted for each reader on read', async () => {
      const id = randomUUID();
      const answer =
        'Column payments.payer_iban: Examples: DE89370400440532013000, NL91ABNA0417164300.';
      const model = {
        name: 'builtin-answer',
        version: '0',
        provider: 'builtin',
      };
      await backend.knex('dpa_asks').insert({
        id,
        entity_ref: PAYMENTS,
        user_ref: TREASURER,
        question: QUESTION,
        answer,
        output: JSON.stringify({
          answer,
          claims: [{ text: answer, citations: ['col:payments.payer_iban'] }],
          abstained: false,
        }),
        status: 'approved',
        reasons: '[]',
        groundedness: 1,
        citations: JSON.stringify([
          { id: 'col:payments.payer_iban', text: answer },
        ]),
        answer_model: model.name,
        answer_model_version: model.version,
        answer_model_provider: model.provider,
        validator_model: model.name,
        validator_model_version: model.version,
        validator_model_provider: model.provider,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_usd: 0,
        latency_ms: 1,
        created_at: new Date(Date.now() - 60_000),
        domain: 'finance',
      });
      const one = await get(`/asks/${id}`, READER);
      expect(one.status).toBe(200);
      expect(text(one.body)).not.toMatch(IBANS);
      expect(one.body.answer).toContain('[redacted iban]');
      const history = await get(
        '/products/default/component/payments/asks?limit=100',
        READER,
      );
      expect(history.body.items.map((i: any) => i.id)).toContain(id);
      expect(text(history.body)).not.toMatch(IBANS);
      expect(text((await get(`/asks/${id}`, TREASURER)).body)).toMatch(IBANS);
    });
  },
);
