import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkDomainArtifact,
  domainArtifactRef,
  type DomainModelArtifact,
  type ModelSpec,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';

export type RecordArtifact =
  | { ok: true; artifact?: DomainModelArtifact; file?: string }
  | { ok: false; problems: string[]; file?: string };

/**
 * The domain model artifact a record's challenger names (`options.domainModel`),
 * read from beside the registry (relative paths resolve against the evals
 * folder holding `registry/`) and checked: its content must hash to what the
 * spec pins and it must have been trained on the record's domain.
 */
export async function readRecordArtifact(
  record: RegistryRecord,
  registryDir: string,
): Promise<RecordArtifact> {
  let ref;
  try {
    ref = domainArtifactRef(record.challenger.spec as ModelSpec);
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  if (!ref) return { ok: true };
  const file = path.resolve(path.dirname(registryDir), ref.file);
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [
        `domain model ${ref.file} cannot be read: ${
          (error as Error).message.split('\n')[0]
        }`,
      ],
    };
  }
  const check = checkDomainArtifact(input, {
    hash: ref.hash,
    domain: record.domain,
  });
  return check.ok
    ? { ok: true, artifact: check.artifact, file }
    : {
        ok: false,
        file,
        problems: check.problems.map(p => `domain model ${ref.file}: ${p}`),
      };
}
