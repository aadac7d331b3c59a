import { createHash } from 'node:crypto';
import type {
  DataProductProfile,
  KnowledgeNote,
} from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '../types';
import { canonicalJson } from '../spec';
import { contentTerms } from '../../text';
import { validateWithRules } from '../../validator/builtinValidator';
import { answerExtractively } from '../builtin/answerModel';
import { rewrite } from './expandQuestion';
import {
  DOMAIN_ARTIFACT_VERSION,
  type DomainExpansion,
  type DomainModelArtifact,
} from './artifact';
import {
  factTerms,
  isForeign,
  productVocabulary,
  questionWords,
} from './productVocabulary';

/** One data product of the domain: its profile and the facts the assistant answers from (notes included). */
export interface TrainingProduct {
  profile: DataProductProfile;
  facts: Fact[];
  /** The owners' knowledge notes the facts include. */
  notes?: KnowledgeNote[];
}

/** An answer an owner approved or corrected: the question, the verified text and the facts it cites. */
export interface VerifiedAnswer {
  entityRef: string;
  question: string;
  answer: string;
  citations: string[];
}

export interface DomainTrainingInput {
  domain: string;
  products: TrainingProduct[];
  verified: VerifiedAnswer[];
}

/**
 * A question word is learned when at least this many verified questions use
 * it; a target is a candidate when the cited facts of at least this share of
 * them hold it.
 */
const MIN_SUPPORT = 2;
const MIN_CONFIDENCE = 0.6;
/** Candidates tried per word, best ranked first. */
const MAX_CANDIDATES = 5;
/** Coverage thresholds the validator calibration tries, strictest first. */
const COVERAGE_GRID = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7];
const DEFAULT_MIN_COVERAGE = 0.85;

