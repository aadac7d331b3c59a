import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataProductReviewPermission,
  type AskReview,
  type Classification,
  type ReviewActionRequest,
  type ReviewAnswerItem,
  type ReviewInteropItem,
  type ReviewInteropResponse,
  type ReviewInteropSort,
  type ReviewOrder,
  type ReviewQueueResponse,
  type ReviewReason,
  type ReviewState,
  type ReviewSummary,
  type VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';
import {
  buildFacts,
  openSealed,
  redactAboveClearance,
  unsealText,
  type Fact,
} from '@dpa/plugin-data-product-assistant-node';
import type { AskHistoryService } from '../ask/AskHistoryService';
import { toRecord } from '../ask/toRecord';
import type { VerifiedAnswerService } from '../ask/VerifiedAnswerService';
import { resolveCaller } from '../ask/caller';
import { readerView } from '../ask/readerView';
import type { ClearancePolicy } from '../ask/clearance';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { KnowledgeNoteStore } from '../database/KnowledgeNoteStore';
import type { VerifiedAnswerStore } from '../database/VerifiedAnswerStore';
import type { InteropService } from '../interop/InteropService';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { ReviewRejectedError } from './ReviewRejectedError';
import { checkedReviewAction } from './checkedReviewAction';
import { normalizeEntityRef } from '../profile/entityRefs';

const PRODUCT_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

const REVIEW_STATES = {
  approve: 'approved',
  correct: 'corrected',
  reject: 'rejected',
} as const;

/**
 * The owners' side of the assistant: the answers the validator doubted and
 * the relationship suggestions nobody decided, for the products the caller
 * reviews; approving or correcting an answer makes it a verified answer.
 */
