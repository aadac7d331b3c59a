import type {
  CitationKind,
  Classification,
  VerdictReason,
  VerdictStatus,
} from '@dpa/plugin-data-product-assistant-common';

export type { VerdictReason, VerdictStatus };

/** What a fact is about; drives retrieval boosts and the built-in answer templates. */
export type FactKind = CitationKind;

/**
 * One atomic, citable statement about a data product. Ids are stable across
 * rebuilds of the same metadata (e.g. `col:orders.status`, `sla:frequency`).
 */
export interface Fact {
  id: string;
  kind: FactKind;
  text: string;
  /** Table and column the fact is about, when it is about one. */
  table?: string;
  column?: string;
  /** Sensitivity of the column the fact describes (examples carry its values). */
  classification?: Classification;
  pii?: boolean;
  /** The source text held instruction-like content, which was cut out of `text`. */
  instructionLike?: boolean;
  /** Who wrote it, for owner knowledge notes. */
  provenance?: { author: string; createdAt: string };
}

export interface Claim {
  text: string;
  citations: string[];
}

/** The structured output every answer model produces. */
export interface AnswerOutput {
  answer: string;
  claims: Claim[];
  abstained: boolean;
  /** Set when the question is outside the product's domain or scope. */
  refused?: boolean;
}

export interface Verdict {
  status: VerdictStatus;
  reasons: VerdictReason[];
  /** Share of claims supported by their cited facts, in [0, 1]. */
  groundedness: number;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** A model as configured: its version is the hash of this content. */
export interface ModelSpec {
  /** `builtin`, or the id of a registered model provider (e.g. `openai`). */
  provider: string;
  /** For builtin: `answer-extractive`, `validator-rules`, ... For a hosted provider: the model name. */
  model: string;
  baseUrl?: string;
  /** Name of the environment variable holding the key; never the key itself. */
  apiKeyEnv?: string;
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
  timeoutMs?: number;
  maxRetries?: number;
  /** USD per million tokens. */
  prices?: { input: number; output: number };
  /** Provider-specific switches (e.g. builtin validator detectors on/off). */
  options?: Record<string, unknown>;
}

export interface ModelRef {
  name: string;
  version: string;
  provider: ModelSpec['provider'];
}

export interface AnswerRequest {
  question: string;
  facts: Fact[];
  domain?: string;
  /** Topics this domain model answers; off-scope questions are refused. */
  scope?: string[];
  /** Aborted at the caller's deadline: the call and its retries stop. */
  signal?: AbortSignal;
}

export interface AnswerModel {
  readonly ref: ModelRef;
  /** True when no text leaves the process (builtin); privacy wrapping is skipped. */
  readonly local: boolean;
  answer(req: AnswerRequest): Promise<{ output: AnswerOutput; usage: Usage }>;
  /**
   * The question as context selection should read it (a domain model puts
   * the domain's words into the product's); absent: the question as asked.
   */
  retrievalQuestion?(question: string, facts: Fact[]): string;
}

export interface ValidateRequest {
  question: string;
  facts: Fact[];
  answer: AnswerOutput;
  domain?: string;
  scope?: string[];
  /** Highest classification whose values the asking user may see. */
  clearance: Classification;
  /** Aborted at the caller's deadline: the call and its retries stop. */
  signal?: AbortSignal;
}

export interface ValidatorModel {
  readonly ref: ModelRef;
  readonly local: boolean;
  validate(req: ValidateRequest): Promise<{ verdict: Verdict; usage: Usage }>;
}
