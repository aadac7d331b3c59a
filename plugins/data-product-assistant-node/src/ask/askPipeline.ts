import type {
  Classification,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { z } from 'zod';
import type {
  AnswerModel,
  AnswerOutput,
  Fact,
  ModelRef,
  Usage,
  ValidatorModel,
  Verdict,
} from '../models/types';
import { buildFacts, stripExamples } from '../context/buildFacts';
import type { KnowledgeNote } from '../context/knowledgeNotes';
import { selectContext } from '../context/selectContext';
import { DEFAULT_TOKEN_BUDGET } from '../models/domainConfig';
import { isModelError } from '../models/errors';
import { verdictSchema } from '../validator/verdictSchema';
import {
  maskFacts,
  maskText,
  revealUpTo,
  unmask,
  type PlaceholderVault,
} from '../privacy/placeholders';
import {
  classificationRank,
  effectiveClassification,
} from '../privacy/factValues';
import { sensitiveValues } from '../privacy/sensitiveValues';
import {
  sealAnswer,
  sealingVault,
  type SealedAnswer,
} from '../privacy/sealing';
import { failClosedVerdict } from '../validator/verdictPolicy';
import {
  composeFromClaims,
  fixedReasons,
  UNAVAILABLE_MESSAGE,
  WITHHELD_MESSAGE,
} from './shownText';
import { withDeadline } from './withDeadline';

export interface AskInput {
  question: string;
  profile: DataProductProfile;
  /** Extra documentation (markdown) beside `profile.docs`. */
  docs?: string;
  notes?: KnowledgeNote[];
  /** Facts built earlier for this profile (e.g. cached per entity); built from the profile otherwise. */
  facts?: Fact[];
  answerModel: AnswerModel;
  validatorModel: ValidatorModel;
  /** Highest classification whose values the asking user may see. */
  clearance: Classification;
  domain?: string;
  scope?: string[];
  /** Tokens (cl100k_base) of facts sent to the answer model. */
  tokenBudget?: number;
  /** Longest wait for the answer model before giving up (default 60 s). */
  answerTimeoutMs?: number;
  /** Longest wait for the validator before failing closed (default 30 s). */
  validatorTimeoutMs?: number;
  /** Verdict when validation fails (default `blocked`); never `approved`. */
  onValidatorError?: 'flagged' | 'blocked';
}

export interface AskCitation {
  id: string;
  text: string;
  /** What the fact is about, so readers see "the column orders.status" rather than an id. */
  kind: Fact['kind'];
  table?: string;
  column?: string;
}

export interface AskResult {
  question: string;
  /** What the user is shown: the answer with values restored up to their clearance, or a withheld notice. */
  answer: string;
  /** The answer model's output with placeholders restored up to the user's clearance. */
  output: AnswerOutput;
  verdict: Verdict;
  citations: AskCitation[];
  /** Both models together. */
  usage: Usage;
  latencyMs: number;
  answerModel: ModelRef;
  validatorModel: ModelRef;
  /** The facts given to the answer model (unmasked). */
  facts: Fact[];
  contextTokens: number;
  /** Whether facts and question were masked before leaving the process. */
  masked: boolean;
  /** Set when a model failed; the verdict then records it too (with a fixed message; this one is for logs). */
  error?: { stage: 'answer' | 'validator'; code: string; message: string };
  /** What to store: answer, output and citations with sensitive values as placeholders, opened per reader. */
  sealed: SealedAnswer;
}

const ZERO: Usage = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

const addUsage = (a: Usage, b: Usage): Usage => ({
  promptTokens: a.promptTokens + b.promptTokens,
  completionTokens: a.completionTokens + b.completionTokens,
  costUsd: a.costUsd + b.costUsd,
});

/** What a model call that failed still cost, when the endpoint reported it. */
const usageOf = (e: unknown): Usage =>
  (isModelError(e) && 'usage' in e && e.usage) || ZERO;

interface Masking {
  facts: Fact[];
  question: string;
  vault: PlaceholderVault;
}

function mask(question: string, facts: Fact[], allFacts: Fact[]): Masking {
  const masked = maskFacts(facts, { values: sensitiveValues(allFacts) });
  return {
    facts: masked.facts,
    question: maskText(question, masked.vault),
    vault: masked.vault,
  };
}

function mapOutput(
  output: AnswerOutput,
  f: (text: string) => string,
): AnswerOutput {
  return {
    ...output,
    answer: f(output.answer),
    claims: output.claims.map(c => ({ ...c, text: f(c.text) })),
  };
}

/** A failure's code (from a fixed set) and message (for logs only: it may name endpoints). */
function errorInfo(e: unknown): { code: string; message: string } {
  if (isModelError(e)) return { code: e.code, message: e.message };
  if (e instanceof Error)
    return {
      code: e.name === 'TimeoutError' ? 'timeout' : 'error',
      message: e.message,
    };
  return { code: 'error', message: String(e) };
}

/** A cited fact as the user may see it: examples above their clearance removed. */
export function citationText(fact: Fact, clearance: Classification): string {
  const above =
    classificationRank(effectiveClassification(fact)) >
    classificationRank(clearance);
  return above ? stripExamples(fact.text) : fact.text;
}

/**
 * Ask a data product a question: facts → retrieval → packing → (privacy
 * wrapping for non-local models) → answer → validation → verdict. Fails
 * closed: a validator failure, timeout or malformed verdict never yields
 * `approved`, and a failing answer model yields an abstained record, never a throw.
 */
export async function ask(input: AskInput): Promise<AskResult> {
  const started = performance.now();
  const { question, clearance, answerModel, validatorModel } = input;
  const allFacts =
    input.facts ??
    buildFacts(input.profile, { notes: input.notes, docs: input.docs });
  const retrievalQuestion =
    answerModel.retrievalQuestion?.(question, allFacts) ?? question;
  const context = selectContext(retrievalQuestion, allFacts, {
    tokenBudget: input.tokenBudget ?? DEFAULT_TOKEN_BUDGET,
  });
  const facts = context.facts;
  const reveal = revealUpTo(clearance);

  let masking: Masking | undefined;
  const getMasking = () => (masking ??= mask(question, facts, allFacts));

  const base = {
    question,
    answerModel: answerModel.ref,
    validatorModel: validatorModel.ref,
    facts,
    contextTokens: context.tokens,
  };

  const seal = (
    fields: Pick<SealedAnswer, 'answer' | 'output' | 'citations'>,
  ): SealedAnswer =>
    sealAnswer(
      { clearance, ...fields },
      sealingVault(allFacts, masking?.vault),
    );

  // Answer.
  let raw: AnswerOutput;
  let usage = ZERO;
  try {
    const sent = answerModel.local ? { facts, question } : getMasking();
    const result = await withDeadline(
      input.answerTimeoutMs ?? 60_000,
      `answer model ${answerModel.ref.name}`,
      signal =>
        answerModel.answer({
          question: sent.question,
          facts: sent.facts,
          domain: input.domain,
          scope: input.scope,
          signal,
        }),
    );
    // A hosted model's free text is never shown: only its claims, which the validator checks.
    raw = answerModel.local ? result.output : composeFromClaims(result.output);
    usage = addUsage(usage, result.usage);
  } catch (e) {
    const err = errorInfo(e);
    usage = addUsage(usage, usageOf(e));
    const output: AnswerOutput = {
      answer: UNAVAILABLE_MESSAGE,
      claims: [],
      abstained: true,
    };
    return {
      ...base,
      answer: output.answer,
      output,
      verdict: {
        status: 'abstained',
        reasons: [
          {
            code: 'answer-model-error',
            message: `The answer model could not answer (${err.code}).`,
            severity: 'warning',
          },
        ],
        groundedness: 0,
      },
      citations: [],
      usage,
      latencyMs: performance.now() - started,
      masked: masking !== undefined,
      error: { stage: 'answer', ...err },
      sealed: seal({ answer: output.answer, output, citations: [] }),
    };
  }

  // What the user would see, and what the model said with every value restored.
  const shown = masking
    ? mapOutput(raw, t => unmask(t, masking!.vault, { reveal }))
    : raw;
  const full = masking
    ? mapOutput(raw, t => unmask(t, masking!.vault, { reveal: () => true }))
    : raw;

  // Validate.
  let verdict: Verdict;
  let error: AskResult['error'];
  try {
    const request = validatorModel.local
      ? { question, facts, answer: full }
      : (() => {
          const m = getMasking();
          const answer =
            masking && !answerModel.local
              ? raw
              : mapOutput(raw, t => maskText(t, m.vault));
          return { question: m.question, facts: m.facts, answer };
        })();
    const result = await withDeadline(
      input.validatorTimeoutMs ?? 30_000,
      `validator ${validatorModel.ref.name}`,
      signal =>
        validatorModel.validate({
          ...request,
          domain: input.domain,
          scope: input.scope,
          clearance,
          signal,
        }),
    );
    usage = addUsage(usage, result?.usage ?? ZERO);
    const parsed = verdictSchema.safeParse(result?.verdict);
    if (!parsed.success)
      throw new Error(
        `the validator returned a malformed verdict: ${
          z.prettifyError(parsed.error).split('\n')[0]
        }`,
      );
    verdict = result.verdict;
  } catch (e) {
    const err = errorInfo(e);
    usage = addUsage(usage, usageOf(e));
    error = { stage: 'validator', ...err };
    verdict = failClosedVerdict(
      new Error(`the validator failed (${err.code})`),
      {
        block: (input.onValidatorError ?? 'blocked') === 'blocked',
      },
    );
  }
  if (raw.abstained && verdict.status !== 'blocked' && !error) {
    verdict = { ...verdict, status: 'abstained' };
  }
  // A hosted model's words (a validator's reasons, quotes of hosted claims) are never shown.
  if (!answerModel.local || !validatorModel.local) {
    verdict = { ...verdict, reasons: fixedReasons(verdict.reasons) };
  }

  const byId = new Map(facts.map(f => [f.id, f]));
  const cited = [...new Set(shown.claims.flatMap(c => c.citations))];
  const citations = cited
    .map(id => byId.get(id))
    .filter((f): f is Fact => f !== undefined)
    .map(f => ({
      id: f.id,
      text: citationText(f, clearance),
      kind: f.kind,
      ...(f.table ? { table: f.table } : {}),
      ...(f.column ? { column: f.column } : {}),
    }));

  const answer = verdict.status === 'blocked' ? WITHHELD_MESSAGE : shown.answer;
  return {
    ...base,
    answer,
    output: shown,
    verdict,
    citations,
    usage,
    latencyMs: performance.now() - started,
    masked: masking !== undefined,
    ...(error ? { error } : {}),
    sealed: seal({
      answer: verdict.status === 'blocked' ? WITHHELD_MESSAGE : full.answer,
      output: full,
      citations,
    }),
  };
}
