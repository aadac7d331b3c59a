import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { parseDomainConfig } from '@dpa/plugin-data-product-assistant-node';
import { EvalResults } from './EvalResults';
import { ScorecardService } from './ScorecardService';
import type { ModelRegistry } from './ModelRegistry';
import { registryRecord } from './__testUtils__/registryRecords';

const logger = mockServices.logger.mock();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

/** A results folder with runs written `age` seconds ago (older first). */
function resultsDir(runs: Array<{ run: string; age: number; body: unknown }>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dpa-eval-results-'));
  dirs.push(dir);
  for (const { run, age, body } of runs) {
    mkdirSync(path.join(dir, run));
    const file = path.join(dir, run, 'metrics.json');
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    const time = new Date(Date.now() - age * 1000);
    utimesSync(file, time, time);
  }
  return dir;
}

const run = (salesAccuracy: number) => ({
  metrics: {
    'sales-served': {
      answer_accuracy: salesAccuracy,
      latency_p95_ms: 95,
      // a format the portal does not know yet: nested, with non-numbers
      test: { answer_accuracy: 0.8, note: 'split' },
    },
    'finance-served': { answer_accuracy: 0.9 },
    'validator-served': { validator_recall: 0.95, 'validator_recall.pii': 1 },
  },
  providers: {
    'sales-served': { providers: ['builtin'], hostedCalled: false },
  },
  wallTimeMs: 1234,
});

describe('EvalResults', () => {
  it('reads the newest run, flattening nested metrics and keeping numbers only', async () => {
    const dir = resultsDir([
      { run: 'older', age: 60, body: run(0.5) },
      { run: 'newer', age: 5, body: run(0.75) },
    ]);
    const latest = await new EvalResults({ dir, logger }).latest();
    expect(latest).toMatchObject({
      run: 'newer',
      metrics: {
        'sales-served': {
          answer_accuracy: 0.75,
          latency_p95_ms: 95,
          'test.answer_accuracy': 0.8,
        },
      },
      hostedCalled: { 'sales-served': false },
    });
    expect(latest!.metrics['sales-served']).not.toHaveProperty('test.note');
    expect(Date.parse(latest!.time)).not.toBeNaN();
  });

  it('skips a run whose metrics do not parse, and has none without a folder', async () => {
    const dir = resultsDir([
      { run: 'good', age: 60, body: run(0.5) },
      { run: 'broken', age: 5, body: '{ not json' },
      { run: 'empty', age: 1, body: { something: 'else' } },
    ]);
    expect((await new EvalResults({ dir, logger }).latest())?.run).toBe('good');
    expect(
      await new EvalResults({ dir: undefined, logger }).latest(),
    ).toBeUndefined();
    expect(
      await new EvalResults({
        dir: path.join(dir, 'missing'),
        logger,
      }).latest(),
    ).toBeUndefined();
  });
});

describe('scorecards with the latest evaluation run', () => {
  const domainConfig = parseDomainConfig({
    models: {
      'strict-validator': {
        provider: 'builtin',
        model: 'validator-rules',
        options: { minCoverage: 0.9 },
      },
    },
    domains: {
      finance: {
        answerModel: 'builtin-answer',
        validatorModel: 'strict-validator',
      },
      sales: {
        answerModel: 'builtin-answer',
        validatorModel: 'builtin-validator',
      },
    },
  });
  const service = (dir: string | undefined, records: any[] = []) =>
    new ScorecardService({
      registry: { records: async () => records } as unknown as ModelRegistry,
      domainConfig,
      profiles: { listDataProducts: async () => [] },
      logger,
      evalResults: new EvalResults({ dir, logger }),
    });

  it('shows each serving model the metrics the run measured for it, in its own role', async () => {
    const dir = resultsDir([{ run: 'r1', age: 5, body: run(0.75) }]);
    const res = await service(dir).scorecards(mockCredentials.user());
    expect(res.latestRun?.run).toBe('r1');
    const sales = res.domains.find(d => d.domain === 'sales')!;
    expect(sales.champions.answer.latestRun).toMatchObject({
      run: 'r1',
      label: 'sales-served',
      metrics: { answer_accuracy: 0.75 },
      hostedCalled: false,
    });
    expect(sales.champions.validator.latestRun).toMatchObject({
      label: 'validator-served',
      metrics: { validator_recall: 0.95 },
    });
    expect(sales.champions.answer.latestRun!.metrics).not.toHaveProperty(
      'validator_recall',
    );
    // finance serves its own validator: the validator suite measured another one
    const finance = res.domains.find(d => d.domain === 'finance')!;
    expect(finance.champions.answer.latestRun?.metrics).toEqual({
      answer_accuracy: 0.9,
    });
    expect(finance.champions.validator.latestRun).toBeUndefined();
  });

  it('shows no run metrics for a registry champion the run did not measure, nor without runs', async () => {
    const dir = resultsDir([{ run: 'r1', age: 5, body: run(0.75) }]);
    const promoted = registryRecord({
      time: '2026-05-01T09:30:00.000Z',
      domain: 'sales',
    });
    const res = await service(dir, [promoted]).scorecards(
      mockCredentials.user(),
    );
    const sales = res.domains.find(d => d.domain === 'sales')!;
    expect(sales.champions.validator.source).toBe('registry');
    expect(sales.champions.validator.latestRun).toBeUndefined();
    expect(sales.champions.answer.latestRun).toBeDefined();

    const none = await service(undefined).scorecards(mockCredentials.user());
    expect(none.latestRun).toBeUndefined();
    expect(
      none.domains.every(
        d => !d.champions.answer.latestRun && !d.champions.validator.latestRun,
      ),
    ).toBe(true);
  });
});
