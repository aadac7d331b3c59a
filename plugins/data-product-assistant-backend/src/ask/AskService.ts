import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type {
  AskFeedback,
  AskRecord,
  Classification,
  DataProductProfile,
  FeedbackRequest,
  VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';
import {
  ask,
  changedFacts,
  citationText,
  contradicts,
  createAnswerModel,
  matchQuestion,
  maxAskCostUsd,
  openSealed,
  validateWrittenAnswer,
  type Fact,
  type AskResult,
  type KnowledgeNote,
  createValidatorModel,
  resolveDomainModels,
  type AnswerModel,
  type DomainConfig,
  type ValidatorModel,
} from '@dpa/plugin-data-product-assistant-node';
import type { BudgetService } from '../budget/BudgetService';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { VerifiedAnswerStore } from '../database/VerifiedAnswerStore';
import type { KnowledgeNoteStore } from '@dpa/plugin-data-product-assistant-node';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ModelRegistry } from '../registry/ModelRegistry';
import { servedDomainModels, type ServedModel } from '../registry/servedModels';
import type { ClearancePolicy } from './clearance';
import type { ReviewNeeded } from '../review/ReviewNotifier';
import { resolveCaller, type Caller } from './caller';
import { readerView } from './readerView';
import { checkedQuestion } from './question';
import type { EntityRefInput } from '../profile/entityRefs';
import { boundForStorage } from './storageLimits';
import { FactsCache } from './FactsCache';

/**
 * The record of a stored ask, as `readerView` opened it for its reader: a
 * blocked answer keeps its claims for reviewers only.
 */
export function toRecord(stored: StoredAsk, feedback?: AskFeedback): AskRecord {
  const {
    output: _output,
    domain: _domain,
    reviewState: _reviewState,
    reviewReason: _reviewReason,
    review: _review,
    verifiedAnswerId: _verifiedAnswerId,
    sealed: _sealed,
    ...record
  } = stored;
  return {
    ...record,
    claims: stored.status === 'blocked' ? [] : record.claims,
    citations: stored.status === 'blocked' ? [] : record.citations,
    feedback,
  };
}

/** A domain's serving models, built once per champion. */
interface DomainModels {
  /** Which registry records (or app-config) the models were built from. */
  key: string;
  answer: AnswerModel;
  validator: ValidatorModel;
  scope?: string[];
  tokenBudget: number;
  /** The most one ask can cost: held against the domain's cost cap while it runs. */
  maxCostUsd: number;
}

/** Asks a data product a question with the domain's models and stores every ask. */
export class AskService {
  private readonly models = new Map<string, DomainModels>();
  /** Facts (and their retrieval index) per profile version and notes. */
  private readonly facts = new FactsCache();

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
      /** Owner-verified answers, reused without a model call; none: always ask the models. */
      verified?: VerifiedAnswerStore;
      /** Told when a contract change demotes a verified answer (e.g. to audit it). */
      onDemoted?: (
        record: VerifiedAnswerRecord,
        reason: string,
      ) => Promise<void>;
      /** Told when an answer starts waiting for its owners' review (e.g. to notify them). */
      onReviewNeeded?: (item: ReviewNeeded) => Promise<void>;
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
        maxCostUsd: maxAskCostUsd(
          served.answer.spec,
          served.validator.spec,
          served.tokenBudget,
        ),
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

  /** Who is calling, and the highest classification whose values they may see. */
  private async caller(
    credentials: BackstageCredentials,
  ): Promise<Caller & { clearance: Classification }> {
    const caller = await resolveCaller(this.options.userInfo, credentials);
    return {
      ...caller,
      clearance: this.options.clearance.forUser(caller.ownershipEntityRefs),
    };
  }

