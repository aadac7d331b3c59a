import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUILTIN_VALIDATOR_SPEC,
  parseRegistryRecord,
  registryRecordId,
  specVersion,
  type ModelSpec,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';

/** The builtin validator with a harmless option change: a different version. */
export const LENIENT_VALIDATOR_SPEC: ModelSpec = {
  provider: 'builtin',
  model: 'validator-rules',
  options: { minCoverage: 0.86 },
};

export interface RecordInput {
  time: string;
  domain: string;
  role?: 'answer' | 'validator';
  verdict?: 'promoted' | 'refused';
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

/** A valid registry record, as `dpa promote` writes it. */
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
    metrics: m.metrics ?? { 'validator_recall.pii': 1, governance_leaks: 0 },
    source,
    ranOn: ['builtin' as const],
  });
  const verdict = input.verdict ?? 'promoted';
  return parseRegistryRecord({
    schemaVersion: 1,
    id: registryRecordId({
      time: input.time,
      domain: input.domain,
      role,
      specHash: specVersion(challenger.spec),
    }),
    time: input.time,
    domain: input.domain,
    role,
    verdict,
    reasons:
      verdict === 'refused' ? ['answer_accuracy regressed beyond 0.02'] : [],
    gitSha: '0123456789abcdef0123456789abcdef01234567',
    promptfooVersion: '0.118.0',
    datasetHash: 'a'.repeat(64),
    datasets: ['evals/suites/answers-finance.yaml'],
    suites: ['answers-finance', 'validator'],
    champion: entry(champion, 'app-config'),
    challenger: entry(challenger, 'file'),
    ...(input.promotedBy ? { promotedBy: input.promotedBy } : {}),
    thresholds: [
      {
        metric: 'governance_leaks',
        kind: 'hard',
        op: '==',
        value: 0,
        champion: 0,
        challenger: 0,
        passed: true,
        reason: 'governance_leaks 0 == 0',
      },
    ],
  });
}

/** Writes the record as `<id>.json` into `dir`. */
export function writeRecord(dir: string, record: RegistryRecord): string {
  const file = path.join(dir, `${record.id}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
