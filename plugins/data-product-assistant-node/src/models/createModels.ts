import type { AnswerModel, ModelSpec, ValidatorModel } from './types';
import { createBuiltinAnswerModel } from './builtin/answerModel';
import { createBuiltinValidator } from '../validator/builtinValidator';
import { modelProviderFor, type ModelProvider } from './modelProvider';
import { modelRef } from './spec';
import { resolveDomainModels, type DomainConfig } from './domainConfig';
import type { DomainModelArtifact } from './domain/artifact';
import { domainArtifactRef } from './domain/trainedSpec';

export interface CreateModelOptions {
  /** Providers besides the built-in one (e.g. the OpenAI-compatible module's), by id. */
  providers?: readonly ModelProvider[];
  /** The domain model artifact the spec names (`options.domainModel`), read and checked by the caller. */
  artifact?: DomainModelArtifact;
}

/** A spec naming a domain model is served with that artifact or not at all (fail closed). */
function artifactFor(
  spec: ModelSpec,
  options: CreateModelOptions,
): DomainModelArtifact | undefined {
  const ref = domainArtifactRef(spec);
  if (!ref) return undefined;
  if (!options.artifact)
    throw new Error(
      `the spec names the domain model ${ref.file}, which was not loaded`,
    );
  return options.artifact;
}

/** The answer model a spec describes (`builtin` → extractive, others → their registered provider). */
export function createAnswerModel(
  name: string,
  spec: ModelSpec,
  options: CreateModelOptions = {},
): AnswerModel {
  switch (spec.provider) {
    case 'builtin':
      if (spec.model !== 'answer-extractive') {
        throw new Error(
          `unknown builtin answer model "${spec.model}" (known: answer-extractive)`,
        );
      }
      return createBuiltinAnswerModel(spec, name, artifactFor(spec, options));
    default:
      return modelProviderFor(spec, options.providers).createAnswerModel(
        name,
        spec,
        { artifact: artifactFor(spec, options) },
      );
  }
}

/** The validator model a spec describes (`builtin` → rule-based validator, others → their registered provider). */
export function createValidatorModel(
  name: string,
  spec: ModelSpec,
  options: CreateModelOptions = {},
): ValidatorModel {
  switch (spec.provider) {
    case 'builtin': {
      const model = createBuiltinValidator(spec);
      return {
        ref: modelRef(name, spec),
        local: model.local,
        validate: req => model.validate(req),
      };
    }
    default:
      return modelProviderFor(spec, options.providers).createValidatorModel(
        name,
        spec,
      );
  }
}

/** Both models serving a domain, with its scope and token budget. */
export function createDomainModels(
  config: DomainConfig,
  domain: string | undefined,
  options: CreateModelOptions = {},
) {
  const resolved = resolveDomainModels(config, domain);
  return {
    ...resolved,
    answerModel: createAnswerModel(
      resolved.answer.name,
      resolved.answer.spec,
      options,
    ),
    validatorModel: createValidatorModel(
      resolved.validator.name,
      resolved.validator.spec,
      options,
    ),
  };
}
