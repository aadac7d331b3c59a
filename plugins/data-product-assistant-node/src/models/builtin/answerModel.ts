import type {
  AnswerModel,
  AnswerOutput,
  AnswerRequest,
  Claim,
  Fact,
  ModelSpec,
  Usage,
} from '../types';
import { intentsAround } from '../../context/intent';
import {
  findMentions,
  withoutNames,
  type Mentions,
} from '../../context/mentions';
import { questionParts, refersBack } from '../../context/questionParts';
import { EXAMPLES_MARKER } from '../../context/buildFacts';
import { modelRef } from '../spec';
import { ANSWERERS, fallback, type AnswerContext } from './answerers';
import type { DomainModelArtifact } from '../domain/artifact';
import { expandQuestion } from '../domain/expandQuestion';
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

interface Part {
  text: string;
  ctx: AnswerContext;
}

/**
 * The parts of a question with what each asks and names; a part that names
 * nothing leans on the part before it ("… and what is its type?").
 */
function analyse(question: string, facts: Fact[]): Part[] {
  const parts: Part[] = [];
  let previous: Mentions | undefined;
  for (const text of questionParts(question)) {
    const own = findMentions(text, facts);
    let mentions = own;
    if (previous && !own.tables.length && !own.columns.length) {
      mentions = {
        tables: previous.tables,
        columns: refersBack(text) ? previous.columns : [],
        spans: [],
      };
    } else if (previous && !own.tables.length && refersBack(text)) {
      mentions = { ...own, tables: previous.tables };
    }
    previous = mentions;
    parts.push({
      text,
      ctx: {
        question: text,
        q: text.toLowerCase(),
        facts,
        // what is asked is read without the names: a column called `owner` is not an owner question
        intents: intentsAround(text, withoutNames(text, own)),
        mentions,
      },
    });
  }
  return parts;
}

/** Claims for one part: the first intent whose answerer finds them, else the fallback. */
function answerPart(ctx: AnswerContext): Claim[] {
  for (const intent of ctx.intents) {
    const claims = ANSWERERS[intent](ctx);
    if (claims.length) return claims;
  }
  return fallback(ctx);
}

/** What the model says for a part it cannot answer (uncited: it claims nothing about the product). */
const notCovered = (part: string) =>
  `The metadata does not cover this part of the question: "${part.replace(
    /[?.!\s]+$/,
    '',
  )}".`;

/**
 * Answers the built-in, extractive way: splits the question into its parts,
 * detects what each asks for, finds the facts that say it (fielded BM25 with
 * coverage for "which table / column holds X", names, code lists, keys,
 * references, types, SLAs, owners) and writes claims that lead with the
 * answer, each citing its facts. A part the facts do not answer is said to be
 * uncovered; when none is answered the model abstains. Questions outside the
 * product's scope are refused. Deterministic, local, no network.
 *
 * With a domain model artifact, the question is first put in the product's
 * words (the domain's learned expansions) and the domain's scope words count
 * as in scope.
 */
export function answerExtractively(
  req: AnswerRequest,
  artifact?: DomainModelArtifact,
): AnswerOutput {
  const { facts } = req;
  const question = artifact
    ? expandQuestion(req.question, facts, artifact)
    : req.question;
  const title = productTitle(facts);
  const parts = analyse(question, facts);

  const scope = checkScope(question, facts, {
    scope: req.scope,
    domain: req.domain,
    domainTerms: artifact?.scope,
    hasMentions: parts.some(
      p => p.ctx.mentions.tables.length + p.ctx.mentions.columns.length > 0,
    ),
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

  // Figures of the data itself (totals, counts of events, a period's numbers)
  // are never in the metadata: such a part is not answered from a column description.
  const dataValues = parts.map(p => asksForDataValues(p.text));
  const answered: Claim[][] = [];
  const earlierTables: string[] = [];
  parts.forEach((p, i) => {
    const claims = dataValues[i] ? [] : answerPart({ ...p.ctx, earlierTables });
    answered.push(claims);
    for (const id of claims.flatMap(c => c.citations)) {
      const table = facts.find(f => f.id === id)?.table;
      if (table && !earlierTables.includes(table)) earlierTables.push(table);
    }
  });

  // Only a question that asks for values gets them; elsewhere sensitive examples never appear.
  const asksValues = parts.some(p => p.ctx.intents[0] === 'values');
  const hidden = asksValues ? [] : sensitiveValues(facts);
  const visible = answered.map(claims =>
    dedupe(claims).filter(c => !hidden.some(v => c.text.includes(v))),
  );

  if (!visible.some(c => c.length)) {
    // the owner is named by quoting the owner fact, a claim the validator can hold against it
    const owner = facts.find(f => f.kind === 'owner');
    return {
      answer: [
        `The metadata of "${title}" does not answer this question.`,
        ...(dataValues.some(Boolean)
          ? [
              'It describes the data rather than holding its figures: totals, counts and values for a period come from querying its output tables.',
            ]
          : []),
        CAPABILITIES,
        'For anything else, ask the data product owner.',
        ...(owner ? [owner.text] : []),
      ].join(' '),
      claims: owner ? [{ text: owner.text, citations: [owner.id] }] : [],
      abstained: true,
    };
  }
  // A part without an answer is said to be uncovered in the engine's words, not claimed.
  const seen = new Set<string>();
  const claims: Claim[] = [];
  const text: string[] = [];
  visible.forEach((c, i) => {
    if (!c.length) text.push(notCovered(parts[i].text));
    for (const claim of c) {
      if (seen.has(claim.text)) continue;
      seen.add(claim.text);
      claims.push(claim);
      text.push(claim.text);
    }
  });
  return { answer: text.join(' '), claims, abstained: false };
}

/** The embedded default answer model (`provider: builtin`), optionally serving a domain's trained artifact. */
export function createBuiltinAnswerModel(
  spec: ModelSpec = BUILTIN_ANSWER_SPEC,
  name = 'builtin-answer',
  artifact?: DomainModelArtifact,
): AnswerModel {
  return {
    ref: modelRef(name, spec),
    local: true,
    async answer(req) {
      return { output: answerExtractively(req, artifact), usage: NO_USAGE };
    },
    ...(artifact
      ? {
          retrievalQuestion: (question: string, facts: Fact[]) =>
            expandQuestion(question, facts, artifact),
        }
      : {}),
  };
}
