import type { AnswerOutput, Claim, Fact, VerdictReason } from '../models/types';
import {
  displacedWords,
  missingSpans,
  unrelatedNames,
  unsupportedLogicWords,
} from './relations';
import { lemma, lexicon } from '../text';
import { contractGraph } from './contractGraph';
import { checkAgainstGraph } from './graphCheck';
import {
  contentTokens,
  Evidence,
  isFiller,
  sameWord,
  Token,
  tokenize,
} from './text';

export interface GroundednessOptions {
  /** Share of a claim's content words that must appear in its cited facts (default 0.85, tuned on HaluEval dev). */
  minCoverage?: number;
  /**
   * The question asked. Content words of a claim that the question already has are given context:
   * they may be missing from the cited facts up to `minCoverage`. Every other content word is new
   * information and must be in the cited facts.
   */
  question?: string;
}

export interface ClaimGrounding {
  claim: number;
  supported: boolean;
  /** Why not, when not supported. */
  problems: string[];
}

const ABSTENTION =
  /\b(?:not (?:in|covered|available|stated|mentioned|specified|documented|provided|described|part of)|(?:don't|do not|cannot|can't|could not|couldn't) (?:know|answer|find|say|tell|determine)|no information|(?:isn't|is not|aren't|are not) (?:documented|stated|mentioned|described)|outside (?:the|my|this) (?:scope|domain)|only answer questions|unable to answer|not able to answer|does not (?:say|contain|include|mention|cover)|doesn't (?:say|contain|include|mention|cover))\b/i;

/** Whether a claim is an abstention or refusal message, which needs no citation. */
export function isAbstention(text: string): boolean {
  return ABSTENTION.test(text);
}

// -- code ↔ meaning lists ("1 = placed, 2 = paid") -------------------------------------

const MAPPING =
  /(?<![\w.])([0-9]{1,3}|[A-Z][A-Z0-9]{0,3})\s*(?:=|:|→|->|=>|\s-\s|\s–\s|\bmeans\b|\bstands for\b|\bis for\b)\s*["'“]?([A-Za-z][A-Za-z \-]{0,40}?)["'”]?(?=\s*(?:[,;)\]\n]|\.(?:\s|$)|$|\s+(?:and|or)\s+\(?["']?[0-9A-Z]{1,4}\b|\s+\(?[0-9]{1,3}\s*(?:=|:)))/g;

interface CodeMapping {
  /** code → lemmas of its meaning */
  byCode: Map<string, string[]>;
}

export function extractCodeMappings(text: string): CodeMapping {
  const byCode = new Map<string, string[]>();
  for (const m of text.matchAll(MAPPING)) {
    const lemmas = contentTokens(tokenize(m[2])).map(t => t.norm);
    if (lemmas.length) byCode.set(m[1], lemmas);
  }
  return { byCode: byCode.size >= 2 ? byCode : new Map() };
}

function checkCodePairs(
  claimTokens: Token[],
  mapping: CodeMapping,
): string | undefined {
  if (!mapping.byCode.size) return undefined;
  const meaningOwner = new Map<string, string[]>();
  for (const [code, lemmas] of mapping.byCode) {
    for (const s of lemmas)
      meaningOwner.set(s, [...(meaningOwner.get(s) ?? []), code]);
  }
  const codes = claimTokens.filter(t => mapping.byCode.has(t.raw));
  const meanings = claimTokens.filter(
    t =>
      t.kind === 'word' &&
      [...meaningOwner.keys()].some(s => sameWord(s, t.norm)),
  );
  if (!codes.length || !meanings.length) return undefined;
  const ownersOf = (t: Token) =>
    [...meaningOwner.entries()]
      .filter(([s]) => sameWord(s, t.norm))
      .flatMap(([, c]) => c);
  const nearest = (t: Token, pool: Token[]) =>
    pool.reduce<Token | undefined>(
      (best, p) =>
        !best || Math.abs(p.pos - t.pos) < Math.abs(best.pos - t.pos)
          ? p
          : best,
      undefined,
    );
  for (const c of codes) {
    const m = nearest(c, meanings);
    if (m && Math.abs(m.pos - c.pos) <= 8 && !ownersOf(m).includes(c.raw)) {
      return `pairs code ${c.raw} with "${m.raw}", but the cited fact gives ${
        c.raw
      } = ${mapping.byCode.get(c.raw)!.join(' ')}`;
    }
  }
  for (const m of meanings) {
    const c = nearest(m, codes);
    if (c && Math.abs(m.pos - c.pos) <= 8 && !ownersOf(m).includes(c.raw)) {
      return `pairs "${m.raw}" with code ${c.raw}, but the cited fact gives "${
        m.raw
      }" = ${ownersOf(m).join('/')}`;
    }
  }
  return undefined;
}

