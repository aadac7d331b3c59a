import type { RegistryRecord, RegistryRole } from './registryRecord';

/**
 * The serving model of a domain and role: the challenger of the latest
 * `promoted` record (by `time`, later id on ties). Undefined when nothing was
 * ever promoted; the caller then serves the app-config default.
 */
export function championFor(
  records: readonly RegistryRecord[],
  domain: string,
  role: RegistryRole = 'answer',
): RegistryRecord | undefined {
  let best: RegistryRecord | undefined;
  for (const r of records) {
    if (r.domain !== domain || r.role !== role || r.verdict !== 'promoted')
      continue;
    if (!best || r.time > best.time || (r.time === best.time && r.id > best.id))
      best = r;
  }
  return best;
}

/** Every domain's champion of a role, for scorecards. */
export function championsByDomain(
  records: readonly RegistryRecord[],
  role: RegistryRole = 'answer',
): Map<string, RegistryRecord> {
  const out = new Map<string, RegistryRecord>();
  for (const domain of new Set(records.map(r => r.domain))) {
    const c = championFor(records, domain, role);
    if (c) out.set(domain, c);
  }
  return out;
}
