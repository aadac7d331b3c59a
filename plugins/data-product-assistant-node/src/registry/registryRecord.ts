import { z } from 'zod';
import { modelSpecSchema } from '../models/domainConfig';
import { pairedTestSchema } from './pairedTest';

/** Which model of a domain a record is about. */
export const registryRoleSchema = z.enum(['answer', 'validator']);
export type RegistryRole = z.infer<typeof registryRoleSchema>;

/** Metric name → value, e.g. `answer_accuracy`, `validator_recall.pii`, `governance_leaks`. */
export const gateMetricsSchema = z.record(z.string(), z.number());
export type GateMetrics = z.infer<typeof gateMetricsSchema>;

/** One threshold as applied: its rule, both values and whether it held. */
export const thresholdResultSchema = z
  .object({
    metric: z.string().min(1),
    /** `hard` (governance), `floor` (absolute quality floor), `quality` (relative to the champion). */
    kind: z.enum(['hard', 'floor', 'quality']),
    /** For hard and floor thresholds the comparison (`>=`, `<=`, `==`) against `value`. */
    op: z.enum(['>=', '<=', '==']).optional(),
    value: z.number().optional(),
    /** For quality thresholds: how far the challenger may fall behind the champion. */
    margin: z.number().optional(),
    direction: z.enum(['higher', 'lower']).optional(),
    /** For quality thresholds with case-by-case outcomes: the paired comparison (exact McNemar). */
    paired: pairedTestSchema.optional(),
    champion: z.number().nullable(),
    challenger: z.number().nullable(),
    passed: z.boolean(),
    /** Skipped thresholds (metric measured for neither model) count as passed. */
    skipped: z.boolean().optional(),
    reason: z.string(),
  })
  .strict();
export type ThresholdResult = z.infer<typeof thresholdResultSchema>;

const modelEntrySchema = z
  .object({
    /** Name in app-config (`builtin-answer`, `gpt-answer`) or the challenger file's name. */
    name: z.string().min(1),
    spec: modelSpecSchema,
    /** `specVersion(spec)`: 12 hex digits of sha256 over the canonical spec. */
    specHash: z.string().regex(/^[0-9a-f]{12}$/),
    metrics: gateMetricsSchema,
    /** Where the model was taken from. */
    source: z.enum(['registry', 'app-config', 'file']),
    /** Providers whose answers produced the metrics (`builtin`, `openai`, ...). */
    ranOn: z.array(z.string().min(1)),
    /** Set when the model could not be called (no key, no endpoint). */
    unavailable: z.string().optional(),
  })
  .strict();
export type RegistryModelEntry = z.infer<typeof modelEntrySchema>;

/** The record format `dpa promote` writes. Version 1 records (no thresholds hash) cannot be verified and are refused. */
export const REGISTRY_SCHEMA_VERSION = 2;

/**
 * One immutable promotion record in `evals/registry/`: one JSON file per
 * record, named by `registryFileName`, never rewritten.
 */
export const registryRecordSchema = z
  .object({
    schemaVersion: z.literal(REGISTRY_SCHEMA_VERSION),
    /** The file name without `.json`. */
    id: z.string().min(1),
    /** ISO 8601 UTC. */
    time: z.string().datetime(),
    domain: z.string().min(1),
    role: registryRoleSchema,
    verdict: z.enum(['promoted', 'refused']),
    /** Why it was refused (failed thresholds, hosted model not run); empty when promoted. */
    reasons: z.array(z.string()),
    /** Commit the evaluation ran on; null outside a git checkout. */
    gitSha: z.string().nullable(),
    promptfooVersion: z.string().min(1),
    /** sha256 over the suite files and datasets used, in `datasets` order. */
    datasetHash: z.string().regex(/^[0-9a-f]{64}$/),
    datasets: z.array(z.string()),
    suites: z.array(z.string()),
    champion: modelEntrySchema,
    challenger: modelEntrySchema,
    /** `thresholdsHash` of the thresholds file the gate applied. */
    thresholdsHash: z.string().regex(/^[0-9a-f]{64}$/),
    thresholds: z.array(thresholdResultSchema),
    /** Where the promptfoo results of this run were written (relative to the repository). */
    resultsDir: z.string().optional(),
    /** Who ran the promotion (`--by`, `DPA_USER` or the OS user); absent in older records. */
    promotedBy: z.string().min(1).optional(),
  })
  .strict();
export type RegistryRecord = z.infer<typeof registryRecordSchema>;

/** Parses one record, throwing a one-line error naming every problem. */
export function parseRegistryRecord(input: unknown): RegistryRecord {
  const version = (input as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== REGISTRY_SCHEMA_VERSION)
    throw new Error(
      `invalid registry record: schemaVersion ${String(
        version,
      )} is not ${REGISTRY_SCHEMA_VERSION}${
        version === 1
          ? ' (version 1 records carry no thresholds hash and cannot be verified; run dpa promote again)'
          : ''
      }`,
    );
  const parsed = registryRecordSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      i => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new Error(`invalid registry record: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** `<time>-<domain>-<role>-<spechash>` with the time made file-name safe (`2026-12-01T10-00-00-000Z`). */
export function registryRecordId(
  r: Pick<RegistryRecord, 'time' | 'domain' | 'role'> & { specHash: string },
): string {
  const time = r.time.replace(/[:.]/g, '-');
  const domain = r.domain.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${time}-${domain}-${r.role}-${r.specHash}`;
}

/** The record's file name in `evals/registry/`. */
export function registryFileName(
  r: Pick<RegistryRecord, 'time' | 'domain' | 'role'> & { specHash: string },
): string {
  return `${registryRecordId(r)}.json`;
}