// -- formulas ("gross minus discounts minus tax") --------------------------------------

const OPS = new Map([
  ['minus', '-'],
  ['less', '-'],
  ['subtract', '-'],
  ['plus', '+'],
  ['times', '*'],
  ['multiplied', '*'],
  ['divided', '/'],
  ['over', '/'],
]);
const GENERIC_PARTS = new Set([
  'amount',
  'value',
  'id',
  'key',
  'code',
  'number',
  'num',
  'count',
  'qty',
  'total',
]);

interface Formula {
  operands: string[][];
  ops: string[];
}

function operandKeys(t: Token): string[] {
  if (t.kind === 'identifier') {
    const parts = t.lower.split(/[._]/).filter(Boolean);
    const specific = parts.filter(p => !GENERIC_PARTS.has(p));
    return (specific.length ? specific : parts).map(lemma);
  }
  return [t.norm];
}

export function extractFormulas(text: string): Formula[] {
  const normalised = text
    .replace(/\s[-−–]\s/g, ' minus ')
    .replace(/\s\+\s/g, ' plus ')
    .replace(/\s[*×]\s/g, ' times ')
    .replace(/\s\/\s/g, ' divided ');
  const toks = tokenize(normalised);
  const isOp = (i: number) =>
    OPS.has(toks[i]?.lower) &&
    !(toks[i].lower === 'less' && toks[i + 1]?.lower === 'than');
  const isOperand = (t: Token | undefined) =>
    !!t && (t.kind !== 'word' || !isFiller(t.lower)) && !OPS.has(t.lower);
  const out: Formula[] = [];
  let cur: Formula | undefined;
  let lastRight = -1;
  for (let i = 0; i < toks.length; i++) {
    if (!isOp(i)) continue;
    let l = i - 1;
    while (l >= 0 && !isOperand(toks[l]) && i - l <= 3) l--;
    let r = i + 1;
    while (r < toks.length && !isOperand(toks[r]) && r - i <= 3) r++;
    if (!isOperand(toks[l]) || !isOperand(toks[r])) continue;
    const op = OPS.get(toks[i].lower)!;
    if (cur && l === lastRight) {
      cur.operands.push(operandKeys(toks[r]));
      cur.ops.push(op);
    } else {
      if (cur) out.push(cur);
      cur = {
        operands: [operandKeys(toks[l]), operandKeys(toks[r])],
        ops: [op],
      };
    }
    lastRight = r;
    // "minus discounts and tax": the conjunct shares the operator.
    if (
      toks[r + 1]?.lower === 'and' &&
      isOperand(toks[r + 2]) &&
      !isOp(r + 3)
    ) {
      cur.operands.push(operandKeys(toks[r + 2]));
      cur.ops.push(op);
      lastRight = r + 2;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function sameOperand(a: string[], b: string[]): boolean {
  return a.some(x => b.some(y => sameWord(x, y)));
}

function checkFormulas(claim: string, evidence: string): string | undefined {
  const claimed = extractFormulas(claim);
  if (!claimed.length) return undefined;
  const known = extractFormulas(evidence);
  for (const c of claimed) {
    let bestProblem: string | undefined;
    let bestOverlap = 0;
    let exact = false;
    for (const k of known) {
      const matched = c.operands.map(o =>
        k.operands.findIndex(x => sameOperand(o, x)),
      );
      const overlap = matched.filter(i => i >= 0).length;
      if (overlap < 2) continue;
      let problem: string | undefined;
      if (c.operands.length < k.operands.length)
        problem = 'states a formula that leaves out a term of the cited one';
      else if (overlap < c.operands.length)
        problem = 'states a formula with a term the cited one does not have';
      else {
        for (let i = 1; i < c.operands.length; i++) {
          const j = matched[i];
          if (j > 0 && c.ops[i - 1] !== k.ops[j - 1])
            problem =
              'states a formula with a different operator than the cited one';
        }
      }
      if (!problem) exact = true;
      else if (overlap > bestOverlap) {
        bestOverlap = overlap;
        bestProblem = problem;
      }
    }
    if (!exact && bestProblem) return bestProblem;
  }
  return undefined;
}

// -- the check ----------------------------------------------------------------------------

function factEvidenceText(f: Fact): string {
  return [
    f.text,
    f.table,
    f.column,
    f.table && f.column ? `${f.table}.${f.column}` : '',
  ]
    .filter(Boolean)
    .join(' \n ');
}

function columnMentions(
  claimText: string,
  claimTokens: Token[],
  columns: Set<string>,
): Set<string> {
  const lower = claimText.toLowerCase();
  const out = new Set<string>();
  for (const t of claimTokens) {
    // a column named as a plain word that is no English word (`personid`, not `status`)
    if (
      t.kind === 'word' &&
      t.lower.length > 3 &&
      columns.has(t.lower) &&
      !lexicon().isWord(t.lower)
    )
      out.add(t.lower);
    if (t.kind !== 'identifier') continue;
    const last = t.lower.split('.').pop()!;
    if (columns.has(last)) out.add(last);
  }
  for (const c of columns) {
    if (!c.includes('_')) continue;
    const phrase = c.split('_').join('[\\s_-]+');
    if (new RegExp(`\\b${phrase}\\b`).test(lower)) out.add(c);
  }
  return out;
}

function wordSupported(t: Token, ev: Evidence): boolean {
  if (ev.hasWord(t.norm)) return true;
  // "subtracting" is supported by "minus": both name the same operator
  const op = OPS.get(t.lower) ?? OPS.get(t.norm);
  if (!op) return false;
  for (const w of ev.words) if (OPS.get(w) === op) return true;
  return false;
}

const wordRes = new Map<string, RegExp>();
const wordRe = (w: string) => {
  let re = wordRes.get(w);
  if (!re) {
    if (wordRes.size > 10_000) wordRes.clear();
    re = new RegExp(
      `(?<![\\p{L}\\p{N}])${w.replace(
        /[^\p{L}\p{N}]/gu,
        '.',
      )}(?![\\p{L}\\p{N}])`,
      'u',
    );
    wordRes.set(w, re);
  }
  return re;
};

/** A capitalised word the evidence only ever writes capitalised: a name ("Chelone"), not "Photographer". */
function knownName(word: string, evidence: string): boolean {
  return (
    wordRe(word).test(evidence) && !wordRe(word.toLowerCase()).test(evidence)
  );
}

/** The evidence word that `word` is opposed to ("before" for "after", "net" for "gross"), if any. */
function opposedIn(word: string, ev: Evidence): string | undefined {
  // one- and two-letter words ("A", "in") are codes and function words, not opposites
  if (word.length < 3) return undefined;
  const w = lemma(word);
  if (ev.hasWord(w)) return undefined;
  // "24 hours" may well be a day: counted units oppose nothing
  return lexicon()
    .opposites(w)
    .find(o => ev.words.has(o) && !ev.counted.has(o));
}

/** Whether the evidence states the opposite of `word` ("before" for "after", "minus" for "including"). */
function contrastedIn(word: string, ev: Evidence): boolean {
  return opposedIn(word, ev) !== undefined;
}

/**
 * Whether a "No, …" answer has grounds: the cited facts state the opposite of a word of the question
 * (asked "after", the facts say "before"), or the claim replaces a content word of the question
 * ("Is status 5 cancelled?" — "No, status 5 means shipped").
 */
function contradictsQuestion(
  question: string,
  claimTokens: Token[],
  ev: Evidence,
): boolean {
  const q = tokenize(question);
  if (q.some(t => contrastedIn(t.raw, ev))) return true;
  const claimWords = claimTokens.map(t => t.norm);
  return contentTokens(q).some(
    t =>
      t.kind === 'word' &&
      !['yes', 'no'].includes(t.lower) &&
      !claimWords.some(c => sameWord(c, t.norm)),
  );
}

/** Checks one claim against the facts it cites. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A claim made only of sentences copied from its cited facts says what they
 * say: it is grounded whatever the finer checks would read into its wording.
 */
function quotesCitedFacts(text: string, cited: readonly Fact[]): boolean {
  const sources = cited.map(f => squash(f.text));
  const sentences = squash(text)
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .filter(Boolean);
  return (
    sentences.length > 0 &&
    sentences.every(sentence => sources.some(s => s.includes(sentence)))
  );
}

export function checkClaim(
  claim: Claim,
  index: number,
  facts: readonly Fact[],
  answer: Pick<AnswerOutput, 'abstained' | 'refused'>,
  options: GroundednessOptions = {},
): ClaimGrounding {
  const problems: string[] = [];
  const byId = new Map(facts.map(f => [f.id, f]));
  const result = (): ClaimGrounding => ({
    claim: index,
    supported: problems.length === 0,
    problems,
  });

  if (!claim.citations.length) {
    if (
      isAbstention(claim.text) ||
      ((answer.abstained || answer.refused) && !/\d/.test(claim.text))
    ) {
      return result();
    }
    problems.push('cites no facts');
    return result();
  }
  const unknown = claim.citations.filter(id => !byId.has(id));
  if (unknown.length)
    problems.push(`cites unknown fact ids: ${unknown.join(', ')}`);
  let cited = claim.citations
    .map(id => byId.get(id))
    .filter((f): f is Fact => !!f);
  if (!cited.length) return result();
  if (isAbstention(claim.text) && !/\d/.test(claim.text)) return result();
  if (!unknown.length && quotesCitedFacts(claim.text, cited)) return result();

  const claimTokens = tokenize(claim.text);
  const content = contentTokens(claimTokens);

  // The contract graph: a relation the claim states is confirmed (its wording needs no
  // support from the cited text) or contradicted (a value from elsewhere in the contract).
  const graph = checkAgainstGraph(
    claim.text,
    claimTokens,
    cited,
    contractGraph(facts),
  );
  for (const c of graph.contradictions)
    problems.push(`contradicts the contract: ${c}`);

  // Column binding: a claim about column X must cite a fact about X, and is judged on it.
  const knownColumns = new Set(
    facts.map(f => f.column?.toLowerCase()).filter((c): c is string => !!c),
  );
  const mentioned = columnMentions(claim.text, claimTokens, knownColumns);
  const citedColumns = new Set(
    cited.map(f => f.column?.toLowerCase()).filter((c): c is string => !!c),
  );
  if (mentioned.size && citedColumns.size) {
    const about = [...mentioned].filter(c => citedColumns.has(c));
    if (!about.length) {
      problems.push(
        `is about ${[...mentioned].join(', ')} but cites facts about ${[
          ...citedColumns,
        ].join(', ')}`,
      );
    } else {
      cited = cited.filter(
        f => !f.column || mentioned.has(f.column.toLowerCase()),
      );
    }
  }
  // Table binding: naming a different table of the product than the cited facts'.
  const knownTables = new Set(
    facts.map(f => f.table?.toLowerCase()).filter((t): t is string => !!t),
  );
  const citedTables = new Set(
    cited.map(f => f.table?.toLowerCase()).filter((t): t is string => !!t),
  );

  const evidenceText = cited.map(factEvidenceText).join('\n');
  const ev = new Evidence(evidenceText);

  if (citedTables.size) {
    for (const t of claimTokens) {
      const name = t.lower.includes('.') ? t.lower.split('.')[0] : t.lower;
      if (
        knownTables.has(name) &&
        !citedTables.has(name) &&
        !ev.identifiers.has(name) &&
        !ev.words.has(lemma(name))
      ) {
        problems.push(
          `names table ${name}, which its cited facts are not about`,
        );
        break;
      }
    }
  }

  const questionStems = new Set(
    tokenize(options.question ?? '').map(t => t.norm),
  );
  const missingIds: string[] = [];
  const missingNew: string[] = [];
  const missingNumbers: string[] = [];
  const missingNames: string[] = [];
  let words = 0;
  let missingWords = 0;
  for (const t of content) {
    if (graph.supported.has(t.pos)) continue;
    if (t.kind === 'identifier') {
      if (!ev.hasIdentifier(t.lower) && !ev.hasPhrase(t.lower))
        missingIds.push(t.raw);
    } else if (t.kind === 'number') {
      if (!ev.numbers.has(t.norm) && !wordSupported(t, ev))
        missingNumbers.push(t.raw);
    } else {
      const isCode = /^[A-Z]{2,}[0-9]*$/.test(t.raw) && t.raw.length <= 6;
      if (t.proper || isCode) {
        if (!wordSupported(t, ev) && !ev.lower.includes(t.lower))
          missingNames.push(t.raw);
        continue;
      }
      words++;
      if (!wordSupported(t, ev)) {
        missingWords++;
        if (!questionStems.has(t.norm)) missingNew.push(t.raw);
      }
    }
  }
  if (missingIds.length)
    problems.push(`names ${missingIds.join(', ')}, not in its cited facts`);
  if (missingNumbers.length)
    problems.push(
      `states ${missingNumbers.join(', ')}, not in its cited facts`,
    );
  if (missingNames.length)
    problems.push(`names ${missingNames.join(', ')}, not in its cited facts`);
  const minCoverage = options.minCoverage ?? 0.85;
  if (words && missingWords / words > 1 - minCoverage + 1e-9) {
    problems.push(
      `only ${
        words - missingWords
      } of ${words} content words are in its cited facts`,
    );
  } else if (missingNew.length) {
    problems.push(
      `says ${missingNew
        .map(w => `"${w}"`)
        .join(', ')}, in neither its cited facts nor the question`,
    );
  }

  // Names as spans, names related to each other, and logic words.
  const isKnownName = (w: string) => knownName(w, evidenceText);
  // Spans whose words are all in the facts, but not together ("Lake Erie State Park"); missing words are reported above.
  const spans = missingSpans(claim.text, evidenceText, isKnownName).filter(s =>
    tokenize(s).every(t => ev.lower.includes(t.lower)),
  );
  if (spans.length)
    problems.push(
      `names ${spans
        .map(s => `"${s}"`)
        .join(', ')}, which its cited facts do not name`,
    );
  {
    const pairs = unrelatedNames(
      claim.text,
      cited.map(factEvidenceText),
      isKnownName,
    );
    if (pairs.length) {
      problems.push(
        `relates ${pairs
          .map(([a, b]) => `"${a}" and "${b}"`)
          .join(', ')}, which its cited facts never mention together`,
      );
    }
  }
  {
    // Words the facts say, but not about the one thing the claim names.
    const evidenceOf = new Map<string, Evidence>();
    const sentenceEvidence = (text: string) => {
      let e = evidenceOf.get(text);
      if (!e) evidenceOf.set(text, (e = new Evidence(text)));
      return e;
    };
    const checked = content
      .filter(
        t =>
          !graph.supported.has(t.pos) &&
          !t.proper &&
          (t.kind === 'number' || t.kind === 'word'),
      )
      .map(t => ({
        raw: t.raw,
        supportedBy: (text: string) => {
          const e = sentenceEvidence(text);
          return t.kind === 'number'
            ? e.numbers.has(t.norm)
            : wordSupported(t, e);
        },
      }));
    // Free text only: a contract fact is about one table or column throughout (its example
    // values are its own), and the contract graph checks what structured facts relate.
    const prose = cited.filter(f => f.kind === 'doc' || f.kind === 'note');
    const displaced =
      prose.length === cited.length
        ? displacedWords(
            claim.text,
            prose.map(factEvidenceText),
            checked,
            isKnownName,
          )
        : [];
    if (displaced.length)
      problems.push(
        `says ${displaced
          .map(w => `"${w}"`)
          .join(', ')}, which its cited facts say of something else`,
      );
  }
  {
    const logic = unsupportedLogicWords(claim.text, evidenceText).filter(l => {
      // A leading "No" answers the question: it needs the cited facts to contradict the question.
      if (l.kind === 'polar')
        return (
          options.question !== undefined &&
          !contradictsQuestion(options.question, claimTokens, ev)
        );
      // "does not include tax" where the facts say "minus tax" / "excluding tax".
      if (l.kind === 'negation')
        return !l.following.some(w => contrastedIn(w, ev));
      // "both", "more … than": each thing compared may come from its own cited fact.
      return cited.length < 2;
    });
    if (logic.length)
      problems.push(
        `says ${logic
          .map(l => `"${l.word}"`)
          .join(', ')}, which its cited facts do not state`,
      );
  }

  // Contradictions: claiming "after" where the evidence says "before", etc.
  for (const t of claimTokens) {
    if (t.kind !== 'word') continue;
    const other = opposedIn(t.raw, ev);
    if (other) {
      const word = ev.tokens.find(e => e.norm === other)?.raw ?? other;
      problems.push(`says "${t.raw}" where its cited facts say "${word}"`);
      break;
    }
  }

  const pairing = checkCodePairs(
    claimTokens,
    extractCodeMappings(evidenceText),
  );
  if (pairing) problems.push(pairing);
  const formula = checkFormulas(claim.text, evidenceText);
  if (formula) problems.push(formula);
  return result();
}

/** Groundedness of every claim; reasons are `ungrounded` warnings, one per unsupported claim. */
export function checkGroundedness(
  answer: AnswerOutput,
  facts: readonly Fact[],
  options: GroundednessOptions = {},
): {
  claims: ClaimGrounding[];
  reasons: VerdictReason[];
  groundedness: number;
} {
  const claims = answer.claims.map((c, i) =>
    checkClaim(c, i, facts, answer, options),
  );
  const reasons: VerdictReason[] = [];
  for (const c of claims) {
    if (c.supported) continue;
    reasons.push({
      code: 'ungrounded',
      message: `Claim ${c.claim + 1} ${c.problems.join('; ')}.`,
      claim: c.claim,
      severity: 'warning',
    });
  }
  if (
    !answer.claims.length &&
    !answer.abstained &&
    !answer.refused &&
    answer.answer.trim()
  ) {
    if (!isAbstention(answer.answer)) {
      reasons.push({
        code: 'ungrounded',
        message: 'The answer makes no cited claims.',
        severity: 'warning',
      });
    }
  }
  return { claims, reasons, groundedness: groundednessScore(claims, answer) };
}

/** The share of supported claims; an answer without claims is grounded only if it abstains or refuses. */
function groundednessScore(
  claims: readonly ClaimGrounding[],
  answer: AnswerOutput,
): number {
  if (claims.length)
    return claims.filter(c => c.supported).length / claims.length;
  return answer.abstained || answer.refused ? 1 : 0;
}
