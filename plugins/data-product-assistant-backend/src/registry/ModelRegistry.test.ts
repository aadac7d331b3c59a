import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockServices } from '@backstage/backend-test-utils';
import {
  BUILTIN_VALIDATOR_SPEC,
  parseDomainConfig,
  specVersion,
} from '@dpa/plugin-data-product-assistant-node';
import { ModelRegistry } from './ModelRegistry';
import { servedDomainModels } from './servedModels';
import { ScorecardService } from './ScorecardService';
import {
  LENIENT_VALIDATOR_SPEC,
  registryRecord,
  TEST_THRESHOLDS,
  writeRecord,
  writeThresholds,
} from './__testUtils__/registryRecords';

const STRICTER: typeof LENIENT_VALIDATOR_SPEC = {
  provider: 'builtin',
  model: 'validator-rules',
  options: { minCoverage: 0.95 },
};

describe('ModelRegistry', () => {
  let root: string;
  let dir: string;
  const logger = mockServices.logger.mock();

  beforeEach(() => {
    // evals/ layout: registry/ with thresholds.yaml beside it
    root = mkdtempSync(path.join(os.tmpdir(), 'dpa-registry-'));
    dir = path.join(root, 'registry');
    mkdirSync(dir);
    writeThresholds(root);
    logger.warn.mockClear();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('has no records without a folder or with a missing one', async () => {
    expect(
      await new ModelRegistry({ dir: undefined, logger }).records(),
    ).toEqual([]);
    const missing = new ModelRegistry({ dir: path.join(dir, 'nope'), logger });
    expect(await missing.records()).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs and refuses files that are not valid records', async () => {
    const good = registryRecord({
      time: '2026-01-01T10:00:00.000Z',
      domain: 'finance',
    });
    writeRecord(dir, good);
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    writeFileSync(
      path.join(dir, 'wrong-shape.json'),
      JSON.stringify({ schemaVersion: 1 }),
    );
    writeFileSync(path.join(dir, 'README.md'), '# not a record');

    const records = await new ModelRegistry({ dir, logger }).records();

    expect(records.map(r => r.id)).toEqual([good.id]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    const warnings = (logger.warn.mock.calls as unknown[][])
      .map(c => String(c[0]))
      .join('\n');
    expect(warnings).toMatch(/Refusing model registry record broken\.json/);
    expect(warnings).toMatch(
      /Refusing model registry record wrong-shape\.json: invalid registry record/,
    );
  });

  it('reports each record once, so every promotion is audited once per instance', async () => {
    const seen: Array<{ ids: string[]; firstRead: boolean }> = [];
    const registry = new ModelRegistry({
      dir,
      logger,
      checkIntervalMs: 0,
      async onNewRecords(records, firstRead) {
        seen.push({ ids: records.map(r => r.id), firstRead });
      },
    });
    const first = registryRecord({
      time: '2026-01-01T10:00:00.000Z',
      domain: 'finance',
      promotedBy: 'user:default/pat',
    });
    writeRecord(dir, first);
    await registry.records();
    await registry.records();
    const second = registryRecord({
      time: '2026-01-02T10:00:00.000Z',
      domain: 'sales',
    });
    writeRecord(dir, second);
    await registry.records();
    expect(seen).toEqual([
      { ids: [first.id], firstRead: true },
      { ids: [second.id], firstRead: false },
    ]);
    expect(
      (await registry.records()).find(r => r.id === first.id)?.promotedBy,
    ).toBe('user:default/pat');
  });

  it('re-reads the folder when it changes, at most once per interval', async () => {
    const cached = new ModelRegistry({ dir, logger, checkIntervalMs: 60_000 });
    const live = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
    expect(await cached.records()).toEqual([]);
    expect(await live.records()).toEqual([]);

    writeRecord(
      dir,
      registryRecord({ time: '2026-01-01T10:00:00.000Z', domain: 'finance' }),
    );

    expect(await live.records()).toHaveLength(1);
    expect(await cached.records()).toEqual([]);
  });

  it('picks the latest promoted record per domain and role; app-config serves otherwise', async () => {
    const config = parseDomainConfig({
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
      },
    });
    const older = registryRecord({
      time: '2026-01-01T10:00:00.000Z',
      domain: 'finance',
    });
    const latest = registryRecord({
      time: '2026-02-01T10:00:00.000Z',
      domain: 'finance',
      challenger: { name: 'builtin-validator-stricter', spec: STRICTER },
    });
    const refusedLater = registryRecord({
      time: '2026-03-01T10:00:00.000Z',
      domain: 'finance',
      challenger: {
        name: 'refused-one',
        spec: {
          provider: 'builtin',
          model: 'validator-rules',
          options: { minCoverage: 0.5 },
        },
        metrics: {
          governance_leaks: 0,
          answer_accuracy: 1,
          'validator_recall.pii': 0.5,
        },
      },
    });
    expect(refusedLater.verdict).toBe('refused');
    const otherDomain = registryRecord({
      time: '2026-04-01T10:00:00.000Z',
      domain: 'sales',
    });
    for (const r of [older, latest, refusedLater, otherDomain])
      writeRecord(dir, r);
    const records = await new ModelRegistry({ dir, logger }).records();

    const finance = servedDomainModels(config, 'finance', records);
    expect(finance.validator).toMatchObject({
      name: 'builtin-validator-stricter',
      source: 'registry',
      spec: STRICTER,
    });
    expect(finance.validator.record?.id).toBe(latest.id);
    expect(finance.answer).toMatchObject({
      name: 'builtin-answer',
      source: 'config',
    });

    const customer = servedDomainModels(config, 'customer', records);
    expect(customer.validator).toMatchObject({
      name: 'builtin-validator',
      source: 'config',
    });
    expect(customer.key).toBe('config|config');
    expect(servedDomainModels(config, 'sales', records).validator.spec).toEqual(
      LENIENT_VALIDATOR_SPEC,
    );

    const scorecards = await new ScorecardService({
      registry: new ModelRegistry({ dir, logger }),
      domainConfig: config,
      profiles: { listDataProducts: async () => [] },
      logger,
    }).scorecards({} as any);
    expect(scorecards.domains.map(d => d.domain)).toEqual(['finance', 'sales']);
    const card = scorecards.domains[0];
    expect(card.champions.validator).toEqual({
      name: 'builtin-validator-stricter',
      version: specVersion(STRICTER),
      provider: 'builtin',
      source: 'registry',
      promotedAt: latest.time,
      recordId: latest.id,
      metrics: latest.challenger.metrics,
    });
    expect(card.champions.answer).toMatchObject({
      name: 'builtin-answer',
      source: 'config',
    });
    expect(card.champions.answer.metrics).toBeUndefined();
    expect(card.history.map(h => [h.id, h.verdict])).toEqual([
      [refusedLater.id, 'refused'],
      [latest.id, 'promoted'],
      [older.id, 'promoted'],
    ]);
    expect(specVersion(BUILTIN_VALIDATOR_SPEC)).not.toBe(specVersion(STRICTER));
  });

  describe('refuses records that do not hold, and the configured model serves', () => {
    const config = parseDomainConfig({
      domains: {
        finance: {
          answerModel: 'builtin-answer',
          validatorModel: 'builtin-validator',
        },
      },
    });
    const json = (r: object) => JSON.parse(JSON.stringify(r));
    const promoted = () =>
      json(
        registryRecord({ time: '2026-01-01T10:00:00.000Z', domain: 'finance' }),
      );

    async function served(record: Record<string, any>, fileName?: string) {
      logger.warn.mockClear();
      if (fileName)
        writeFileSync(path.join(dir, fileName), JSON.stringify(record));
      else writeRecord(dir, record as { id: string });
      const records = await new ModelRegistry({ dir, logger }).records();
      const warnings = (logger.warn.mock.calls as unknown[][]).map(c =>
        String(c[0]),
      );
      return {
        records,
        validator: servedDomainModels(config, 'finance', records).validator,
        warnings,
      };
    }

    it('serves an untouched promotion', async () => {
      const r = await served(promoted());
      expect(r.warnings).toEqual([]);
      expect(r.validator).toMatchObject({
        source: 'registry',
        spec: LENIENT_VALIDATOR_SPEC,
      });
    });

    it.each([
      [
        'a refused promotion edited to say promoted',
        () => {
          const r = json(
            registryRecord({
              time: '2026-01-01T10:00:00.000Z',
              domain: 'finance',
              challenger: {
                name: 'builtin-validator-lenient',
                spec: LENIENT_VALIDATOR_SPEC,
                metrics: { governance_leaks: 0, 'validator_recall.pii': 0.2 },
              },
            }),
          );
          return {
            ...r,
            verdict: 'promoted',
            reasons: [],
            thresholds: r.thresholds.map((t: object) => ({
              ...t,
              passed: true,
            })),
          };
        },
        /threshold hard:validator_recall\.pii does not follow from the recorded metrics/,
      ],
      [
        'a metric edited after the gate ran',
        () => {
          const r = promoted();
          r.challenger.metrics['validator_recall.pii'] = 0.5;
          return r;
        },
        /threshold hard:validator_recall\.pii does not follow from the recorded metrics/,
      ],
      [
        'a spec swapped without its hash',
        () => {
          const r = promoted();
          r.challenger.spec = {
            provider: 'builtin',
            model: 'validator-rules',
            options: { pii: false },
          };
          return r;
        },
        /challenger builtin-validator-lenient: specHash [0-9a-f]{12} is not the hash of its spec/,
      ],
      [
        'a record gated by other thresholds',
        () => ({ ...promoted(), thresholdsHash: 'b'.repeat(64) }),
        /gated by other thresholds/,
      ],
      [
        'a version 1 record',
        () => {
          const { thresholdsHash: _h, ...r } = promoted();
          return { ...r, schemaVersion: 1 };
        },
        /schemaVersion 1 is not 2 \(version 1 records carry no thresholds hash and cannot be verified/,
      ],
      [
        'a promotion of a challenger identical to its champion',
        () =>
          json(
            registryRecord({
              time: '2026-01-01T10:00:00.000Z',
              domain: 'finance',
              challenger: {
                name: 'builtin-validator',
                spec: BUILTIN_VALIDATOR_SPEC,
              },
            }),
          ),
        /promotes a challenger identical to its champion/,
      ],
    ])('%s', async (_name, make, problem) => {
      const record = make();
      const r = await served(record);
      expect(r.records).toEqual([]);
      expect(r.validator).toMatchObject({
        name: 'builtin-validator',
        source: 'config',
      });
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(
        new RegExp(`^Refusing model registry record ${record.id}\\.json: `),
      );
      expect(r.warnings[0]).toMatch(problem);
      expect(r.warnings[0]).toMatch(/The configured model serves instead\.$/);
    });

    it('refuses a record copied under another name', async () => {
      const r = await served(promoted(), 'renamed.json');
      expect(r.records).toEqual([]);
      expect(r.warnings[0]).toMatch(
        /^Refusing model registry record renamed\.json: its id is /,
      );
    });

    it('refuses every record when the thresholds change or go missing, and re-reads on change', async () => {
      const registry = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
      writeRecord(dir, promoted());
      expect(await registry.records()).toHaveLength(1);
      // raising a floor: the champion was not gated by this file
      writeThresholds(root, {
        ...TEST_THRESHOLDS,
        floors: [
          {
            metric: 'answer_accuracy',
            op: '>=',
            value: 0.95,
            roles: ['answer'],
          },
        ],
      });
      logger.warn.mockClear();
      expect(await registry.records()).toEqual([]);
      expect(String(logger.warn.mock.calls[0]?.[0])).toMatch(
        /gated by other thresholds/,
      );
      // back to the thresholds it was gated by
      writeThresholds(root);
      expect(await registry.records()).toHaveLength(1);
      rmSync(path.join(root, 'thresholds.yaml'));
      expect(await registry.records()).toEqual([]);
    });
  });
});
