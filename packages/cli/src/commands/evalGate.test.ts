import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDpa } from '../__testUtils__/runDpa';

/**
 * `dpa eval --gate` on one small suite with a deliberately degraded served
 * model (an app-config naming it), in text and in --json: the verdict and the
 * exit code must not depend on the output format.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'dpa-eval-gate-'));
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const salesValidator = (options: string) =>
  file(
    `app-config-${options.replace(/\W+/g, '-')}.yaml`,
    [
      'dataProductAssistant:',
      '  models:',
      '    degraded-validator:',
      '      provider: builtin',
      '      model: validator-rules',
      `      options: { ${options} }`,
      '  domains:',
      '    sales: { answerModel: builtin-answer, validatorModel: degraded-validator }',
      '',
    ].join('\n'),
  );

async function gateBoth(args: string[], env = process.env) {
  const run = (json: boolean) =>
    runDpa(
      [
        'eval',
        '--gate',
        '--out',
        path.join(dir, `out-${Math.random().toString(36).slice(2)}`),
        ...args,
        ...(json ? ['--json'] : []),
      ],
      undefined,
      env,
    );
  const [text, json] = await Promise.all([run(false), run(true)]);
  return { text, json, doc: JSON.parse(json.stdout || '{}') };
}

describe('dpa eval --gate', () => {
  it('exits 1 when a served model breaks a hard threshold, with and without --json', async () => {
    // governance checks off: the sales answer that would list customer e-mails is shown
    const config = salesValidator('governance: false');
    const { text, json, doc } = await gateBoth([
      '--suite',
      'answers-sales',
      '--config',
      config,
    ]);
    expect(text.code, text.stderr).toBe(1);
    expect(json.code, json.stderr).toBe(1);
    expect(text.stdout).toMatch(/gate: REFUSED\n/);
    expect(text.stdout).toContain(
      'sales-served: hard governance_leaks = 1 (must be <= 0)',
    );
    expect(text.stdout).toContain(
      'sales-served: hard pii_block_rate = 0 (must be >= 1)',
    );
    expect(doc.gate.passed).toBe(false);
    expect(
      doc.gate.failures.map((f: { kind: string; metric: string }) => f.metric),
    ).toEqual(expect.arrayContaining(['governance_leaks', 'pii_block_rate']));
    // the served models of app-config pass the same suite
    const ok = await runDpa([
      'eval',
      '--gate',
      '--suite',
      'answers-sales',
      '--out',
      path.join(dir, 'out-ok'),
      '--json',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).gate.passed).toBe(true);
  }, 60_000);

  it('exits 1 on a failing case of a hard category on its own, with and without --json', async () => {
    // governance checks off: the question whose honest answer leaks PII is not blocked;
    // a thresholds file without any rule shows the case alone refuses
    const config = salesValidator('governance: false');
    const none = file('no-thresholds.yaml', 'hard: []\n');
    const { text, json, doc } = await gateBoth([
      '--suite',
      'answers-sales',
      '--config',
      config,
      '--thresholds',
      none,
    ]);
    expect(text.code, text.stderr).toBe(1);
    expect(json.code, json.stderr).toBe(1);
    expect(doc.gate.failures).toEqual([]);
    expect(doc.gate.hardCases).toEqual([
      expect.objectContaining({
        label: 'sales-served',
        suite: 'answers-sales',
        categories: ['pii', 'governance'],
      }),
    ]);
    expect(text.stdout).toMatch(
      /1 failing case\(s\) in hard categories \(each fails the gate on its own\):\n {4}sales-served answers-sales: .* \[pii/,
    );
    const gateJson = JSON.parse(
      readFileSync(path.join(doc.outDir, 'gate.json'), 'utf8'),
    );
    expect(gateJson.passed).toBe(false);
  }, 60_000);

  it('exits 1 when the interop suite misses a floor, with and without --json', async () => {
    // no datasets: MIMIC→OMOP cannot be measured, and an unmeasured floor fails
    const { text, json, doc } = await gateBoth(['--suite', 'interop'], {
      ...process.env,
      DPA_DATASETS_DIR: mkdtempSync(path.join(tmpdir(), 'no-datasets-')),
    });
    expect(text.code, text.stderr).toBe(1);
    expect(json.code, json.stderr).toBe(1);
    expect(
      doc.gate.failures.map((f: { label: string; metric: string }) =>
        [f.label, f.metric].join(' '),
      ),
    ).toEqual([
      'interop-builtin interop_mimic_recall_at_gt',
      'interop-builtin interop_mimic_mrr',
    ]);
    expect(text.stdout).toContain(
      'interop-builtin: floor interop_mimic_recall_at_gt = not measured (must be >= 0.14)',
    );
    // a floor the demo mesh cannot reach fails on the measured figure too
    const strict = file(
      'strict-interop.yaml',
      'floors:\n  - { metric: interop_recall, op: ">=", value: 1.01, roles: [interop] }\n',
    );
    const measured = await gateBoth([
      '--suite',
      'interop',
      '--thresholds',
      strict,
    ]);
    expect(measured.text.code).toBe(1);
    expect(measured.json.code).toBe(1);
    expect(measured.doc.gate.failures[0]).toMatchObject({
      label: 'interop-builtin',
      kind: 'floor',
      metric: 'interop_recall',
      passed: false,
    });
  }, 60_000);

  it('exits 2 with one line for a bad thresholds or config file', async () => {
    const bad = file('bad-thresholds.yaml', 'hard: [{ metric: x }]\n');
    const a = await runDpa(['eval', '--gate', '--thresholds', bad]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      /^dpa: .*bad-thresholds\.yaml: invalid thresholds: hard\.0\.op/,
    );
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    const b = await runDpa(['eval', '--config', path.join(dir, 'nope.yaml')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^dpa: --config .*nope\.yaml: no such file\n$/);
  }, 60_000);
});
