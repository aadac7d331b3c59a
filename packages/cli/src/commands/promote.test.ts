import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  championFor,
  parseRegistryRecord,
  registryRecordSchema,
  thresholdsHash,
  verifyRegistryRecord,
} from '@dpa/plugin-data-product-assistant-node/src/registry';
import { loadThresholds } from '@dpa/evals/lib/registryFiles';
import {
  completion,
  startFakeChatServer,
} from '@dpa/plugin-data-product-assistant-backend-module-openai/testUtils';
import { repoRoot, runDpa } from '../__testUtils__/runDpa';

const dir = mkdtempSync(path.join(tmpdir(), 'dpa-promote-'));
const registry = path.join(dir, 'registry');
const spec = (name: string, yaml: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, yaml);
  return f;
};
const records = () =>
  readdirSync(registry)
    .sort()
    .map(f =>
      parseRegistryRecord(
        JSON.parse(readFileSync(path.join(registry, f), 'utf8')),
      ),
    );
const promote = (args: string[]) =>
  runDpa([
    'promote',
    '--registry',
    registry,
    '--out',
    path.join(dir, `out-${Math.random().toString(36).slice(2)}`),
    '--json',
    ...args,
  ]);

describe('dpa promote', () => {
  it('refuses a degraded validator (PII detection off) and exits 1', async () => {
    const challenger = spec(
      'no-pii.yaml',
      'provider: builtin\nmodel: validator-rules\noptions:\n  pii: false\n',
    );
    const { code, stdout, stderr } = await promote([
      '--domain',
      'sales',
      '--role',
      'validator',
      '--challenger',
      challenger,
    ]);
    expect(code, stderr).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.verdict).toBe('refused');
    // hand-written PII cases planting a restricted column's value are still caught by the
    // restricted-value check: recall drops below 1 without reaching 0
    expect(out.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^hard: validator_recall\.pii = 0(?:\.\d+)? breaks >= 1$/,
        ),
      ]),
    );
    expect(
      out.thresholds.find(
        (t: { metric: string; kind: string }) =>
          t.metric === 'validator_recall.pii' && t.kind === 'hard',
      ).passed,
    ).toBe(false);
    expect(out.champion).toMatchObject({
      name: 'builtin-validator',
      source: 'app-config',
    });
  }, 90_000);

  it('promotes an equal challenger, writes a complete immutable record per run, and championFor picks it', async () => {
    const challenger = spec(
      'answer-t0.yaml',
      'provider: builtin\nmodel: answer-extractive\ntemperature: 0\n',
    );
    const before = readdirSync(registry).length;
    const first = await promote([
      '--domain',
      'finance',
      '--challenger',
      challenger,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).verdict).toBe('promoted');
    const firstFile = JSON.parse(first.stdout).record;
    const firstText = readFileSync(firstFile, 'utf8');

    // the same spec again is not a promotion: exit 2, nothing written
    const again = await promote([
      '--domain',
      'finance',
      '--challenger',
      challenger,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^dpa: challenger answer-t0 is the serving answer model of finance \(answer-t0@[0-9a-f]{12}, from registry\): nothing to promote\n$/,
    );
    expect(readdirSync(registry)).toHaveLength(before + 1);

    const second = await promote([
      '--domain',
      'finance',
      '--challenger',
      spec(
        'answer-t01.yaml',
        'provider: builtin\nmodel: answer-extractive\ntemperature: 0.1\n',
      ),
      '--by',
      'user:default/pat',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(registry)).toHaveLength(before + 2);
    expect(readFileSync(firstFile, 'utf8')).toBe(firstText); // never rewritten

    const rec = JSON.parse(
      readFileSync(JSON.parse(second.stdout).record, 'utf8'),
    );
    for (const key of Object.keys(registryRecordSchema.shape).filter(
      k => k !== 'resultsDir',
    ))
      expect(rec, key).toHaveProperty(key);
    // Who promoted, for the audit trail: --by, else $DPA_USER or the OS user.
    expect(rec.promotedBy).toBe('user:default/pat');
    expect(JSON.parse(firstText).promotedBy).toMatch(/^user:default\/.+/);
    expect(path.basename(JSON.parse(second.stdout).record)).toMatch(
      /^\d{4}-\d\d-\d\dT[\d-]+Z-finance-answer-[0-9a-f]{12}\.json$/,
    );
    expect(rec).toMatchObject({
      domain: 'finance',
      role: 'answer',
      verdict: 'promoted',
      reasons: [],
      promptfooVersion: '0.121.20',
      suites: ['answers-finance'],
      champion: { source: 'registry', ranOn: ['builtin'] }, // the first promotion is now the champion
      challenger: {
        name: 'answer-t01',
        spec: {
          provider: 'builtin',
          model: 'answer-extractive',
          temperature: 0.1,
        },
        source: 'file',
        ranOn: ['builtin'],
      },
    });
    // the record carries what the backend re-checks, and it holds
    expect(rec.schemaVersion).toBe(2);
    expect(rec.thresholdsHash).toBe(thresholdsHash(loadThresholds()));
    expect(verifyRegistryRecord(rec, loadThresholds()).ok).toBe(true);
    // the paired test sits beside the margin of every quality metric that is a share of cases
    const accuracy = rec.thresholds.find(
      (t: { kind: string; metric: string }) =>
        t.kind === 'quality' && t.metric === 'answer_accuracy',
    );
    expect(accuracy.paired).toMatchObject({
      championOnly: 0,
      challengerOnly: 0,
      pValue: 1,
      pWorse: 1,
    });
    expect(accuracy.paired.cases).toBeGreaterThan(5);
    expect(accuracy.paired.bothPass + accuracy.paired.bothFail).toBe(
      accuracy.paired.cases,
    );
    expect(
      rec.thresholds.filter((t: { kind: string }) => t.kind === 'floor').length,
    ).toBeGreaterThan(0);
    expect(rec.gitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(rec.datasetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.datasets).toContain('evals/suites/answers-finance.yaml');
    expect(rec.challenger.metrics.answer_accuracy).toBeGreaterThanOrEqual(
      rec.champion.metrics.answer_accuracy - 0.02,
    );
    expect(rec.thresholds.every((t: { passed: boolean }) => t.passed)).toBe(
      true,
    );

    const champion = championFor(records(), 'finance', 'answer');
    expect(champion?.id).toBe(rec.id);
    expect(champion?.challenger.specHash).toBe(rec.challenger.specHash);
  }, 120_000);

  it('never promotes a hosted model on a run that could not call it', async () => {
    const challenger = spec(
      'hosted.yaml',
      'provider: openai\nmodel: gpt-4.1-mini\napiKeyEnv: DPA_TEST_UNSET_KEY\n',
    );
    const { code, stdout } = await promote([
      '--domain',
      'marketing',
      '--challenger',
      challenger,
    ]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.reasons[0]).toMatch(
      /^hosted challenger hosted \(openai\) could not be called here: environment variable DPA_TEST_UNSET_KEY .* is not set; a run on the built-in model alone never promotes a hosted model$/,
    );
    expect(out.challenger.ranOn).toEqual([]);
    expect(out.challenger.unavailable).toMatch(/DPA_TEST_UNSET_KEY/);
  }, 90_000);

  it('runs a hosted challenger from evals/challengers on its endpoint, through the openai module', async () => {
    const server = await startFakeChatServer();
    // An answer model that always abstains: it is called, and it answers nothing.
    server.setHandler(() =>
      completion(
        JSON.stringify({
          answer: 'Ask the owner.',
          claims: [],
          abstained: true,
          refused: false,
        }),
      ),
    );
    try {
      const { code, stdout, stderr } = await runDpa(
        [
          'promote',
          '--registry',
          registry,
          '--out',
          path.join(dir, 'out-hosted'),
          '--json',
          '--domain',
          'logistics',
          '--challenger',
          path.join(repoRoot, 'evals/challengers/gpt-answer.yaml'),
        ],
        repoRoot,
        {
          ...process.env,
          OPENAI_BASE_URL: server.baseUrl,
          OPENAI_API_KEY: 'test-key',
        },
      );
      expect(code, stderr).toBe(1);
      const out = JSON.parse(stdout);
      expect(out.verdict).toBe('refused');
      expect(out.challenger.name).toBe('gpt-answer');
      // the answers came from the endpoint (the validator is the built-in one)
      expect(out.challenger.ranOn).toContain('openai');
      expect(out.challenger.unavailable).toBeUndefined();
      expect(server.bodies.length).toBeGreaterThan(0);
      expect(server.bodies.every(b => b.model === 'gpt-4.1-mini')).toBe(true);
      // refused on its answers, not for want of an endpoint
      expect(out.reasons.join('\n')).not.toMatch(/could not be called/);
      expect(out.reasons.join('\n')).toMatch(/answer_accuracy/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it.each([
    [['promote', '--challenger', 'x'], 'dpa: --domain is required'],
    [
      ['promote', '--domain', 'sales'],
      'dpa: --challenger is required (a spec file or a model name)',
    ],
    [
      [
        'promote',
        '--domain',
        'sales',
        '--challenger',
        'builtin-answer',
        '--role',
        'judge',
      ],
      'dpa: --role must be answer or validator',
    ],
    [
      ['promote', '--domain', 'hr', '--challenger', 'builtin-answer'],
      'dpa: no answer suite for domain "hr"',
    ],
    [
      ['promote', '--domain', 'sales', '--challenger', 'no-such-model'],
      'dpa: --challenger no-such-model is neither a file nor a model defined in app-config.yaml',
    ],
    [
      [
        'promote',
        '--domain',
        'sales',
        '--challenger',
        spec('acme.yaml', 'provider: acme\nmodel: a1\n'),
      ],
      'provider: unknown model provider "acme" (registered: builtin, openai)',
    ],
  ])(
    'exits 2 with one line on stderr for bad input %#',
    async (args, message) => {
      const { code, stdout, stderr } = await runDpa(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(message);
    },
    60_000,
  );
});
