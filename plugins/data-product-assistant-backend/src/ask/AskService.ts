import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type {
  AskFeedback,
  AskRecord,
  FeedbackRequest,
} from '@dpa/plugin-data-product-assistant-common';
import {
  ask,
  createAnswerModel,
  createValidatorModel,
  resolveDomainModels,
  type AnswerModel,
  type DomainConfig,
  type ValidatorModel,
} from '@dpa/plugin-data-product-assistant-node';
import type { BudgetService } from '../budget/BudgetService';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { KnowledgeNoteStore } from '@dpa/plugin-data-product-assistant-node';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ModelRegistry } from '../registry/ModelRegistry';
import { servedDomainModels, type ServedModel } from '../registry/servedModels';
import type { ClearancePolicy } from './clearance';

interface Caller {
  userRef: string;
  ownershipEntityRefs: string[];
}

/** What the asker may see of a stored ask: a blocked answer keeps its claims for reviewers only. */
export function toRecord(stored: StoredAsk, feedback?: AskFeedback): AskRecord {
  const { output: _output, domain: _domain, ...record } = stored;
  return {
    ...record,
    claims: stored.status === 'blocked' ? [] : record.claims,
    citations: stored.status === 'blocked' ? [] : record.citations,
    feedback,
  };
}

/** Asks a data product a question with the domain's models and stores every ask. */
export class AskService {
  private readonly models = new Map<
    string,
    {
      /** Which registry records (or app-config) the models were built from. */
      key: string;
      answer: AnswerModel;
      validator: ValidatorModel;
      scope?: string[];
      tokenBudget: number;
    }
  >();

  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      asks: AskStore;
      domainConfig: DomainConfig;
      clearance: ClearancePolicy;
      userInfo: UserInfoService;
      logger: LoggerService;
      /** Promoted champions serve instead of app-config's models; none: app-config only. */
      registry?: ModelRegistry;
      /** Rate limits and cost caps checked before every ask; none: no limits. */
      budget?: BudgetService;
      /** Owners' knowledge notes, cited as `note:<id>` facts; none: no notes. */
      notes?: KnowledgeNoteStore;
    },
  ) {}

  /**
   * The domain's models, built once per champion: a newly promoted record in
   * the registry replaces the cached models on the next question.
   */
  private async modelsFor(domain: string | undefined) {
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
      models = {
        key: served.key,
        answer: this.build('answer', domain, served.answer, createAnswerModel),
        validator: this.build(
          'validator',
          domain,
          served.validator,
          createValidatorModel,
        ),
        scope: served.scope,
        tokenBudget: served.tokenBudget,
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
    create: (name: string, spec: ServedModel['spec']) => T,
  ): T {
    try {
      return create(served.name, served.spec);
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
      return create(fallback.name, fallback.spec);
    }
  }

  private async caller(credentials: BackstageCredentials): Promise<Caller> {
    if (
      credentials.principal &&
      (credentials.principal as { type?: string }).type === 'user'
    ) {
      const info = await this.options.userInfo.getUserInfo(credentials);
      return {
        userRef: info.userEntityRef,
        ownershipEntityRefs: info.ownershipEntityRefs,
      };
    }
    const subject =
      (credentials.principal as { subject?: string }).subject ?? 'unknown';
    return { userRef: `service:${subject}`, ownershipEntityRefs: [] };
  }

  async ask(
    request: { entityRef: string; question: string },
    credentials: BackstageCredentials,
  ): Promise<AskRecord> {
    const caller = await this.caller(credentials);
    // Reading the profile with the caller's credentials is the permission check.
    const profile = await this.options.profiles.getProfile(
      request.entityRef,
      credentials,
    );
    // Past a limit: RateLimitedError (429), and nothing is stored.
    await this.options.budget?.check({
      userRef: caller.userRef,
      domain: profile.domain,
    });
    const models = await this.modelsFor(profile.domain);
    const result = await ask({
      question: request.question,
      profile,
      answerModel: models.answer,
      validatorModel: models.validator,
      clearance: this.options.clearance.forUser(caller.ownershipEntityRefs),
      domain: profile.domain,
      scope: models.scope,
      tokenBudget: models.tokenBudget,
      notes: await this.options.notes?.listNotes(profile.entityRef),
    });
    if (result.error) {
      this.options.logger.warn(
        `Ask on ${profile.entityRef} hit a ${result.error.stage} error: ${result.error.code} ${result.error.message}`,
      );
    }
    const stored: StoredAsk = {
      id: randomUUID(),
      entityRef: profile.entityRef,
      question: request.question,
      answer: result.answer,
      output: result.output,
      status: result.verdict.status,
      reasons: result.verdict.reasons,
      groundedness: result.verdict.groundedness,
      claims: result.output.claims,
      citations: result.citations,
      answerModel: result.answerModel,
      validatorModel: result.validatorModel,
      usage: result.usage,
      latencyMs: Math.round(result.latencyMs * 100) / 100,
      userRef: caller.userRef,
      createdAt: new Date().toISOString(),
      domain: profile.domain,
    };
    await this.options.asks.insert(stored);
    return toRecord(stored);
  }

  async history(
    entityRef: string,
    credentials: BackstageCredentials,
    page: { limit: number; offset: number },
  ): Promise<{ items: AskRecord[]; total: number }> {
    const caller = await this.caller(credentials);
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    const { items, total } = await this.options.asks.listForEntity(
      stringifyEntityRef(entity),
      page,
    );
    const withFeedback = await Promise.all(
      items.map(async item =>
        toRecord(
          item,
          await this.options.asks.getFeedback(item.id, caller.userRef),
        ),
      ),
    );
    return { items: withFeedback, total };
  }

  /** The ask, if the caller may read the product it was asked of; otherwise it does not exist. */
  private async visibleAsk(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredAsk> {
    const stored = await this.options.asks.get(id);
    if (!stored) throw new NotFoundError(`No answer with id ${id}`);
    try {
      await this.options.profiles.getDataProduct(stored.entityRef, credentials);
    } catch {
      throw new NotFoundError(`No answer with id ${id}`);
    }
    return stored;
  }

  async get(id: string, credentials: BackstageCredentials): Promise<AskRecord> {
    const caller = await this.caller(credentials);
    const stored = await this.visibleAsk(id, credentials);
    return toRecord(
      stored,
      await this.options.asks.getFeedback(id, caller.userRef),
    );
  }

  async feedback(
    id: string,
    request: FeedbackRequest,
    credentials: BackstageCredentials,
  ): Promise<AskFeedback> {
    const caller = await this.caller(credentials);
    await this.visibleAsk(id, credentials);
    const feedback: AskFeedback = {
      helpful: request.helpful,
      comment: request.comment?.trim() || undefined,
      userRef: caller.userRef,
      createdAt: new Date().toISOString(),
    };
    await this.options.asks.setFeedback(id, feedback);
    return feedback;
  }
}