/** sha256 over the canonical training material: products' facts, notes and verified answers, in a fixed order. */
export function trainingMaterialHash(input: DomainTrainingInput): string {
  const products = [...input.products]
    .map(p => ({
      entityRef: p.profile.entityRef.toLowerCase(),
      facts: p.facts
        .map(f => ({ id: f.id, text: f.text }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const verified = input.verified
    .map(v => canonicalJson({ ...v, entityRef: v.entityRef.toLowerCase() }))
    .sort();
  return createHash('sha256')
    .update(canonicalJson({ domain: input.domain, products, verified }))
    .digest('hex');
}

/** Business names of a product's tables and columns (`orders.cust_id` → "Customer id"), by `table` and `table.column`. */
function businessNames(product: TrainingProduct): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of product.profile.contracts.flatMap(c => c.tables)) {
    if (t.businessName) out.set(t.name, t.businessName);
    for (const c of t.columns)
      if (c.businessName) out.set(`${t.name}.${c.name}`, c.businessName);
  }
  return out;
}

/**
 * The product words a verified answer's cited facts go by: the names and
 * business names of their tables and columns (`cust_id`, "Customer id" →
 * cust, id, customer), and each table's name as a phrase ("basket" may stand
 * for "order lines", not for "order").
 */
function targetsOf(cited: Fact[], names: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const f of cited) {
    const business = [
      f.table ? names.get(f.table) : undefined,
      f.table && f.column ? names.get(`${f.table}.${f.column}`) : undefined,
    ];
    for (const n of [f.table, f.column, ...business])
      if (n)
        for (const t of contentTerms(n.replace(/_/g, ' ')))
          if (t.length >= 3 && !/\d/.test(t)) out.add(t);
    if (f.table) out.add(f.table.replace(/_/g, ' ').toLowerCase());
  }
  return out;
}

interface Pair {
  question: string;
  cited: Fact[];
  facts: Fact[];
  names: Map<string, string>;
}

/** Whether the built-in model, with these expansions, answers a verified question citing what the owner cited. */
function answersLikeOwner(
  p: Pair,
  expansions: Record<string, DomainExpansion>,
): boolean {
  const out = answerExtractively({
    question: rewrite(p.question, p.facts, expansions),
    facts: p.facts,
  });
  if (out.abstained) return false;
  const cited = new Set(out.claims.flatMap(c => c.citations));
  return p.cited.every(f => cited.has(f.id));
}

/**
 * Learns which question words stand for which product words in this domain,
 * from verified question → cited-fact pairs. Only words the product's own
 * vocabulary lacks (the ones the built-in model cannot place) are learned.
 * Candidates for a word are the names of the facts cited with it, ranked by
 * how much more often they come with it than across all verified answers;
 * the candidate kept is the one under which the built-in model answers the
 * most of that word's verified questions as the owners did.
 */
function learnExpansions(pairs: Pair[]): Record<string, DomainExpansion> {
  const withWord = new Map<string, Pair[]>();
  const together = new Map<string, Map<string, number>>();
  const overall = new Map<string, number>();
  for (const p of pairs) {
    const vocab = productVocabulary(p.facts);
    const targets = targetsOf(p.cited, p.names);
    for (const t of targets) overall.set(t, (overall.get(t) ?? 0) + 1);
    const foreign = new Set(
      questionWords(p.question)
        .map(w => w.terms[0])
        .filter((t): t is string => Boolean(t) && isForeign(t, vocab)),
    );
    for (const q of foreign) {
      withWord.set(q, [...(withWord.get(q) ?? []), p]);
      const row = together.get(q) ?? new Map<string, number>();
      for (const t of targets) if (t !== q) row.set(t, (row.get(t) ?? 0) + 1);
      together.set(q, row);
    }
  }
  // how many facts use a target (a table's name: its facts): equally associated, the more used wins
  const allFacts = [...new Set(pairs.map(p => p.facts))].flat();
  const used = new Map<string, number>();
  const usage = (to: string) => {
    let n = used.get(to);
    if (n === undefined) {
      n = allFacts.filter(
        f =>
          f.table?.replace(/_/g, ' ').toLowerCase() === to ||
          factTerms(f).includes(to),
      ).length;
      used.set(to, n);
    }
    return n;
  };
  const words = [...withWord]
    .filter(([, ps]) => ps.length >= MIN_SUPPORT)
    .sort(([a, pa], [b, pb]) => pb.length - pa.length || a.localeCompare(b))
    .map(([q, ps]) => ({
      q,
      ps,
      candidates: [...(together.get(q) ?? [])]
        .map(([to, n]) => ({
          to,
          confidence: n / ps.length,
          lift: n / ps.length - (overall.get(to) ?? 0) / pairs.length,
        }))
        .filter(c => c.confidence >= MIN_CONFIDENCE)
        .sort(
          (a, b) =>
            b.lift - a.lift ||
            b.confidence - a.confidence ||
            usage(b.to) - usage(a.to) ||
            b.to.split(' ').length - a.to.split(' ').length ||
            a.to.localeCompare(b.to),
        )
        .slice(0, MAX_CANDIDATES),
    }));
  // Each word takes the candidate under which the most of its verified questions
  // are answered as the owners did, the others in place (two rounds, so words
  // that appear together settle); on a tie the best-ranked candidate, and none
  // only when every candidate does worse than none.
  const expansions: Record<string, DomainExpansion> = {};
  for (let round = 0; round < 2; round++) {
    for (const { q, ps, candidates } of words) {
      const without = { ...expansions };
      delete without[q];
      let best = ps.filter(p => answersLikeOwner(p, without)).length;
      let chosen: (typeof candidates)[number] | undefined;
      for (const c of candidates) {
        const trial = {
          ...without,
          [q]: { to: c.to, confidence: c.confidence, support: ps.length },
        };
        const correct = ps.filter(p => answersLikeOwner(p, trial)).length;
        if (correct > best || (!chosen && correct === best)) {
          best = correct;
          chosen = c;
        }
      }
      if (chosen)
        expansions[q] = {
          to: chosen.to,
          confidence: Math.round(chosen.confidence * 1000) / 1000,
          support: ps.length,
        };
      else delete expansions[q];
    }
  }
  return Object.fromEntries(
    Object.entries(expansions).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Glossary terms (the last segment of each `authoritativeDefinitions` link) and the columns that link them. */
function glossaryOf(products: TrainingProduct[]) {
  const byTerm = new Map<string, Set<string>>();
  let links = 0;
  for (const p of products)
    for (const t of p.profile.contracts.flatMap(c => c.tables))
      for (const c of t.columns)
        for (const url of c.glossary) {
          links++;
          const last = url
            .replace(/[?#].*$/, '')
            .replace(/\/+$/, '')
            .split('/')
            .pop();
          const term = decodeURIComponent(last ?? '')
            .replace(/[-_]+/g, ' ')
            .trim()
            .toLowerCase();
          if (!term) continue;
          const set = byTerm.get(term) ?? new Set<string>();
          set.add(`${t.name}.${c.name}`);
          byTerm.set(term, set);
        }
  const glossary = [...byTerm]
    .map(([term, cols]) => ({ term, columns: [...cols].sort() }))
    .sort((a, b) => a.term.localeCompare(b.term));
  return { glossary, links };
}

/**
 * The strictest coverage threshold under which the builtin validator still
 * approves as many of the owners' verified answers as any threshold does:
 * owners' answers are known good, so a stricter bar that keeps them costs nothing.
 */
function calibrateValidator(
  domain: string,
  pairs: Array<{ v: VerifiedAnswer; cited: Fact[]; facts: Fact[] }>,
): DomainModelArtifact['validator'] {
  const approvedAt = (minCoverage: number) =>
    pairs.filter(
      ({ v, facts }) =>
        validateWithRules(
          {
            question: v.question,
            facts,
            answer: {
              answer: v.answer,
              claims: [{ text: v.answer, citations: v.citations }],
              abstained: false,
            },
            clearance: 'restricted',
            domain,
          },
          { governance: false, scope: false, injection: false, minCoverage },
        ).status === 'approved',
    ).length;
  if (!pairs.length)
    return {
      minCoverage: DEFAULT_MIN_COVERAGE,
      calibratedOn: 0,
      approved: 0,
    };
  let best = { minCoverage: DEFAULT_MIN_COVERAGE, approved: -1 };
  for (const m of COVERAGE_GRID) {
    const approved = approvedAt(m);
    if (approved > best.approved) best = { minCoverage: m, approved };
  }
  return { ...best, calibratedOn: pairs.length };
}

/**
 * Trains a domain model from one domain's material: query expansions
 * learned from verified question → cited-fact pairs, the domain's scope
 * words (its tables, columns, glossary terms, notes and the learned question
 * words), glossary terms and verified examples for hosted prompts, and the
 * builtin validator's coverage threshold calibrated on the verified answers.
 * Pure and deterministic: the same material gives the same artifact and hash.
 * Throws when a verified answer names a product outside the domain or cites
 * no fact of it.
 */
export function trainDomainModel(
  input: DomainTrainingInput,
): DomainModelArtifact {
  const byRef = new Map(
    input.products.map(p => [p.profile.entityRef.toLowerCase(), p]),
  );
  const pairs = input.verified.map(v => {
    const product = byRef.get(v.entityRef.toLowerCase());
    if (!product)
      throw new Error(
        `verified answer "${v.question}" is about ${v.entityRef}, which is not a data product of domain ${input.domain}`,
      );
    const ids = new Set(v.citations);
    const cited = product.facts.filter(f => ids.has(f.id));
    if (!cited.length)
      throw new Error(
        `verified answer "${v.question}" cites no fact of ${v.entityRef}`,
      );
    return { v, cited, facts: product.facts, product };
  });
  const names = new Map(input.products.map(p => [p, businessNames(p)]));

  const expansions = learnExpansions(
    pairs.map(p => ({
      question: p.v.question,
      cited: p.cited,
      facts: p.facts,
      names: names.get(p.product)!,
    })),
  );
  const { glossary, links } = glossaryOf(input.products);
  const scope = new Set<string>([
    ...contentTerms(input.domain),
    ...Object.keys(expansions),
  ]);
  for (const p of input.products) {
    for (const t of p.profile.contracts.flatMap(c => c.tables)) {
      for (const n of [t.name, t.businessName])
        for (const w of contentTerms((n ?? '').replace(/_/g, ' ')))
          scope.add(w);
      for (const c of t.columns)
        for (const n of [c.name, c.businessName])
          for (const w of contentTerms((n ?? '').replace(/_/g, ' ')))
            scope.add(w);
    }
    for (const n of p.notes ?? [])
      for (const w of contentTerms(n.text)) scope.add(w);
  }
  for (const g of glossary) for (const w of contentTerms(g.term)) scope.add(w);

  return {
    kind: 'dpa-domain-model',
    artifactVersion: DOMAIN_ARTIFACT_VERSION,
    domain: input.domain,
    trainingHash: trainingMaterialHash(input),
    material: {
      products: input.products.map(p => p.profile.entityRef).sort(),
      facts: input.products.reduce((n, p) => n + p.facts.length, 0),
      verifiedAnswers: input.verified.length,
      notes: input.products.reduce((n, p) => n + (p.notes?.length ?? 0), 0),
      glossaryLinks: links,
    },
    expansions,
    scope: [...scope].sort(),
    glossary,
    examples: pairs
      .map(({ v }) => ({
        question: v.question,
        answer: v.answer,
        product: v.entityRef,
      }))
      .sort(
        (a, b) =>
          a.product.localeCompare(b.product) ||
          a.question.localeCompare(b.question),
      ),
    validator: calibrateValidator(input.domain, pairs),
  };
}
