import type { AnswerModel, ModelSpec, ValidatorModel } from './types';
import type { DomainModelArtifact } from './domain/artifact';

/** What the caller knows about a spec beyond its content. */
export interface AnswerModelContext {
  /** The checked domain model artifact the spec names (`options.domainModel`): its glossary, examples and expansions. */
  artifact?: DomainModelArtifact;
}

/** The provider of the built-in models, always registered and never replaced. */
export const BUILTIN_PROVIDER_ID = 'builtin';

/**
 * Builds the models of one kind of model spec: a spec whose `provider` is
 * this `id` is served by it. The built-in provider lives in the engine;
 * others come from backend modules through the models extension point, or
 * are passed directly where no Backstage runtime runs (CLI, evals).
 */
export interface ModelProvider {
  /** The `provider` value of the model specs this provider builds. */
  readonly id: string;
  /** The answer model a spec describes; throws when the spec cannot be served. */
  createAnswerModel(
    name: string,
    spec: ModelSpec,
    context?: AnswerModelContext,
  ): AnswerModel;
  /** The validator model a spec describes; throws when the spec cannot be served. */
  createValidatorModel(name: string, spec: ModelSpec): ValidatorModel;
}

/** Why a spec's provider cannot be served: it is not among those registered. */
export function unknownProviderMessage(
  id: string,
  providers: readonly ModelProvider[] = [],
): string {
  const registered = [BUILTIN_PROVIDER_ID, ...providers.map(p => p.id)];
  return `unknown model provider "${id}" (registered: ${registered.join(
    ', ',
  )})`;
}

/** The registered provider a spec names (other than the built-in one). */
export function modelProviderFor(
  spec: ModelSpec,
  providers: readonly ModelProvider[] = [],
): ModelProvider {
  const provider = providers.find(p => p.id === spec.provider);
  if (!provider)
    throw new Error(unknownProviderMessage(spec.provider, providers));
  return provider;
}
