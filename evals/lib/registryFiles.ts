/**
 * `evals/registry/` records (one JSON file each, never rewritten) and the
 * thresholds file they are checked against. Reading verifies each record the
 * way the backend does (`verifyRegistryRecord`): a record that does not hold
 * is left out, so neither `dpa promote` nor `dpa eval` treats it as a champion.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  parseGateThresholds,
  parseRegistryRecord,
  registryFileName,
  verifyRegistryRecord,
  type GateThresholds,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';
import { REGISTRY_DIR, THRESHOLDS_FILE } from './paths';

export function loadThresholds(file = THRESHOLDS_FILE): GateThresholds {
  try {
    return parseGateThresholds(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export interface RefusedRecord {
  file: string;
  problems: string[];
}

/** Every record of the folder that verifies against the thresholds file, in file-name order. */
export function readRegistry(
  dir = REGISTRY_DIR,
  options: {
    thresholdsFile?: string;
    onRefused?: (refused: RefusedRecord) => void;
  } = {},
): RegistryRecord[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort();
  if (!files.length) return [];
  const thresholds = loadThresholds(options.thresholdsFile);
  const records: RegistryRecord[] = [];
  for (const file of files) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      options.onRefused?.({ file, problems: [(e as Error).message] });
      continue;
    }
    const check = verifyRegistryRecord(input, thresholds);
    if (!check.ok) options.onRefused?.({ file, problems: check.problems });
    else if (`${check.record.id}.json` !== file)
      options.onRefused?.({
        file,
        problems: [`file name is not its id ${check.record.id}`],
      });
    else records.push(check.record);
  }
  return records;
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