  /**
   * The product's facts, to redact asks stored before answers were sealed;
   * none when its contract cannot be read (those asks are then withheld).
   */
  private async legacyFacts(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Fact[] | undefined> {
    try {
      const profile = await this.options.profiles.getProfile(
        entityRef,
        credentials,
      );
      return this.facts.factsFor(
        profile,
        await this.options.notes?.listNotes(profile.entityRef),
      );
    } catch {
      return undefined;
    }
  }

  async ask(
    input: { entityRef: string; question: string },
    credentials: BackstageCredentials,
  ): Promise<AskRecord> {
    const request = { ...input, question: checkedQuestion(input.question) };
    const caller = await this.caller(credentials);
    // Reading the entity with the caller's credentials is the permission check.
    const entity = await this.options.profiles.getDataProduct(
      request.entityRef,
      credentials,
    );
    const domain =
      typeof entity.spec?.domain === 'string' ? entity.spec.domain : undefined;
    const models = await this.modelsFor(domain);
    // Past a limit: RateLimitedError (429) before the contract is read, and nothing is stored.
    const reservation = await this.options.budget?.reserve({
      userRef: caller.userRef,
      domain,
      maxCostUsd: models.maxCostUsd,
    });
    let answered:
      | { stored: StoredAsk; profile: DataProductProfile }
      | undefined;
    try {
      answered = await this.answer(
        request,
        caller,
        entity,
        models,
        credentials,
      );
    } finally {
      // What the ask cost replaces what it was allowed to cost; an ask that never ran gives its place back.
      if (answered) await reservation?.settle(answered.stored.usage.costUsd);
      else await reservation?.release();
    }
    const profile = answered.profile;
    const stored = boundForStorage(answered.stored);
    await this.options.asks.insert(stored);
    if (stored.reviewReason) {
      await this.options.onReviewNeeded?.({
        askId: stored.id,
        entityRef: stored.entityRef,
        owner: profile.owner,
        title: profile.title,
        question: stored.question,
        reason: stored.reviewReason,
        askedBy: caller.userRef,
      });
    }
    return toRecord(readerView(stored, caller.clearance));
  }

  /** The ask to store for a question: from a verified answer, else from the domain's models. */
  private async answer(
    request: { entityRef: string; question: string },
    caller: Caller & { clearance: Classification },
    entity: Entity,
    models: DomainModels,
    credentials: BackstageCredentials,
  ): Promise<{ stored: StoredAsk; profile: DataProductProfile }> {
    const profile = await this.options.profiles.getProfile(
      request.entityRef,
      credentials,
      entity,
    );
    const notes = await this.options.notes?.listNotes(profile.entityRef);
    const reused = await this.verifiedAnswerFor(
      profile,
      request.question,
      notes,
    );
    if (reused) {
      return {
        stored: this.servedFromVerified(
          reused,
          request.question,
          caller,
          profile,
        ),
        profile,
      };
    }
    const result = await ask({
      question: request.question,
      profile,
      answerModel: models.answer,
      validatorModel: models.validator,
      clearance: caller.clearance,
      domain: profile.domain,
      scope: models.scope,
      tokenBudget: models.tokenBudget,
      notes,
      facts: this.facts.factsFor(profile, notes),
    });
    if (result.error) {
      this.options.logger.warn(
        `Ask on ${profile.entityRef} hit a ${result.error.stage} error: ${result.error.code} ${result.error.message}`,
      );
    }
    // Stored at everyone's clearance; the sealed texts reveal more to readers cleared for it.
    const everyone = openSealed(
      result.sealed,
      this.options.clearance.forUser([]),
    );
    const stored: StoredAsk = {
      id: randomUUID(),
      entityRef: profile.entityRef,
      question: request.question,
      answer: everyone.answer,
      output: everyone.output,
      status: result.verdict.status,
      reasons: result.verdict.reasons,
      groundedness: result.verdict.groundedness,
      claims: everyone.output.claims,
      citations: everyone.citations,
      sealed: result.sealed,
      answerModel: result.answerModel,
      validatorModel: result.validatorModel,
      usage: result.usage,
      latencyMs: Math.round(result.latencyMs * 100) / 100,
      userRef: caller.userRef,
      createdAt: new Date().toISOString(),
      domain: profile.domain,
      // What the validator doubts goes to the product's owners.
      ...(result.verdict.status === 'flagged' ||
      result.verdict.status === 'blocked'
        ? { reviewState: 'pending', reviewReason: result.verdict.status }
        : {}),
    };
    return { stored, profile };
  }

  /**
   * Vets a text a reviewer approved or wrote with the domain's validator, at
   * the clearance everyone has: a verified answer is shown to every reader.
   */
  async validateWritten(
    profile: DataProductProfile,
    question: string,
    answer: string,
    notes?: KnowledgeNote[],
  ): Promise<AskResult> {
    const models = await this.modelsFor(profile.domain);
    return validateWrittenAnswer({
      question,
      answer,
      profile,
      validatorModel: models.validator,
      clearance: this.options.clearance.forUser([]),
      domain: profile.domain,
      scope: models.scope,
      tokenBudget: models.tokenBudget,
      notes: notes ?? (await this.options.notes?.listNotes(profile.entityRef)),
    });
  }

  /**
   * The product's verified answer to this question, if one still holds. A
   * verified answer whose cited facts changed is validated again; when the
   * change contradicts it, it is demoted and its ask goes back to review.
   */
  private async verifiedAnswerFor(
    profile: DataProductProfile,
    question: string,
    notes: KnowledgeNote[] | undefined,
  ): Promise<VerifiedAnswerRecord | undefined> {
    const store = this.options.verified;
    if (!store) return undefined;
    const match = matchQuestion(
      question,
      await store.listForEntity(profile.entityRef),
    );
    if (!match) return undefined;
    const held = await this.recheck(match.candidate, profile, notes);
    return held ? match.candidate : undefined;
  }

  /** Whether a verified answer still holds for the product as it is now; demotes it when not. */
  async recheck(
    record: VerifiedAnswerRecord,
    profile: DataProductProfile,
    notes?: KnowledgeNote[],
  ): Promise<boolean> {
    const store = this.options.verified!;
    const current =
      notes ?? (await this.options.notes?.listNotes(profile.entityRef));
    // Verified answers were vetted, and their citations stored, at everyone's clearance.
    const clearance = this.options.clearance.forUser([]);
    const changed = changedFacts(
      record.citations,
      this.facts.factsFor(profile, current),
      fact => citationText(fact, clearance),
    );
    if (changed.length === 0) return true;
    const result = await this.validateWritten(
      profile,
      record.question,
      record.answer,
      current,
    );
    if (!contradicts(record.verdict, result.verdict)) {
      await store.updateCitations(record.id, result.citations);
      record.citations = result.citations;
      return true;
    }
    const reason = [
      `The contract changed: ${changed
        .map(c =>
          c.after === undefined ? `${c.id} was removed` : `${c.id} changed`,
        )
        .join(', ')}.`,
      ...result.verdict.reasons
        .filter(r => r.severity !== 'info')
        .map(r => `${r.code}: ${r.message}`),
    ].join(' ');
    const now = new Date().toISOString();
    if (await store.demote(record.id, reason, now)) {
      await this.options.asks.reopenReview(record.askId, 'demoted');
      this.options.logger.info(
        `Verified answer ${record.id} on ${record.entityRef} demoted to review: ${reason}`,
      );
      await this.options.onDemoted?.(
        { ...record, status: 'demoted', demotedAt: now, demotedReason: reason },
        reason,
      );
      await this.options.onReviewNeeded?.({
        askId: record.askId,
        entityRef: record.entityRef,
        owner: profile.owner,
        title: profile.title,
        question: record.question,
        reason: 'demoted',
        askedBy: record.verifiedBy,
      });
    }
    return false;
  }

  /** An ask answered from a verified answer: no model call, nothing spent. */
  private servedFromVerified(
    record: VerifiedAnswerRecord,
    question: string,
    caller: Caller,
    profile: DataProductProfile,
  ): StoredAsk {
    const date = record.verifiedAt.slice(0, 10);
    return {
      id: randomUUID(),
      entityRef: profile.entityRef,
      question,
      answer: record.answer,
      output: {
        answer: record.answer,
        claims: record.claims,
        abstained: false,
      },
      status: 'approved',
      reasons: [
        {
          code: 'verified',
          message: `Verified by ${record.verifiedBy} on ${date}; reused for this question without a model call.`,
          severity: 'info',
        },
      ],
      groundedness: record.verdict.groundedness,
      claims: record.claims,
      citations: record.citations,
      answerModel: {
        name: 'verified-answer',
        version: record.id.slice(0, 8),
        provider: 'human',
      },
      validatorModel: {
        name: 'verified-answer',
        version: record.id.slice(0, 8),
        provider: 'human',
      },
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      latencyMs: 0,
      userRef: caller.userRef,
      createdAt: new Date().toISOString(),
      domain: profile.domain,
      verifiedAnswerId: record.id,
      // Verified answers are kept at everyone's clearance: nothing to reveal.
      sealed: {
        clearance: this.options.clearance.forUser([]),
        answer: record.answer,
        output: {
          answer: record.answer,
          claims: record.claims,
          abstained: false,
        },
        citations: record.citations,
        vault: { entries: [] },
      },
      verified: {
        id: record.id,
        verifiedBy: record.verifiedBy,
        verifiedAt: record.verifiedAt,
        askId: record.askId,
        question: record.question,
      },
    };
  }

  async history(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
    page: { limit: number; offset: number },
  ): Promise<{ items: AskRecord[]; total: number }> {
    const caller = await this.caller(credentials);
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    const productRef = stringifyEntityRef(entity);
    const { items, total } = await this.options.asks.listForEntity(
      productRef,
      page,
    );
    const legacy = items.some(item => !item.sealed)
      ? await this.legacyFacts(productRef, credentials)
      : undefined;
    const withFeedback = await Promise.all(
      items.map(async item =>
        toRecord(
          readerView(item, caller.clearance, legacy),
          await this.options.asks.getFeedback(item.id, caller.userRef),
        ),
      ),
    );
    return { items: withFeedback, total };
  }

  /** The product's verified answers, active and demoted, newest first. */
  async verifiedAnswers(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
  ): Promise<VerifiedAnswerRecord[]> {
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    return (
      (await this.options.verified?.listForEntity(stringifyEntityRef(entity), {
        all: true,
      })) ?? []
    );
  }

  /** The ask, if the caller may read the product it was asked of; otherwise it does not exist. */
  async visibleAsk(
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
    const legacy = stored.sealed
      ? undefined
      : await this.legacyFacts(stored.entityRef, credentials);
    return toRecord(
      readerView(stored, caller.clearance, legacy),
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
