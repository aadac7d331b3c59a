/** Reading and appending `evals/registry/` records (one JSON file each, never rewritten). */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  parseRegistryRecord,
  registryFileName,
  type RegistryRecord,
} from '../../plugins/data-product-assistant-node/src/registry';
import { REGISTRY_DIR } from './paths';

export function readRegistry(dir = REGISTRY_DIR): RegistryRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(f => {
      try {
        return parseRegistryRecord(
          JSON.parse(readFileSync(path.join(dir, f), 'utf8')),
        );
      } catch (e) {
        throw new Error(`${f}: ${(e as Error).message}`);
      }
    });
}

/** Writes a new record file; never overwrites (a clash gets a numeric suffix). Returns the path. */
export function appendRecord(
  record: Omit<RegistryRecord, 'id'>,
  dir = REGISTRY_DIR,
): { file: string; record: RegistryRecord } {
  mkdirSync(dir, { recursive: true });
  const base = registryFileName({
    time: record.time,
    domain: record.domain,
    role: record.role,
    specHash: record.challenger.specHash,
  }).replace(/\.json$/, '');
  for (let i = 0; i < 1000; i++) {
    const id = i ? `${base}-${i}` : base;
    const file = path.join(dir, `${id}.json`);
    const full = parseRegistryRecord({ id, ...record });
    try {
      writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`, { flag: 'wx' });
      return { file, record: full };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`could not find a free record name for ${base}`);
}
