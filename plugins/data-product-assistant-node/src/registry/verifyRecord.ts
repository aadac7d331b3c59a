import { specVersion } from '../models/spec';
import { BUILTIN_PROVIDER_ID } from '../models/modelProvider';
import type { ModelSpec } from '../models/types';
import {
  applyGate,
  gateRolesFor,
  thresholdsHash,
  type GateThresholdsInput,
} from './applyGate';
import type { PairedCounts } from './pairedTest';
import {
  parseRegistryRecord,
  registryRecordId,
  type RegistryRecord,
} from './registryRecord';

export type RecordCheck =
  | { ok: true; record: RegistryRecord }
  | { ok: false; problems: string[] };

/**
 * Re-checks a registry record before anything is served from it: a record
 * is a file anyone with write access to the folder could have edited, so its
 * verdict is believed only when it follows from what it carries.
 *
 * - the schema (version 2: v1 records have no thresholds hash);
 * - its id matches its time, domain, role and challenger spec hash;
 * - each spec hash is the hash of the spec beside it;
 * - a promotion names a challenger different from its champion;
 * - it was gated by the thresholds in force (`thresholds`, the current
 *   thresholds file: same canonical hash);
 * - applying those thresholds to its recorded metrics and paired counts
 *   gives exactly its per-threshold results and its verdict;
 * - a promoted hosted challenger ran on its hosted provider.
 */
export function verifyRegistryRecord(
  input: unknown,
  thresholds: GateThresholdsInput | undefined,
): RecordCheck {
  let record: RegistryRecord;
  try {
    record = parseRegistryRecord(input);
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const problems: string[] = [];
  const id = registryRecordId({
    time: record.time,
    domain: record.domain,
    role: record.role,
    specHash: record.challenger.specHash,
  });
  if (record.id !== id && !record.id.startsWith(`${id}-`))
    problems.push(`id ${record.id} does not match its content (${id})`);
  for (const which of ['champion', 'challenger'] as const) {
    const m = record[which];
    const actual = specVersion(m.spec as ModelSpec);
    if (actual !== m.specHash)
      problems.push(
        `${which} ${m.name}: specHash ${m.specHash} is not the hash of its spec (${actual})`,
      );
  }
  if (
    record.verdict === 'promoted' &&
    specVersion(record.challenger.spec as ModelSpec) ===
      specVersion(record.champion.spec as ModelSpec)
  )
    problems.push('promotes a challenger identical to its champion');

  if (!thresholds) {
    problems.push('no thresholds file to check it against');
  } else {
    const current = thresholdsHash(thresholds);
    if (record.thresholdsHash !== current)
      problems.push(
        `gated by other thresholds (hash ${record.thresholdsHash.slice(
          0,
          12,
        )}, current ${current.slice(0, 12)}): run dpa promote again`,
      );
    else problems.push(...resultProblems(record, thresholds));
  }

  if (record.verdict === 'promoted') {
    if (record.reasons.length) problems.push('promoted with reasons to refuse');
    if (record.thresholds.some(t => !t.passed))
      problems.push('promoted with a failed threshold');
    if (record.challenger.unavailable)
      problems.push('promoted a challenger that could not be called');
    const provider = (record.challenger.spec as ModelSpec).provider;
    if (
      provider !== BUILTIN_PROVIDER_ID &&
      !record.challenger.ranOn.includes(provider)
    )
      problems.push(
        'promoted a hosted challenger on results of another provider',
      );
  } else if (!record.reasons.length) {
    problems.push('refused without a reason');
  }
  return problems.length ? { ok: false, problems } : { ok: true, record };
}

/** The gate recomputed from the record's own metrics and paired counts must give its results. */
function resultProblems(
  record: RegistryRecord,
  thresholds: GateThresholdsInput,
): string[] {
  const paired: Record<string, PairedCounts> = {};
  for (const t of record.thresholds) {
    if (!t.paired) continue;
    const { pValue: _p, pWorse: _w, ...counts } = t.paired;
    paired[t.metric] = counts;
  }
  const again = applyGate(
    record.champion.metrics,
    record.challenger.metrics,
    thresholds,
    { roles: gateRolesFor(record.role), paired },
  );
  const key = (t: { kind: string; metric: string }) => `${t.kind}:${t.metric}`;
  const recorded = new Map(record.thresholds.map(t => [key(t), t]));
  const problems: string[] = [];
  if (recorded.size !== record.thresholds.length)
    problems.push('a threshold is recorded twice');
  for (const t of again.results) {
    const r = recorded.get(key(t));
    if (!r) problems.push(`threshold ${key(t)} is missing`);
    else if (
      r.passed !== t.passed ||
      r.challenger !== t.challenger ||
      r.champion !== t.champion ||
      Boolean(r.skipped) !== Boolean(t.skipped) ||
      (t.paired && r.paired?.pWorse !== t.paired.pWorse)
    )
      problems.push(
        `threshold ${key(t)} does not follow from the recorded metrics`,
      );
    recorded.delete(key(t));
  }
  for (const k of recorded.keys())
    problems.push(`threshold ${k} is not in the thresholds file`);
  if (again.verdict === 'refused' && record.verdict === 'promoted')
    problems.push(
      `the thresholds refuse it: ${again.reasons.slice(0, 3).join('; ')}`,
    );
  return problems;
}
