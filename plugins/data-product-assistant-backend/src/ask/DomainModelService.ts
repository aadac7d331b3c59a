import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  createAnswerModel,
  createValidatorModel,
  isBuiltinModel,
  maxAskCostUsd,
  resolveDomainModels,
  type AnswerModel,
  type CreateModelOptions,
  type DomainConfig,
  type ModelDescriptor,
  type ModelProvider,
  type ValidatorModel,
} from '@dpa/plugin-data-product-assistant-node';
import type { ModelRegistry } from '../registry/ModelRegistry';
import { servedDomainModels, type ServedModel } from '../registry/servedModels';

/** A domain's serving models, built once per champion. */
export interface DomainModels {
  /** Which registry records (or app-config) the models were built from. */
  key: string;
  answer: AnswerModel;
  validator: ValidatorModel;
  scope?: string[];
  tokenBudget: number;
  /** The most one ask can cost: held against the domain's cost cap while it runs. */
  maxCostUsd: number;
  /** What both models were built from, when both are built-in: they can be built again in another thread. */
  builtin?: { answer: ModelDescriptor; validator: ModelDescriptor };
}

/**
 * Serves each domain's models: the champions promoted in the registry, else
 * app-config's. Models are built once per champion; a newly promoted record
 * replaces them on the next question.
 */
export class DomainModelService {
  private readonly models = new Map<string, DomainModels>();

  constructor(
    private readonly options: {
      domainConfig: DomainConfig;
      /** Providers of the non-built-in models; a spec naming another one cannot be served. */
      providers?: readonly ModelProvider[];
      logger: LoggerService;
      /** Promoted champions serve instead of app-config's models; none: app-config only. */
      registry?: ModelRegistry;
    },
  ) {}

  async modelsFor(domain: string | undefined): Promise<DomainModels> {
    const records = this.options.registry
      ? await this.options.registry.records()
      : [];
    const served = servedDomainModels(
      this.options.domainConfig,
      domain,
      records,
    );
    const cacheKey = domain ?? '';
    let models = this.models.get(cacheKey);
    if (!models || models.key !== served.key) {
      const describe = (m: ServedModel) =>
        `${m.name} (${
          m.source === 'registry'
            ? `registry record ${m.record?.id}`
            : 'app-config'
        })`;
      if (models || served.key !== 'config|config') {
        this.options.logger.info(
          `Domain ${domain ?? '(none)'} serves answer model ${describe(
            served.answer,
          )} and validator ${describe(served.validator)}`,
        );
      }
      const answer = this.build(
        'answer',
        domain,
        served.answer,
        createAnswerModel,
      );
      const validator = this.build(
        'validator',
        domain,
        served.validator,
        createValidatorModel,
      );
      models = {
        key: served.key,
        answer: answer.model,
        validator: validator.model,
        scope: served.scope,
        tokenBudget: served.tokenBudget,
        maxCostUsd: maxAskCostUsd(
          served.answer.spec,
          served.validator.spec,
          served.tokenBudget,
        ),
        ...(isBuiltinModel(answer.built) && isBuiltinModel(validator.built)
          ? { builtin: { answer: answer.built, validator: validator.built } }
          : {}),
      };
      this.models.set(cacheKey, models);
    }
    return models;
  }

  /** A registry spec that cannot be built falls back to app-config's model, loudly. */
  private build<T>(
    role: 'answer' | 'validator',
    domain: string | undefined,
    served: ServedModel,
    create: (
      name: string,
      spec: ServedModel['spec'],
      options: CreateModelOptions,
    ) => T,
  ): { model: T; built: ModelDescriptor } {
    const options = { providers: this.options.providers };
    try {
      // a promoted trained model serves with the artifact its record was verified with
      const artifact =
        served.record && this.options.registry
          ? this.options.registry.artifactOf(served.record.id)
          : undefined;
      return {
        model: create(served.name, served.spec, { ...options, artifact }),
        built: { name: served.name, spec: served.spec, artifact },
      };
    } catch (error) {
      if (served.source !== 'registry') throw error;
      this.options.logger.error(
        `Registry record ${
          served.record?.id
        } cannot serve the ${role} model of ${domain}: ${
          (error as Error).message
        }; serving app-config's model`,
      );
      const fallback = resolveDomainModels(this.options.domainConfig, domain)[
        role
      ];
      return {
        model: create(fallback.name, fallback.spec, options),
        built: { name: fallback.name, spec: fallback.spec },
      };
    }
  }
}
