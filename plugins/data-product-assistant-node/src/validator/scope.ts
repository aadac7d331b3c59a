import type { AnswerOutput, Fact, VerdictReason } from '../models/types';
import { contentTokens, Evidence, tokenize, type Token } from './text';

export interface ScopeOptions {
  /** Minimum share of the answer's content words found in the product's vocabulary (default 0.5). */
  minAnswerOverlap?: number;
}

// Topics a data product assistant never answers, whatever the product.
const OFF_DOMAIN =
  /\b(?:recipe|horoscope|lottery|medical advice|diagnos(?:e|is)|prescription|dosage|legal advice|lawsuit|stock tip|investment advice|buy (?:bitcoin|shares|stocks)|weather forecast|dating advice|write (?:me )?(?:a )?(?:poem|song|story|essay)|once upon a time)\b/i;

// The vocabulary of the facts an answer was given, per facts array and scope; each fact's
// line is tokenised once per process (Evidence.ofLines), as the packed facts differ per ask.
const vocabularies = new WeakMap<readonly Fact[], Map<string, Evidence>>();

function vocabulary(
  facts: readonly Fact[],
  scope: readonly string[],
  domain: string | undefined,
): Evidence {
  const key = `${scope.join('\n')}\0${domain ?? ''}`;
  let byScope = vocabularies.get(facts);
  if (!byScope) vocabularies.set(facts, (byScope = new Map()));
  let ev = byScope.get(key);
  if (!ev) {
    ev = Evidence.ofLines([
      ...facts.map(f => [f.text, f.table, f.column].filter(Boolean).join(' ')),
      ...scope,
      domain ?? '',
    ]);
    byScope.set(key, ev);
  }
  return ev;
}

/**
 * The tokens of a claim (or of the answer itself): where the answer holds the claim and no
 * token of the answer crosses its ends, the answer's tokens inside it (a token reads nothing
 * outside it, and its normal form only its own characters), else its own.
 */
function claimTokens(
  answer: string,
  claim: string,
  answerTokens: () => Token[],
): Token[] {
  const start = answer.indexOf(claim);
  if (start < 0) return tokenize(claim);
  const end = start + claim.length;
  const tokens = answerTokens();
  if (
    tokens.some(
      t => (t.start < start && start < t.end) || (t.start < end && end < t.end),
    )
  )
    return tokenize(claim);
  return tokens.filter(t => t.start >= start && t.end <= end);
}

/**
 * Scope: the answer must stay within the product's domain. Flags an answer whose content
 * is mostly foreign to the product's facts and declared scope, one that answers an
 * off-domain request, and one that answers a question foreign to the product without refusing.
 */
export function checkScope(
  answer: AnswerOutput,
  question: string,
  facts: readonly Fact[],
  scope: readonly string[] = [],
  domain?: string,
  options: ScopeOptions = {},
): VerdictReason[] {
  if (answer.refused || answer.abstained) return [];
  const reasons: VerdictReason[] = [];
  const vocab = vocabulary(facts, scope, domain);
  const questionEv = new Evidence(question);
  let answerTokenList: Token[] | undefined;
  const answerTokens = () => (answerTokenList ??= tokenize(answer.answer));
  const text = [answer.answer, ...answer.claims.map(c => c.text)].join('\n');
  // (the words of texts joined by line breaks are each text's: no token spans a line break)
  const words = contentTokens(
    [answer.answer, ...answer.claims.map(c => c.text)].flatMap(t =>
      claimTokens(answer.answer, t, answerTokens),
    ),
  ).filter(t => t.kind === 'word');
  if (words.length >= 5) {
    const inVocab = words.filter(
      t => vocab.hasWord(t.norm) || questionEv.hasWord(t.norm),
    ).length;
    const share = inVocab / words.length;
    if (share < (options.minAnswerOverlap ?? 0.5)) {
      reasons.push({
        code: 'scope',
        message: `Only ${Math.round(
          share * 100,
        )}% of the answer's content relates to this data product.`,
        severity: 'warning',
      });
    }
  }
  const off = OFF_DOMAIN.exec(text);
  if (off && !vocab.lower.includes(off[0].toLowerCase())) {
    reasons.push({
      code: 'scope',
      message: `The answer strays off-domain ("${off[0]}").`,
      severity: 'warning',
    });
  }
  if (scope.length || domain) {
    const q = contentTokens(questionEv.tokens).filter(t => t.kind === 'word');
    if (q.length >= 3 && q.every(t => !vocab.hasWord(t.norm))) {
      reasons.push({
        code: 'scope',
        message:
          'The question is outside this product\u2019s scope and the answer did not refuse it.',
        severity: 'warning',
      });
    }
  }
  return reasons;
}
