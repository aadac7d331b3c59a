import type { ModelSpec } from '../types';
import { BUILTIN_ANSWER_SPEC } from '../builtin/answerModel';
import { domainArtifactHash, type DomainModelArtifact } from './artifact';

/** Where a spec's domain model artifact is and what it must hash to. */
export interface DomainArtifactRef {
  /** The artifact file, relative to the evals folder (the one holding `registry/` and `thresholds.yaml`), or absolute. */
  file: string;
  /** `domainArtifactHash` of its content. */
  hash: string;
  /** The domain it says it was trained on (checked against the artifact itself). */
  domain: string;
}

/** The artifact a spec names in `options.domainModel`, if any; throws when the option is malformed. */
export function domainArtifactRef(
  spec: ModelSpec,
): DomainArtifactRef | undefined {
  const raw = spec.options?.domainModel;
  if (raw === undefined) return undefined;
  const r = raw as Partial<Record<keyof DomainArtifactRef, unknown>>;
  if (
    !r ||
    typeof r !== 'object' ||
    typeof r.file !== 'string' ||
    !r.file ||
    typeof r.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.hash) ||
    typeof r.domain !== 'string' ||
    !r.domain
  )
    throw new Error(
      'options.domainModel must be {file, hash (64 hex digits), domain}',
    );
  return { file: r.file, hash: r.hash, domain: r.domain };
}

/**
 * An answer model serving a trained artifact, as `dpa train` writes it into a
 * challenger: the built-in one, or `base` (a hosted spec gets the artifact's
 * glossary and verified examples as prompt context).
 */
export function trainedAnswerSpec(
  artifact: DomainModelArtifact,
  file: string,
  base: ModelSpec = BUILTIN_ANSWER_SPEC,
): ModelSpec {
  return {
    ...base,
    options: {
      ...base.options,
      domainModel: {
        file,
        hash: domainArtifactHash(artifact),
        domain: artifact.domain,
      },
    },
  };
}
