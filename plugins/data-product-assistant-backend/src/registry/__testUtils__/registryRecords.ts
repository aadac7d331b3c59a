import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyGate,
  BUILTIN_VALIDATOR_SPEC,
  gateRolesFor,
  parseRegistryRecord,
  registryRecordId,
  specVersion,
  thresholdsHash,
  type GateThresholdsInput,
  type ModelSpec,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';

/** The builtin validator with a harmless option change: a different version. */
export const LENIENT_VALIDATOR_SPEC: ModelSpec = {
  provider: 'builtin',
  model: 'validator-rules',
  options: { minCoverage: 0.86 },
};

/** A small gate: what the records below are checked against. */
export const TEST_THRESHOLDS: GateThresholdsInput = {
  hard: [
    { metric: 'governance_leaks', op: '<=', value: 0, roles: ['answer'] },
    {
      metric: 'validator_recall.pii',
      op: '>=',
      value: 0.9,
      roles: ['validator'],
    },
  ],
  floors: [
    { metric: 'answer_accuracy', op: '>=', value: 0.8, roles: ['answer'] },
  ],
  quality: [{ metric: 'answer_accuracy', margin: 0.02, roles: ['answer'] }],
};

/** Writes the thresholds file a ModelRegistry checks records against; returns its path. */
export function writeThresholds(
  dir: string,
  thresholds: GateThresholdsInput = TEST_THRESHOLDS,
): string {
  const file = path.join(dir, 'thresholds.yaml');
  writeFileSync(file, `# test gate\n${JSON.stringify(thresholds, null, 2)}\n`);
  return file;
}

export interface RecordInput {
  time: string;
  domain: string;
  role?: 'answer' | 'validator';
  challenger?: {
    name: string;
    spec: ModelSpec;
    metrics?: Record<string, number>;
  };
  champion?: {
    name: string;
    spec: ModelSpec;
    metrics?: Record<string, number>;
  };
  promotedBy?: string;
}

const GOOD = {
  governance_leaks: 0,
  answer_accuracy: 1,
  'validator_recall.pii': 1,
};

/**
 * A registry record as `dpa promote` writes it: the gate of TEST_THRESHOLDS
 * applied to the metrics decides the verdict (metrics breaking it give a
 * refused record).
 */
export function registryRecord(input: RecordInput): RegistryRecord {
  const role = input.role ?? 'validator';
  const challenger = input.challenger ?? {
    name: 'builtin-validator-lenient',
    spec: LENIENT_VALIDATOR_SPEC,
  };
  const champion = input.champion ?? {
    name: 'builtin-validator',
    spec: BUILTIN_VALIDATOR_SPEC,
  };
  const entry = (
    m: { name: string; spec: ModelSpec; metrics?: Record<string, number> },
    source: 'app-config' | 'file',
  ) => ({
    name: m.name,
    spec: m.spec,
    specHash: specVersion(m.spec),
    metrics: m.metrics ?? GOOD,
    source,
    ranOn: ['builtin' as const],
  });
  const gate = applyGate(
    champion.metrics ?? GOOD,
    challenger.metrics ?? GOOD,
    TEST_THRESHOLDS,
    { roles: gateRolesFor(role) },
  );
  return parseRegistryRecord({
    schemaVersion: 2,
    id: registryRecordId({
      time: input.time,
      domain: input.domain,
      role,
      specHash: specVersion(challenger.spec),
    }),
    time: input.time,
    domain: input.domain,
    role,
    verdict: gate.verdict,
    reasons: gate.reasons,
    gitSha: '0123456789abcdef0123456789abcdef01234567',
    promptfooVersion: '0.121.20',
    datasetHash: 'a'.repeat(64),
    datasets: ['evals/suites/answers-finance.yaml'],
    suites: ['answers-finance', 'validator'],
    champion: entry(champion, 'app-config'),
    challenger: entry(challenger, 'file'),
    ...(input.promotedBy ? { promotedBy: input.promotedBy } : {}),
    thresholdsHash: thresholdsHash(TEST_THRESHOLDS),
    thresholds: gate.results,
  });
}

/** Writes the record as `<id>.json` into `dir`. */
export function writeRecord(
  dir: string,
  record: object & { id: string },
): string {
  const file = path.join(dir, `${record.id}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
