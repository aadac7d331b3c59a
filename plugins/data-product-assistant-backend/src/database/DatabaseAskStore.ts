import type { Knex } from 'knex';
import type {
  AskFeedback,
  AskReview,
  ReviewReason,
} from '@dpa/plugin-data-product-assistant-common';
import type { AskStore, ReviewListQuery, StoredAsk } from './AskStore';
import { settleLedgerEntry } from './DatabaseBudgetLedgerStore';

type AskRow = {
  id: string;
  entity_ref: string;
  user_ref: string;
  question: string;
  answer: string;
  output: string;
  status: string;
  reasons: string;
  groundedness: number;
  citations: string;
  answer_model: string;
  answer_model_version: string;
  answer_model_provider: string;
  validator_model: string;
  validator_model_version: string;
  validator_model_provider: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number | string;
  latency_ms: number | string;
  created_at: Date | string;
  domain?: string | null;
  review_state?: string | null;
  review_reason?: string | null;
  review?: string | null;
  verified_answer_id?: string | null;
  sealed?: string | null;
  // From the joined verified answer.
  v_verified_by?: string | null;
  v_verified_at?: Date | string | null;
  v_ask_id?: string | null;
  v_question?: string | null;
};

const ASKS = 'dpa_asks';
const VERIFIED = 'dpa_verified_answers';

const toRow = (ask: StoredAsk): AskRow => ({
  id: ask.id,
  entity_ref: ask.entityRef,
  user_ref: ask.userRef,
  question: ask.question,
  answer: ask.answer,
  output: JSON.stringify(ask.output),
  status: ask.status,
  reasons: JSON.stringify(ask.reasons),
  groundedness: ask.groundedness,
  citations: JSON.stringify(ask.citations),
  answer_model: ask.answerModel.name,
  answer_model_version: ask.answerModel.version,
  answer_model_provider: ask.answerModel.provider,
  validator_model: ask.validatorModel.name,
  validator_model_version: ask.validatorModel.version,
  validator_model_provider: ask.validatorModel.provider,
  prompt_tokens: ask.usage.promptTokens,
  completion_tokens: ask.usage.completionTokens,
  cost_usd: ask.usage.costUsd,
  latency_ms: ask.latencyMs,
  created_at: new Date(ask.createdAt),
  domain: ask.domain ?? null,
  review_state: ask.reviewState ?? null,
  review_reason: ask.reviewReason ?? null,
  review: ask.review ? JSON.stringify(ask.review) : null,
  verified_answer_id: ask.verifiedAnswerId ?? null,
  sealed: ask.sealed ? JSON.stringify(ask.sealed) : null,
});

const fromRow = (row: AskRow): StoredAsk => {
  const output = JSON.parse(row.output);
  return {
    id: row.id,
    entityRef: row.entity_ref,
    userRef: row.user_ref,
    question: row.question,
    answer: row.answer,
    output,
    status: row.status as StoredAsk['status'],
    reasons: JSON.parse(row.reasons),
    groundedness: Number(row.groundedness),
    claims: output.claims ?? [],
    citations: JSON.parse(row.citations),
    answerModel: {
      name: row.answer_model,
      version: row.answer_model_version,
      provider: row.answer_model_provider,
    },
    validatorModel: {
      name: row.validator_model,
      version: row.validator_model_version,
      provider: row.validator_model_provider,
    },
    usage: {
      promptTokens: Number(row.prompt_tokens),
      completionTokens: Number(row.completion_tokens),
      costUsd: Number(row.cost_usd),
    },
    latencyMs: Number(row.latency_ms),
    createdAt: new Date(row.created_at).toISOString(),
    reviewState: (row.review_state ?? undefined) as StoredAsk['reviewState'],
    reviewReason: (row.review_reason ?? undefined) as StoredAsk['reviewReason'],
    review: row.review ? JSON.parse(row.review) : undefined,
    verifiedAnswerId: row.verified_answer_id ?? undefined,
    sealed: row.sealed ? JSON.parse(row.sealed) : undefined,
    verified:
      row.verified_answer_id && row.v_verified_by
        ? {
            id: row.verified_answer_id,
            verifiedBy: row.v_verified_by,
            verifiedAt: new Date(row.v_verified_at!).toISOString(),
            askId: row.v_ask_id!,
            question: row.v_question!,
          }
        : undefined,
  };
};

