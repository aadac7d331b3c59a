import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyGate,
  BUILTIN_VALIDATOR_SPEC,
  gateRolesFor,
  parseDomainConfig,
  specVersion,
  thresholdsHash,
  type ModelSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { appendRecord, loadThresholds, readRegistry } from './registryFiles';
import { servedSpec } from './specs';

const STRICT: ModelSpec = {
  provider: 'builtin',
  model: 'validator-rules',
  options: { minCoverage: 0.9 },
};

// metrics that hold every hard threshold and floor of evals/thresholds.yaml for a validator promotion
const metrics = {
  hard_case_failures: 0,
  governance_leaks: 0,
  pii_block_rate: 1,
  answer_errors: 0,
  answer_accuracy: 1,
  citation_recall: 1,
  citation_precision: 0.8,
  abstention_f1: 1,
  off_domain_refusal_rate: 1,
  validator_errors: 0,
  'validator_recall.pii': 1,
  'validator_recall.restricted': 1,
  'validator_recall.injection': 1,
  'validator_recall.hallucination': 0.97,
  'validator_precision.hallucination': 1,
  'validator_recall.hard-negative': 1,
  'validator_recall.off-scope': 1,
  'validator_recall.graph-swap': 1,
  'validator_precision.graph-swap': 1,
  'validator_recall.pii-sample': 0.9,
  'validator_precision.pii-sample': 1,
  validator_specificity: 1,
};

function promoteInto(dir: string) {
  const thresholds = loadThresholds();
  const gate = applyGate(metrics, metrics, thresholds, {
    roles: gateRolesFor('validator'),
  });
  expect(gate.reasons).toEqual([]);
  const entry = (name: string, spec: ModelSpec) => ({
    name,
    spec,
    specHash: specVersion(spec),
    metrics,
    source: 'file' as const,
    ranOn: ['builtin' as const],
  });
  return appendRecord(
    {
      schemaVersion: 2,
      time: '2026-12-01T10:00:00.000Z',
      domain: 'sales',
      role: 'validator',
      verdict: gate.verdict,
      reasons: gate.reasons,
      gitSha: null,
      promptfooVersion: '0.121.20',
      datasetHash: 'c'.repeat(64),
      datasets: [],
      suites: ['answers-sales', 'validator'],
      champion: entry('builtin-validator', BUILTIN_VALIDATOR_SPEC),
      challenger: entry('strict', STRICT),
      thresholdsHash: thresholdsHash(thresholds),
      thresholds: gate.results,
    },
    dir,
  );
}

describe('registry files', () => {
  const config = parseDomainConfig({});

  it('a verified champion serves in dpa eval; an edited record is refused and app-config serves', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-registry-'));
    const { file } = promoteInto(dir);
    expect(readRegistry(dir).map(r => r.challenger.name)).toEqual(['strict']);
    expect(servedSpec('validator', 'sales', config, dir).spec).toEqual(STRICT);

    const other = mkdtempSync(path.join(tmpdir(), 'dpa-registry-'));
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.challenger.metrics['validator_recall.pii'] = 0.5;
    writeFileSync(
      path.join(other, path.basename(file)),
      JSON.stringify(edited),
    );
    const refused: string[] = [];
    expect(
      readRegistry(other, { onRefused: r => refused.push(...r.problems) }),
    ).toEqual([]);
    expect(refused).toEqual([
      'threshold hard:validator_recall.pii does not follow from the recorded metrics',
      expect.stringMatching(
        /^the thresholds refuse it: hard: validator_recall\.pii/,
      ),
    ]);
    expect(servedSpec('validator', 'sales', config, other).spec).toEqual(
      BUILTIN_VALIDATOR_SPEC,
    );
  });
});
