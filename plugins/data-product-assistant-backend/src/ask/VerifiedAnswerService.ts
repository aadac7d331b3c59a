import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  DataProductProfile,
  VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';
import {
  changedFacts,
  citationText,
  contradicts,
  matchQuestion,
  validateWrittenAnswer,
  type AskResult,
  type KnowledgeNote,
  type KnowledgeNoteStore,
} from '@dpa/plugin-data-product-assistant-node';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { VerifiedAnswerStore } from '../database/VerifiedAnswerStore';
import type { ReviewNeeded } from '../review/ReviewNotifier';
import type { EntityRefInput } from '../profile/entityRefs';
import type { ClearancePolicy } from './clearance';
import type { DomainModelService } from './DomainModelService';
import type { FactsCache } from '@dpa/plugin-data-product-assistant-node';
import type { ProductAccess } from './ProductAccess';

/**
 * Owner-verified answers: reused for the same question without a model call,
 * re-checked when the facts they cite change, demoted back to review when a
 * change contradicts them. Verified answers are vetted and kept at the
 * clearance everyone has: every reader is shown them.
 */
export class VerifiedAnswerService {
  constructor(
    private readonly options: {
      verified: VerifiedAnswerStore;
      asks: AskStore;
      models: DomainModelService;
      access: ProductAccess;
      clearance: ClearancePolicy;
      facts: FactsCache;
      logger: LoggerService;
      /** Owners' knowledge notes, cited as `note:<id>` facts; none: no notes. */
      notes?: KnowledgeNoteStore;
      /** Told when a contract change demotes a verified answer (e.g. to audit it). */
      onDemoted?: (
        record: VerifiedAnswerRecord,
        reason: string,
      ) => Promise<void>;
      /** Told when a demoted answer goes back to its owners' review (e.g. to notify them). */
      onReviewNeeded?: (item: ReviewNeeded) => Promise<void>;
    },
  ) {}

  /** The clearance everyone has: what verified answers are vetted and kept at. */
  private everyone() {
    return this.options.clearance.forUser([]);
  }

  /** The product's verified answers, active and demoted, newest first. */
  async list(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
  ): Promise<VerifiedAnswerRecord[]> {
    const product = await this.options.access.readable(entityRef, credentials);
    return this.options.verified.listForEntity(product.entityRef, {
      all: true,
    });
  }

  /**
   * The product's verified answer to this question, if one still holds. A
   * verified answer whose cited facts changed is validated again; when the
   * change contradicts it, it is demoted and its ask goes back to review.
   */
  async answerFor(
    profile: DataProductProfile,
    question: string,
    notes: KnowledgeNote[] | undefined,
  ): Promise<VerifiedAnswerRecord | undefined> {
    const match = matchQuestion(
      question,
      await this.options.verified.listForEntity(profile.entityRef),
    );
    if (!match) return undefined;
    const held = await this.recheck(match.candidate, profile, notes);
    return held ? match.candidate : undefined;
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
    const models = await this.options.models.modelsFor(profile.domain);
    return validateWrittenAnswer({
      question,
      answer,
      profile,
      validatorModel: models.validator,
      clearance: this.everyone(),
      domain: profile.domain,
      scope: models.scope,
      tokenBudget: models.tokenBudget,
      notes: notes ?? (await this.options.notes?.listNotes(profile.entityRef)),
    });
  }

  /** Whether a verified answer still holds for the product as it is now; demotes it when not. */
  async recheck(
    record: VerifiedAnswerRecord,
    profile: DataProductProfile,
    notes?: KnowledgeNote[],
  ): Promise<boolean> {
    const { verified, asks, logger } = this.options;
    const current =
      notes ?? (await this.options.notes?.listNotes(profile.entityRef));
    const clearance = this.everyone();
    const changed = changedFacts(
      record.citations,
      this.options.facts.factsFor(profile, current),
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
      await verified.updateCitations(record.id, result.citations);
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
    if (await verified.demote(record.id, reason, now)) {
      await asks.reopenReview(record.askId, 'demoted');
      logger.info(
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
  askFrom(
    record: VerifiedAnswerRecord,
    ask: { id: string; question: string; userRef: string },
    profile: DataProductProfile,
  ): StoredAsk {
    const date = record.verifiedAt.slice(0, 10);
    const output = {
      answer: record.answer,
      claims: record.claims,
      abstained: false,
    };
    const model = {
      name: 'verified-answer',
      version: record.id.slice(0, 8),
      provider: 'human',
    };
    return {
      id: ask.id,
      entityRef: profile.entityRef,
      question: ask.question,
      answer: record.answer,
      output,
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
      answerModel: model,
      validatorModel: model,
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      latencyMs: 0,
      userRef: ask.userRef,
      createdAt: new Date().toISOString(),
      domain: profile.domain,
      verifiedAnswerId: record.id,
      // Kept at everyone's clearance: nothing to reveal.
      sealed: {
        clearance: this.everyone(),
        answer: record.answer,
        output,
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
}
