import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type {
  AskRecord,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import {
  ask,
  openSealed,
  type KnowledgeNoteStore,
} from '@dpa/plugin-data-product-assistant-node';
import type { BudgetService } from '../budget/BudgetService';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { ReviewNeeded } from '../review/ReviewNotifier';
import { resolveReader, type Reader } from './caller';
import type { ClearancePolicy } from './clearance';
import type { DomainModels, DomainModelService } from './DomainModelService';
import type { EngineThreads } from './EngineThreads';
import type { FactsCache } from '@dpa/plugin-data-product-assistant-node';
import type { ProductAccess, ReadableProduct } from './ProductAccess';
import { readerView } from './readerView';
import { checkedQuestion } from './question';
import { boundForStorage } from './storageLimits';
import { toRecord } from './toRecord';
import type { VerifiedAnswerService } from './VerifiedAnswerService';

/**
 * Asks a data product a question: the caller's read permission, the budget,
 * a verified answer or the domain's models, and the stored ask. Every step
 * is another service's; this one only puts them in order.
 */
export class AskService {
  constructor(
    private readonly options: {
      access: ProductAccess;
      profiles: DataProductProfileService;
      models: DomainModelService;
      asks: AskStore;
      clearance: ClearancePolicy;
      userInfo: UserInfoService;
      facts: FactsCache;
      logger: LoggerService;
      /** Rate limits and cost caps checked before every ask; none: no limits. */
      budget?: BudgetService;
      /** Owners' knowledge notes, cited as `note:<id>` facts; none: no notes. */
      notes?: KnowledgeNoteStore;
      /** Owner-verified answers, reused without a model call; none: always ask the models. */
      verifiedAnswers?: VerifiedAnswerService;
      /** Told when an answer starts waiting for its owners' review (e.g. to notify them). */
      onReviewNeeded?: (item: ReviewNeeded) => Promise<void>;
      /** Threads that run asks with built-in models off the event loop; none: all on it. */
      threads?: EngineThreads;
    },
  ) {}

  async ask(
    input: { entityRef: string; question: string },
    credentials: BackstageCredentials,
  ): Promise<AskRecord> {
    const request = { ...input, question: checkedQuestion(input.question) };
    const [reader, product] = await Promise.all([
      resolveReader(this.options.userInfo, this.options.clearance, credentials),
      this.options.access.readable(request.entityRef, credentials),
    ]);
    const domain =
      typeof product.entity.spec?.domain === 'string'
        ? product.entity.spec.domain
        : undefined;
    const models = await this.options.models.modelsFor(domain);
    // The ask's id names its budget ledger entry too: storing the ask settles it.
    const id = randomUUID();
    // Past a limit: RateLimitedError (429) before the contract is read, and nothing is stored.
    const reservation = await this.options.budget?.reserve({
      id,
      userRef: reader.userRef,
      domain,
      maxCostUsd: models.maxCostUsd,
    });
    let answered: { stored: StoredAsk; profile: DataProductProfile };
    try {
      answered = await this.answer(
        { id, question: request.question },
        reader,
        product,
        models,
        credentials,
      );
    } catch (error) {
      // An ask that never ran gives its place back.
      await reservation?.release();
      throw error;
    }
    const { profile } = answered;
    // Stored with what it cost, which replaces what it was allowed to cost (one write).
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
        askedBy: reader.userRef,
      });
    }
    return toRecord(readerView(stored, reader.clearance));
  }

  /** The ask to store for a question: from a verified answer, else from the domain's models. */
  private async answer(
    request: { id: string; question: string },
    reader: Reader,
    product: ReadableProduct,
    models: DomainModels,
    credentials: BackstageCredentials,
  ): Promise<{ stored: StoredAsk; profile: DataProductProfile }> {
    const { verifiedAnswers, clearance } = this.options;
    const profile = await this.options.profiles.getProfile(
      product.entityRef,
      credentials,
      product.entity,
    );
    const notes = await this.options.notes?.listNotes(profile.entityRef);
    const reused = await verifiedAnswers?.answerFor(
      profile,
      request.question,
      notes,
    );
    if (reused) {
      return {
        stored: verifiedAnswers!.askFrom(
          reused,
          { ...request, userRef: reader.userRef },
          profile,
        ),
        profile,
      };
    }
    const asked = {
      question: request.question,
      profile,
      clearance: reader.clearance,
      domain: profile.domain,
      scope: models.scope,
      tokenBudget: models.tokenBudget,
      notes,
    };
    const { threads } = this.options;
    const result =
      models.builtin && threads?.canRun(models.builtin)
        ? await threads.ask({ ...asked, models: models.builtin })
        : await ask({
            ...asked,
            answerModel: models.answer,
            validatorModel: models.validator,
            facts: this.options.facts.factsFor(profile, notes),
          });
    if (result.error) {
      this.options.logger.warn(
        `Ask on ${profile.entityRef} hit a ${result.error.stage} error: ${result.error.code} ${result.error.message}`,
      );
    }
    // Stored at everyone's clearance; the sealed texts reveal more to readers cleared for it.
    const everyone = openSealed(result.sealed, clearance.forUser([]));
    const stored: StoredAsk = {
      id: request.id,
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
      userRef: reader.userRef,
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
}