export class ReviewService {
  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      asks: AskStore;
      history: AskHistoryService;
      verifiedAnswers: VerifiedAnswerService;
      verified: VerifiedAnswerStore;
      knowledge: KnowledgeService;
      notes: KnowledgeNoteStore;
      interop: InteropService;
      permissions: PermissionsService;
      userInfo: UserInfoService;
      clearance: ClearancePolicy;
      /** Related products per product considered for review (the Assistant tab's default). */
      interopTop: number;
    },
  ) {}

  /** The data products the caller may review, by entity ref. */
  async reviewableProducts(
    credentials: BackstageCredentials,
    only?: string,
  ): Promise<string[]> {
    const refs = only
      ? [
          stringifyEntityRef(
            await this.options.profiles.getDataProduct(only, credentials),
          ),
        ]
      : (
          await this.options.profiles.listDataProducts(
            credentials,
            PRODUCT_FIELDS,
          )
        ).map(e => stringifyEntityRef(e));
    if (refs.length === 0) return [];
    const decisions = await this.options.permissions.authorize(
      refs.map(resourceRef => ({
        permission: dataProductReviewPermission,
        resourceRef,
      })),
      { credentials },
    );
    return refs.filter(
      (_, i) => decisions[i]?.result === AuthorizeResult.ALLOW,
    );
  }

  /** The products to list: the one asked for (403 when the caller does not review it) or all reviewable. */
  private async scope(
    credentials: BackstageCredentials,
    product?: string,
  ): Promise<string[]> {
    const ref = product ? normalizeEntityRef(product) : undefined;
    const refs = await this.reviewableProducts(credentials, ref);
    if (ref && refs.length === 0) {
      throw new NotAllowedError(
        `Only the owners of ${ref} may review its answers and suggestions`,
      );
    }
    return refs;
  }

  async queue(
    credentials: BackstageCredentials,
    query: {
      product?: string;
      reason?: ReviewReason;
      state: ReviewState;
      order?: ReviewOrder;
      limit: number;
      offset: number;
    },
  ): Promise<ReviewQueueResponse> {
    const products = await this.reviewableProducts(credentials);
    const refs = query.product
      ? await this.scope(credentials, query.product)
      : products;
    const { items, total } = await this.options.asks.listForReview({
      entityRefs: refs,
      state: query.state,
      reason: query.reason,
      order: query.order ?? 'newest',
      limit: query.limit,
      offset: query.offset,
    });
    const reader = await this.reader(credentials);
    const facts = new Map<string, Promise<Fact[]>>();
    const factsOf = (ref: string) => {
      if (!facts.has(ref)) facts.set(ref, this.factsFor(ref, credentials));
      return facts.get(ref)!;
    };
    return {
      items: await Promise.all(
        items.map(async stored =>
          this.item(stored, await factsOf(stored.entityRef), reader.clearance),
        ),
      ),
      total,
      products,
    };
  }

  async interopQueue(
    credentials: BackstageCredentials,
    query: {
      product?: string;
      sort: ReviewInteropSort;
      limit: number;
      offset: number;
    },
  ): Promise<ReviewInteropResponse> {
    const pairs = await this.pendingPairs(
      await this.scope(credentials, query.product),
      credentials,
    );
    if (query.sort === 'product') {
      const name = (item: ReviewInteropItem) =>
        (item.related.title ?? item.related.entityRef).toLocaleLowerCase();
      pairs.sort(
        (a, b) =>
          name(a).localeCompare(name(b)) ||
          a.entityRef.localeCompare(b.entityRef),
      );
    }
    return {
      items: pairs.slice(query.offset, query.offset + query.limit),
      total: pairs.length,
      pendingMappings: pairs.reduce((n, p) => n + p.related.mappings.length, 0),
    };
  }

  /**
   * Pairs of products with undecided suggestions, one of them the caller's,
   * best first. A pair of two of the caller's products shows once, under
   * the first of them, with the same mappings either side would show.
   */
  private async pendingPairs(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<ReviewInteropItem[]> {
    const { computedAt, related } = await this.options.interop.relatedOf(
      refs,
      credentials,
      { top: this.options.interopTop },
    );
    const seen = new Set<string>();
    const items: ReviewInteropItem[] = [];
    for (const ref of [...refs].sort()) {
      for (const product of related.get(ref) ?? []) {
        const pair = [ref, product.entityRef].sort().join('|');
        if (seen.has(pair)) continue;
        seen.add(pair);
        const mappings = product.mappings.filter(m => !m.decision);
        if (mappings.length === 0) continue;
        items.push({
          kind: 'interop',
          entityRef: ref,
          related: {
            ...product,
            mappings,
            bestConfidence: Math.max(...mappings.map(m => m.confidence)),
          },
          computedAt,
        });
      }
    }
    return items.sort(
      (a, b) =>
        b.related.bestConfidence - a.related.bestConfidence ||
        a.entityRef.localeCompare(b.entityRef) ||
        a.related.entityRef.localeCompare(b.related.entityRef),
    );
  }

  async summary(
    credentials: BackstageCredentials,
    product?: string,
  ): Promise<ReviewSummary> {
    const refs = await this.reviewableProducts(credentials, product);
    if (refs.length === 0) {
      return { canReview: false, pendingAnswers: 0, pendingSuggestions: 0 };
    }
    const [counts, pairs] = await Promise.all([
      this.options.asks.countPendingReviews(refs),
      this.pendingPairs(refs, credentials),
    ]);
    return {
      canReview: true,
      pendingAnswers: [...counts.values()].reduce((a, b) => a + b, 0),
      pendingSuggestions: pairs.reduce(
        (n, p) => n + p.related.mappings.length,
        0,
      ),
    };
  }

  async act(
    askId: string,
    input: ReviewActionRequest,
    credentials: BackstageCredentials,
  ): Promise<ReviewAnswerItem> {
    const request = checkedReviewAction(input);
    const stored = await this.options.history.visibleAsk(askId, credentials);
    const [decision] = await this.options.permissions.authorize(
      [
        {
          permission: dataProductReviewPermission,
          resourceRef: stored.entityRef,
        },
      ],
      { credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only the owners of ${stored.entityRef} may review its answers`,
      );
    }
    if (stored.reviewState !== 'pending') {
      throw new ConflictError(
        stored.review
          ? `This answer was already ${stored.review.state} by ${
              stored.review.reviewedBy
            } on ${stored.review.reviewedAt.slice(0, 10)}`
          : 'This answer does not wait for review',
      );
    }
    const reader = await this.reader(credentials);
    const review: AskReview = {
      action: request.action,
      state: REVIEW_STATES[request.action],
      comment: request.comment || undefined,
      reviewedBy: reader.userRef,
      reviewedAt: new Date().toISOString(),
    };

    let verified: VerifiedAnswerRecord | undefined;
    if (request.action !== 'reject') {
      const demoted = await this.demotedOf(stored);
      // The model's answer as it was, every value restored: the validator judges it at everyone's clearance.
      const modelAnswer = stored.sealed
        ? unsealText(
            stored.sealed.output.answer,
            stored.sealed.vault,
            'restricted',
          )
        : stored.output.answer;
      const text =
        request.action === 'correct'
          ? request.answer!
          : demoted?.answer ?? modelAnswer;
      if (request.action === 'approve' && stored.output.abstained && !demoted) {
        throw new InputError(
          'The assistant gave no answer to approve; correct it with the right answer instead',
        );
      }
      const profile = await this.options.profiles.getProfile(
        stored.entityRef,
        credentials,
      );
      const result = await this.options.verifiedAnswers.validateWritten(
        profile,
        stored.question,
        text,
      );
      const verdict = {
        status: result.verdict.status,
        reasons: result.verdict.reasons,
        groundedness: result.verdict.groundedness,
      };
      if (verdict.status === 'blocked') {
        throw new ReviewRejectedError(
          `The validator blocks this answer, so it cannot be verified: ${verdict.reasons
            .filter(r => r.severity === 'block')
            .map(r => r.message)
            .join('; ')}`,
          verdict,
        );
      }
      // Every reader is shown a verified answer: it is kept at everyone's clearance.
      const shown = openSealed(
        result.sealed,
        this.options.clearance.forUser([]),
      );
      verified = {
        id: randomUUID(),
        entityRef: stored.entityRef,
        askId: stored.id,
        question: stored.question,
        answer: shown.answer,
        claims: shown.claims,
        citations: shown.citations,
        verdict,
        verifiedBy: reader.userRef,
        verifiedAt: review.reviewedAt,
        status: 'active',
      };
      review.correctedAnswer =
        request.action === 'correct' ? verified.answer : undefined;
      review.verdict = verdict;
      review.verifiedAnswerId = verified.id;
    }

    if (!(await this.options.asks.completeReview(stored.id, review))) {
      throw new ConflictError('Someone else reviewed this answer first');
    }
    if (verified) await this.options.verified.insert(verified);
    if (request.action === 'correct' && request.saveAsNote) {
      const note = await this.options.knowledge.add(
        stored.entityRef,
        { text: verified!.answer },
        credentials,
      );
      review.noteId = note.id;
      await this.options.asks.updateReview(stored.id, review);
    }
    const updated = (await this.options.asks.get(stored.id))!;
    return this.item(
      updated,
      await this.factsFor(stored.entityRef, credentials),
      reader.clearance,
    );
  }

  private async reader(
    credentials: BackstageCredentials,
  ): Promise<{ userRef: string; clearance: Classification }> {
    const caller = await resolveCaller(this.options.userInfo, credentials);
    return {
      userRef: caller.userRef,
      clearance: this.options.clearance.forUser(caller.ownershipEntityRefs),
    };
  }

  /** The product's facts, for redacting what a reviewer may not see; none when the contract cannot be read. */
  private async factsFor(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Fact[]> {
    try {
      const profile = await this.options.profiles.getProfile(
        entityRef,
        credentials,
      );
      return buildFacts(profile, {
        notes: await this.options.notes.listNotes(entityRef),
      });
    } catch {
      return [];
    }
  }

  /** The verified answer a demoted ask's review produced. */
  private async demotedOf(
    stored: StoredAsk,
  ): Promise<VerifiedAnswerRecord | undefined> {
    if (stored.reviewReason !== 'demoted' || !stored.review?.verifiedAnswerId)
      return undefined;
    return this.options.verified.get(stored.review.verifiedAnswerId);
  }

  private async item(
    stored: StoredAsk,
    facts: Fact[],
    clearance: Classification,
  ): Promise<ReviewAnswerItem> {
    // Texts stored before answers were sealed or verified at everyone's clearance are redacted with the facts.
    const redact = (text: string) =>
      redactAboveClearance(text, facts, clearance);
    const demoted = await this.demotedOf(stored);
    // No facts (an unreadable contract): an old, unsealed answer is withheld.
    const view = readerView(
      stored,
      clearance,
      facts.length ? facts : undefined,
    );
    const record = toRecord(view);
    return {
      kind: 'answer',
      ask: {
        ...record,
        // Reviewers see what the validator judged, blocked answers included.
        claims: view.output.claims,
        citations: view.citations,
      },
      modelAnswer: view.output.answer,
      reason: stored.reviewReason ?? (stored.status as ReviewReason),
      state: stored.reviewState ?? 'pending',
      review: stored.review && {
        ...stored.review,
        correctedAnswer:
          stored.review.correctedAnswer &&
          redact(stored.review.correctedAnswer),
      },
      demoted:
        demoted && demoted.status === 'demoted'
          ? { ...demoted, answer: redact(demoted.answer) }
          : undefined,
    };
  }
}