export class DatabaseAskStore implements AskStore {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres =
      (db.client as { dialect?: string }).dialect === 'postgresql';
  }

  /** Asks with the verified answer they were served from, if any. */
  private select() {
    return this.db<AskRow>(ASKS)
      .leftJoin(VERIFIED, `${VERIFIED}.id`, `${ASKS}.verified_answer_id`)
      .select(
        `${ASKS}.*`,
        `${VERIFIED}.verified_by as v_verified_by`,
        `${VERIFIED}.verified_at as v_verified_at`,
        `${VERIFIED}.ask_id as v_ask_id`,
        `${VERIFIED}.question as v_question`,
      );
  }

  async insert(ask: StoredAsk): Promise<void> {
    const settle = (db: Knex) =>
      settleLedgerEntry(db, ask.id, ask.usage.costUsd);
    if (this.postgres) {
      // One statement, one round trip: the ask and its settled ledger entry.
      await this.db
        .with('settled', settle(this.db))
        .insert(toRow(ask))
        .into(ASKS);
      return;
    }
    await this.db.transaction(async trx => {
      await trx(ASKS).insert(toRow(ask));
      await settle(trx);
    });
  }

  async get(id: string): Promise<StoredAsk | undefined> {
    const row = await this.select().where(`${ASKS}.id`, id).first();
    return row ? fromRow(row as AskRow) : undefined;
  }

  async listForEntity(
    entityRef: string,
    options: { limit: number; offset: number },
  ) {
    const [rows, [{ count }]] = await Promise.all([
      this.select()
        .where(`${ASKS}.entity_ref`, entityRef)
        .orderBy([
          { column: `${ASKS}.created_at`, order: 'desc' },
          { column: `${ASKS}.id`, order: 'desc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      this.db('dpa_asks')
        .where({ entity_ref: entityRef })
        .count({ count: '*' }),
    ]);
    return { items: (rows as AskRow[]).map(fromRow), total: Number(count) };
  }

  async listForReview(query: ReviewListQuery) {
    if (query.entityRefs.length === 0) return { items: [], total: 0 };
    const where = (q: Knex.QueryBuilder) => {
      q.whereIn(`${ASKS}.entity_ref`, query.entityRefs).where(
        `${ASKS}.review_state`,
        query.state,
      );
      if (query.reason) q.where(`${ASKS}.review_reason`, query.reason);
      return q;
    };
    const order = query.order === 'oldest' ? 'asc' : 'desc';
    const [rows, [{ count }]] = await Promise.all([
      where(this.select())
        .orderBy([
          { column: `${ASKS}.created_at`, order },
          { column: `${ASKS}.id`, order },
        ])
        .limit(query.limit)
        .offset(query.offset),
      where(this.db(ASKS)).count({ count: '*' }),
    ]);
    return { items: (rows as AskRow[]).map(fromRow), total: Number(count) };
  }

  async countPendingReviews(entityRefs: string[]) {
    const counts = new Map<string, number>();
    if (entityRefs.length === 0) return counts;
    const rows = await this.db(ASKS)
      .whereIn('entity_ref', entityRefs)
      .where('review_state', 'pending')
      .groupBy('entity_ref')
      .select('entity_ref')
      .count({ count: '*' });
    for (const row of rows as Array<{ entity_ref: string; count: unknown }>) {
      counts.set(row.entity_ref, Number(row.count));
    }
    return counts;
  }

  async completeReview(askId: string, review: AskReview): Promise<boolean> {
    const updated = await this.db(ASKS)
      .where({ id: askId, review_state: 'pending' })
      .update({ review_state: review.state, review: JSON.stringify(review) });
    return updated === 1;
  }

  async updateReview(askId: string, review: AskReview): Promise<void> {
    await this.db(ASKS)
      .where({ id: askId })
      .update({ review: JSON.stringify(review) });
  }

  async reopenReview(askId: string, reason: ReviewReason): Promise<void> {
    await this.db(ASKS)
      .where({ id: askId })
      .update({ review_state: 'pending', review_reason: reason });
  }

  async setFeedback(askId: string, feedback: AskFeedback): Promise<void> {
    await this.db('dpa_ask_feedback')
      .insert({
        ask_id: askId,
        user_ref: feedback.userRef,
        helpful: feedback.helpful,
        comment: feedback.comment ?? null,
        created_at: new Date(feedback.createdAt),
      })
      .onConflict(['ask_id', 'user_ref'])
      .merge();
  }

  async getFeedback(
    askId: string,
    userRef: string,
  ): Promise<AskFeedback | undefined> {
    const row = await this.db('dpa_ask_feedback')
      .where({ ask_id: askId, user_ref: userRef })
      .first();
    if (!row) return undefined;
    return {
      helpful: Boolean(row.helpful),
      comment: row.comment ?? undefined,
      userRef: row.user_ref,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
