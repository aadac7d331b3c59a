import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  DomainScorecard,
  EvalRunMetrics,
  PromotionHistoryEntry,
  ScorecardRole,
  ScorecardsResponse,
  ServingModel,
} from '@dpa/plugin-data-product-assistant-common';
import {
  resolveDomainModels,
  specVersion,
  type DomainConfig,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';
import type { EvalResults, EvalRun } from './EvalResults';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ModelRegistry } from './ModelRegistry';
import { servedDomainModels, type ServedModel } from './servedModels';

function newestFirst(a: RegistryRecord, b: RegistryRecord): number {
  if (a.time === b.time) return b.id.localeCompare(a.id);
  return b.time < a.time ? -1 : 1;
}

function historyEntry(r: RegistryRecord): PromotionHistoryEntry {
  const model = (m: RegistryRecord['champion']) => ({
    name: m.name,
    specHash: m.specHash,
    metrics: m.metrics,
  });
  return {
    id: r.id,
    time: r.time,
    role: r.role,
    verdict: r.verdict,
    reasons: r.reasons,
    champion: model(r.champion),
    challenger: model(r.challenger),
    gitSha: r.gitSha,
    datasetHash: r.datasetHash,
    promptfooVersion: r.promptfooVersion,
    thresholds: r.thresholds,
  };
}

/**
 * The serving model of a role with the metrics of its latest measurement:
 * the newest record of the domain and role in which a model with the same
 * spec hash ran, as challenger or champion.
 */
function servingModel(
  served: ServedModel,
  history: readonly RegistryRecord[],
  role: ScorecardRole,
): ServingModel {
  const version = specVersion(served.spec);
  const out: ServingModel = {
    name: served.name,
    version,
    provider: served.spec.provider,
    source: served.source,
  };
  if (served.record) {
    out.promotedAt = served.record.time;
    out.recordId = served.record.id;
  }
  for (const r of history) {
    if (r.role !== role) continue;
    const measured = [r.challenger, r.champion].find(
      m => m.specHash === version,
    );
    if (measured && Object.keys(measured.metrics).length > 0) {
      out.metrics = measured.metrics;
      break;
    }
  }
  return out;
}

/** Builds `GET /scorecards`: serving models and promotion history per domain. */
export class ScorecardService {
  constructor(
    private readonly options: {
      registry: ModelRegistry;
      domainConfig: DomainConfig;
      profiles: Pick<DataProductProfileService, 'listDataProducts'>;
      logger: LoggerService;
      /** The evaluation runs CI writes; the latest is shown per serving model. */
      evalResults?: Pick<EvalResults, 'latest'>;
    },
  ) {}

  /**
   * Every domain configured in app-config, found in the registry, or named
   * by a data product the caller can read in the catalog.
   */
  async scorecards(
    credentials: BackstageCredentials,
  ): Promise<ScorecardsResponse> {
    const [records, run] = await Promise.all([
      this.options.registry.records(),
      this.options.evalResults?.latest(),
    ]);
    const domains = new Set<string>([
      ...Object.keys(this.options.domainConfig.domains),
      ...records.map(r => r.domain),
    ]);
    for (const domain of await this.catalogDomains(credentials))
      domains.add(domain);

    const cards: DomainScorecard[] = [...domains]
      .sort((a, b) => a.localeCompare(b))
      .map(domain => {
        const history = records
          .filter(r => r.domain === domain)
          .sort(newestFirst);
        const served = servedDomainModels(
          this.options.domainConfig,
          domain,
          records,
        );
        const answer = servingModel(served.answer, history, 'answer');
        const validator = servingModel(served.validator, history, 'validator');
        if (run) {
          answer.latestRun = this.measured(
            run,
            domain,
            'answer',
            served.answer,
          );
          validator.latestRun = this.measured(
            run,
            domain,
            'validator',
            served.validator,
          );
        }
        return {
          domain,
          champions: { answer, validator },
          history: history.map(historyEntry),
        };
      });
    return {
      domains: cards,
      ...(run ? { latestRun: { run: run.run, time: run.time } } : {}),
    };
  }

  /**
   * The run's metrics for a serving model, when the run measured that model.
   * `dpa eval` labels each domain's answer suite `<domain>-served` (the
   * domain's models in app-config) and the validator suite `validator-served`
   * (the default validator in app-config).
   */
  private measured(
    run: EvalRun,
    domain: string,
    role: ScorecardRole,
    served: ServedModel,
  ): EvalRunMetrics | undefined {
    const config = this.options.domainConfig;
    const label = role === 'answer' ? `${domain}-served` : 'validator-served';
    const measured = resolveDomainModels(
      config,
      role === 'answer' ? domain : undefined,
    )[role];
    const metrics = run.metrics[label];
    if (!metrics || specVersion(measured.spec) !== specVersion(served.spec)) {
      return undefined;
    }
    return {
      run: run.run,
      time: run.time,
      label,
      metrics,
      ...(label in run.hostedCalled
        ? { hostedCalled: run.hostedCalled[label] }
        : {}),
    };
  }

  private async catalogDomains(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    try {
      const products = await this.options.profiles.listDataProducts(
        credentials,
        ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      );
      return products
        .map(p => p.spec?.domain)
        .filter((d): d is string => typeof d === 'string' && d.trim() !== '')
        .map(d => d.trim());
    } catch (error) {
      // The scorecards of configured and registered domains still help.
      this.options.logger.warn(
        `Scorecards: could not list data products for their domains: ${
          (error as Error).message
        }`,
      );
      return [];
    }
  }
}
