import type { Knex } from 'knex';
import type { AskFeedback } from '@dpa/plugin-data-product-assistant-common';
import type { AskStore, StoredAsk } from './AskStore';

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
};

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
  };
};

export class DatabaseAskStore implements AskStore {
  constructor(private readonly db: Knex) {}

  async insert(ask: StoredAsk): Promise<void> {
    await this.db('dpa_asks').insert(toRow(ask));
  }

  async get(id: string): Promise<StoredAsk | undefined> {
    const row = await this.db<AskRow>('dpa_asks').where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async listForEntity(
    entityRef: string,
    options: { limit: number; offset: number },
  ) {
    const [rows, [{ count }]] = await Promise.all([
      this.db<AskRow>('dpa_asks')
        .where({ entity_ref: entityRef })
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      this.db('dpa_asks')
        .where({ entity_ref: entityRef })
        .count({ count: '*' }),
    ]);
    return { items: rows.map(fromRow), total: Number(count) };
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
