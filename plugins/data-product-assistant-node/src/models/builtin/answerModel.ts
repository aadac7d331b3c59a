import type {
  AnswerModel,
  AnswerOutput,
  AnswerRequest,
  Claim,
  Fact,
  ModelSpec,
  Usage,
} from '../types';
import { detectIntents } from '../../context/intent';
import { findMentions } from '../../context/mentions';
import { EXAMPLES_MARKER } from '../../context/buildFacts';
import { modelRef } from '../spec';
import { ANSWERERS, fallback, type AnswerContext } from './answerers';
import { asksForDataValues, checkScope } from './scope';

export const BUILTIN_ANSWER_SPEC: ModelSpec = {
  provider: 'builtin',
  model: 'answer-extractive',
};

const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

const CAPABILITIES =
  'I can answer questions about its tables and columns (meaning, types, keys and grain), ' +
  'classification and personal data, quality rules, freshness and other SLAs, ' +
  'access roles and approvers, owners and contacts, and upstream and downstream products.';

function productTitle(facts: Fact[]): string {
  const product = facts.find(f => f.kind === 'product');
  return (
    /^Data product "([^"]+)"/.exec(product?.text ?? '')?.[1] ??
    'this data product'
  );
}

/** Example values of columns above `internal` or holding PII, which the model never repeats. */
function sensitiveValues(facts: Fact[]): string[] {
  const values: string[] = [];
  for (const f of facts) {
    if (f.kind !== 'column') continue;
    const sensitive =
      f.pii ||
      f.classification === 'confidential' ||
      f.classification === 'restricted';
    if (!sensitive) continue;
    const at = f.text.indexOf(` ${EXAMPLES_MARKER} `);
    if (at < 0) continue;
    const list = f.text
      .slice(at + EXAMPLES_MARKER.length + 2)
      .replace(/\.$/, '');
    values.push(
      ...list
        .split(', ')
        .map(v => v.trim())
        .filter(v => v.length >= 3),
    );
  }
  return values;
}

function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter(c => {
    if (seen.has(c.text)) return false;
    seen.add(c.text);
    return true;
  });
}

/** Where questions are in scope, for a refusal: the domain and its scope topics, as far as they are known. */
function scopeDescription(req: AnswerRequest): string {
  if (req.scope?.length)
    return ` in the ${req.domain ?? 'product'} domain (${req.scope.join(
      ', ',
    )})`;
  if (req.domain) return ` in the ${req.domain} domain`;
  return '';
}

/**
 * Answers the built-in, extractive way: detects what the question asks for,
 * picks the facts that say it and returns their sentences as claims, each
 * citing its facts. Deterministic, local, no network; abstains when the facts
 * do not hold the answer and refuses questions outside the product's scope.
 */
export function answerExtractively(req: AnswerRequest): AnswerOutput {
  const { question, facts } = req;
  const title = productTitle(facts);
  const intents = detectIntents(question);
  const mentions = findMentions(question, facts);

  const scope = checkScope(question, facts, {
    scope: req.scope,
    hasIntent: intents.length > 0,
    hasMentions: mentions.tables.length + mentions.columns.length > 0,
  });
  if (scope.refuse) {
    const about = scopeDescription(req);
    return {
      answer: `I only answer questions about the data product "${title}"${about}, and this question is outside that scope. ${CAPABILITIES}`,
      claims: [],
      abstained: true,
      refused: true,
    };
  }

  const ctx: AnswerContext = {
    question,
    q: question.toLowerCase(),
    facts,
    intents,
    mentions,
  };
  let claims: Claim[] = [];
  // Figures of the data itself (totals, counts of events, a period's numbers)
  // are never in the metadata: abstain rather than quote a column description.
  if (!asksForDataValues(question)) {
    for (const intent of intents) {
      claims = ANSWERERS[intent](ctx);
      if (claims.length) break;
    }
    if (!claims.length) claims = fallback(ctx);
  }

  // Only a question that asks for values gets them; elsewhere sensitive examples never appear.
  const hidden = intents[0] === 'values' ? [] : sensitiveValues(facts);
  claims = dedupe(claims).filter(c => !hidden.some(v => c.text.includes(v)));

  if (!claims.length) {
    const owner = facts.find(f => f.kind === 'owner');
    const ownerName = owner
      ? /is owned by (.+)\.$/.exec(owner.text)?.[1]
      : undefined;
    const ownerClaim: Claim[] =
      owner && ownerName
        ? [
            {
              text: `For anything else, ask the owner of "${title}", ${ownerName}.`,
              citations: [owner.id],
            },
          ]
        : [];
    return {
      answer: [
        `The metadata of "${title}" does not answer this question.`,
        ...(asksForDataValues(question)
          ? [
              'It describes the data rather than holding its figures: totals, counts and values for a period come from querying its output tables.',
            ]
          : []),
        CAPABILITIES,
        ...ownerClaim.map(c => c.text),
        ...(ownerClaim.length
          ? []
          : ['For anything else, ask the data product owner.']),
      ].join(' '),
      claims: ownerClaim,
      abstained: true,
    };
  }
  return {
    answer: claims.map(c => c.text).join(' '),
    claims,
    abstained: false,
  };
}

/** The embedded default answer model (`provider: builtin`). */
export function createBuiltinAnswerModel(
  spec: ModelSpec = BUILTIN_ANSWER_SPEC,
  name = 'builtin-answer',
): AnswerModel {
  return {
    ref: modelRef(name, spec),
    local: true,
    async answer(req) {
      return { output: answerExtractively(req), usage: NO_USAGE };
    },
  };
}
