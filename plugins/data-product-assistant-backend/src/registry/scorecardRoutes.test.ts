import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { specVersion } from '@dpa/plugin-data-product-assistant-node';
import { startPluginBackend } from '../__testUtils__/startPluginBackend';
import {
  LENIENT_VALIDATOR_SPEC,
  registryRecord,
  writeRecord,
  writeThresholds,
} from './__testUtils__/registryRecords';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'registry champions and scorecards on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startPluginBackend>>['server'];
    let knex: Awaited<ReturnType<typeof startPluginBackend>>['knex'];
    let root: string;
    let dir: string;

    beforeAll(async () => {
      root = mkdtempSync(path.join(os.tmpdir(), 'dpa-registry-'));
      dir = path.join(root, 'registry');
      mkdirSync(dir);
      writeThresholds(root);
      ({ server, knex } = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
        {
          registry: { dir, checkIntervalSeconds: 0 },
          domains: {
            finance: {
              answerModel: 'builtin-answer',
              validatorModel: 'strict-validator',
            },
          },
          models: {
            'strict-validator': {
              provider: 'builtin',
              model: 'validator-rules',
              options: { minCoverage: 0.9 },
            },
          },
        },
      ));
    });

    afterAll(async () => {
      await server?.close();
      rmSync(root, { recursive: true, force: true });
    });

    const user = mockCredentials.user.header('user:default/alice');
    const ask = () =>
      request(server)
        .post('/api/data-product-assistant/ask')
        .set('Authorization', user)
        .send({
          entityRef: 'component:default/payments',
          question: 'Who owns this data product?',
        });

    it('serves a newly promoted champion on the next question and shows it on the scorecards', async () => {
      const before = await ask();
      expect(before.status).toBe(201);
      expect(before.body.validatorModel).toMatchObject({
        name: 'strict-validator',
        provider: 'builtin',
      });

      const record = registryRecord({
        time: '2026-05-01T09:30:00.000Z',
        domain: 'finance',
      });
      writeRecord(dir, record);

      const after = await ask();
      expect(after.status).toBe(201);
      expect(after.body.validatorModel).toEqual({
        name: 'builtin-validator-lenient',
        version: specVersion(LENIENT_VALIDATOR_SPEC),
        provider: 'builtin',
      });
      expect(after.body.answerModel.name).toBe('builtin-answer');
      const row = await knex('dpa_asks').where({ id: after.body.id }).first();
      expect(row.validator_model).toBe('builtin-validator-lenient');
      expect(row.validator_model_version).toBe(
        specVersion(LENIENT_VALIDATOR_SPEC),
      );

      const res = await request(server)
        .get('/api/data-product-assistant/scorecards')
        .set('Authorization', user);
      expect(res.status).toBe(200);
      const domains = res.body.domains.map((d: { domain: string }) => d.domain);
      // app-config's finance, the registry's finance, and the demo catalog's domains.
      expect(domains).toEqual(
        expect.arrayContaining(['customer', 'finance', 'sales']),
      );
      expect([...domains].sort()).toEqual(domains);
      const finance = res.body.domains.find(
        (d: { domain: string }) => d.domain === 'finance',
      );
      expect(finance.champions.validator).toMatchObject({
        name: 'builtin-validator-lenient',
        version: specVersion(LENIENT_VALIDATOR_SPEC),
        source: 'registry',
        promotedAt: record.time,
        metrics: record.challenger.metrics,
      });
      expect(finance.champions.answer).toMatchObject({
        name: 'builtin-answer',
        source: 'config',
      });
      expect(finance.history).toEqual([
        expect.objectContaining({
          id: record.id,
          role: 'validator',
          verdict: 'promoted',
          gitSha: record.gitSha,
          datasetHash: record.datasetHash,
          challenger: expect.objectContaining({
            name: 'builtin-validator-lenient',
          }),
          thresholds: record.thresholds,
        }),
      ]);
      const sales = res.body.domains.find(
        (d: { domain: string }) => d.domain === 'sales',
      );
      expect(sales).toMatchObject({
        history: [],
        champions: {
          validator: { name: 'builtin-validator', source: 'config' },
        },
      });
    });

    it('refuses callers with an invalid token', async () => {
      const res = await request(server)
        .get('/api/data-product-assistant/scorecards')
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(res.status).toBe(401);
    });
  },
);
