/**
 * Pure functions behind `validator-figures.ts`: building cases from HaluEval and
 * Presidio records and scoring them. No file or network access here.
 */
import type {
  AnswerOutput,
  Fact,
} from '../../plugins/data-product-assistant-node/src/models/types';
import type {
  PiiSpan,
  PiiType,
} from '../../plugins/data-product-assistant-node/src/pii/types';

export interface HaluEvalRecord {
  knowledge: string;
  question: string;
  right_answer: string;
  hallucinated_answer: string;
}

export interface HaluCase {
  question: string;
  facts: Fact[];
  answer: AnswerOutput;
  /** True for the hallucinated answer: the validator should not approve it. */
  hallucinated: boolean;
}

/** Each record yields two cases: the right answer and the hallucinated one, each one claim citing the knowledge. */
export function haluCases(r: HaluEvalRecord, index: number): HaluCase[] {
  const fact: Fact = {
    id: `doc:halueval-${index}`,
    kind: 'doc',
    text: r.knowledge.trim(),
    classification: 'public',
  };
  const mk = (text: string, hallucinated: boolean): HaluCase => ({
    question: r.question.trim(),
    facts: [fact],
    answer: {
      answer: text,
      claims: [{ text, citations: [fact.id] }],
      abstained: false,
    },
    hallucinated,
  });
  return [mk(r.right_answer, false), mk(r.hallucinated_answer, true)];
}

export interface BinaryScore {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Of answers the validator did not approve, the share that were hallucinated. */
  precision: number;
  /** Of hallucinated answers, the share not approved. */
  recall: number;
  specificity: number;
  balancedAccuracy: number;
}

/** Scores "not approved" as the positive prediction for "hallucinated". */
export function scoreBinary(
  items: Array<{ hallucinated: boolean; notApproved: boolean }>,
): BinaryScore {
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  for (const it of items) {
    if (it.hallucinated && it.notApproved) tp++;
    else if (it.hallucinated) fn++;
    else if (it.notApproved) fp++;
    else tn++;
  }
  const div = (a: number, b: number) => (b ? a / b : 0);
  const recall = div(tp, tp + fn);
  const specificity = div(tn, tn + fp);
  return {
    n: items.length,
    tp,
    fp,
    tn,
    fn,
    precision: div(tp, tp + fp),
    recall,
    specificity,
    balancedAccuracy: (recall + specificity) / 2,
  };
}

/** The word-overlap floor: a claim passes when all its words appear in the knowledge. */
export function wordOverlapBaseline(
  claim: string,
  knowledge: string,
  threshold = 1,
): boolean {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const k = new Set(words(knowledge));
  const c = words(claim);
  if (!c.length) return true;
  return c.filter(w => k.has(w)).length / c.length >= threshold;
}

// -- Presidio ------------------------------------------------------------------------------

export interface PresidioRecord {
  full_text: string;
  /** The generator template the sentence came from (the split key). */
  template_id?: number | null;
  spans: Array<{
    entity_type: string;
    entity_value: string;
    start_position: number;
    end_position: number;
  }>;
}

/** Presidio's labels → ours. Labels with no counterpart here are left out of the scores. */
export const presidioLabelMap: Record<string, PiiType> = {
  EMAIL_ADDRESS: 'email',
  PHONE_NUMBER: 'phone',
  CREDIT_CARD: 'payment-card',
  IBAN_CODE: 'iban',
  US_SSN: 'national-id',
  IP_ADDRESS: 'ip-address',
  PERSON: 'person',
  STREET_ADDRESS: 'street-address',
};

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Recall weighted four times precision (β = 2): a missed PII value costs more than a false alarm. */
  f2: number;
}

const fBeta = (p: number, r: number, beta: number) =>
  p + r ? ((1 + beta ** 2) * p * r) / (beta ** 2 * p + r) : 0;

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: fBeta(precision, recall, 1),
    f2: fBeta(precision, recall, 2),
  };
}

/** P/R/F per type from its counts, and micro-averaged over all types. */
function perTypeAndMicro(
  counts: Map<string, { tp: number; fp: number; fn: number }>,
): { perType: Record<string, Prf>; micro: Prf } {
  const perType: Record<string, Prf> = {};
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const [t, c] of counts) {
    perType[t] = prf(c.tp, c.fp, c.fn);
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
  }
  return { perType, micro: prf(all.tp, all.fp, all.fn) };
}

/**
 * Span-level scores per type. A predicted span matches a gold span of the same type when
 * they overlap by at least `minOverlap` of the longer one (default 0.5); each gold span
 * matches once. Presidio's own evaluator scores tokens; span overlap is the stricter reading.
 */
export function scoreSpans(
  docs: Array<{
    gold: Array<{ type: PiiType; start: number; end: number }>;
    predicted: Array<Pick<PiiSpan, 'type' | 'start' | 'end'>>;
  }>,
  types: readonly PiiType[],
  minOverlap = 0.5,
): { perType: Record<string, Prf>; micro: Prf } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(
    types.map(t => [t, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const d of docs) {
    for (const t of types) {
      const gold = d.gold.filter(g => g.type === t);
      const pred = d.predicted.filter(p => p.type === t);
      const used = new Set<number>();
      const c = counts.get(t)!;
      for (const p of pred) {
        const i = gold.findIndex((g, gi) => {
          if (used.has(gi)) return false;
          const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
          return (
            ov > 0 &&
            ov >= minOverlap * Math.max(g.end - g.start, p.end - p.start)
          );
        });
        if (i >= 0) {
          used.add(i);
          c.tp++;
        } else c.fp++;
      }
      c.fn += gold.length - used.size;
    }
  }
  return perTypeAndMicro(counts);
}

/**
 * Spans of one type that only whitespace and punctuation separate, joined into one: what
 * Presidio's span evaluator does to gold and predicted spans before matching them, so a street,
 * unit and postcode labelled as three parts is one address. (Presidio also joins across its
 * skip words, such as "suite" or "and"; this joins across less.)
 */
export function joinAdjacentSpans<
  S extends { type: PiiType; start: number; end: number },
>(text: string, spans: readonly S[]): S[] {
  const joined: S[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const at = joined.map(j => j.type).lastIndexOf(s.type);
    const last = joined[at];
    if (
      last &&
      last.end <= s.start &&
      /^[\s\p{P}]*$/u.test(text.slice(last.end, s.start))
    )
      joined[at] = { ...last, end: s.end };
    else joined.push({ ...s });
  }
  return joined;
}

/**
 * Token-level scores per type, as Presidio's own evaluator counts: every word
 * token gets the type of the gold span it lies in and of the predicted span it
 * lies in. Unlike span matching, an address the gold data splits into pieces
 * (street, unit, postcode) and a detector finds whole scores on its words.
 */
export function scoreTokens(
  docs: Array<{
    text: string;
    gold: Array<{ type: PiiType; start: number; end: number }>;
    predicted: Array<Pick<PiiSpan, 'type' | 'start' | 'end'>>;
  }>,
  types: readonly PiiType[],
): { perType: Record<string, Prf>; micro: Prf } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(
    types.map(t => [t, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const d of docs) {
    for (const m of d.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const at = m.index!;
      const typeAt = (
        spans: Array<{ type: PiiType; start: number; end: number }>,
      ) =>
        spans.find(s => s.start <= at && at < s.end && types.includes(s.type))
          ?.type;
      const g = typeAt(d.gold);
      const p = typeAt(d.predicted);
      if (g && p === g) counts.get(g)!.tp++;
      else {
        if (g) counts.get(g)!.fn++;
        if (p) counts.get(p)!.fp++;
      }
    }
  }
  return perTypeAndMicro(counts);
}

/** Wilson score interval (95%) of a proportion k/n. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (!n) return [0, 1];
  const p = k / n;
  const d = 1 + z ** 2 / n;
  const c = (p + z ** 2 / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + z ** 2 / (4 * n ** 2))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

/** The largest k with P(X < k) <= q for X ~ Binomial(n, p): a count a detector of rate p reaches with probability >= 1 - q. */
export function binomialLowerCount(n: number, p: number, q = 0.05): number {
  let cdf = 0;
  let pmf = (1 - p) ** n;
  for (let k = 0; k <= n; k++) {
    if (cdf + pmf > q) return k;
    cdf += pmf;
    pmf = p >= 1 ? 0 : (pmf * (n - k) * p) / ((k + 1) * (1 - p));
  }
  return n;
}

/** A seeded PRNG (mulberry32): the bootstrap is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PairedItem {
  /** The record it came from: a record's right and hallucinated answer are resampled together. */
  group: number;
  hallucinated: boolean;
  /** Did each of the two checks not approve it. */
  a: boolean;
  b: boolean;
}

/**
 * Two checks on the same items: balanced accuracy of each, the exact McNemar
 * test on the items exactly one of them judges right, and a 95% percentile
 * bootstrap interval (records resampled, seeded) of the difference a − b.
 */
export function pairedComparison(
  items: readonly PairedItem[],
  mcnemar: (onlyB: number, onlyA: number) => { pValue: number },
  resamples = 2000,
  seed = 12,
): {
  a: number;
  b: number;
  diff: number;
  ci: [number, number];
  onlyA: number;
  onlyB: number;
  pValue: number;
} {
  const bal = (xs: readonly PairedItem[], pick: (i: PairedItem) => boolean) =>
    scoreBinary(
      xs.map(i => ({ hallucinated: i.hallucinated, notApproved: pick(i) })),
    ).balancedAccuracy;
  const right = (i: PairedItem, v: boolean) => v === i.hallucinated;
  const onlyA = items.filter(i => right(i, i.a) && !right(i, i.b)).length;
  const onlyB = items.filter(i => right(i, i.b) && !right(i, i.a)).length;
  const groups = [...new Set(items.map(i => i.group))];
  const byGroup = new Map(
    groups.map(g => [g, items.filter(i => i.group === g)]),
  );
  const rnd = seededRandom(seed);
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = groups.flatMap(
      () => byGroup.get(groups[Math.floor(rnd() * groups.length)])!,
    );
    diffs.push(bal(sample, i => i.a) - bal(sample, i => i.b));
  }
  diffs.sort((x, y) => x - y);
  const a = bal(items, i => i.a);
  const b = bal(items, i => i.b);
  return {
    a,
    b,
    diff: a - b,
    ci: [
      diffs[Math.floor(0.025 * resamples)],
      diffs[Math.ceil(0.975 * resamples) - 1],
    ],
    onlyA,
    onlyB,
    pValue: mcnemar(onlyB, onlyA).pValue,
  };
}

/** Gold spans of a Presidio record in our types (unmapped labels dropped). */
export function presidioGold(
  r: PresidioRecord,
): Array<{ type: PiiType; start: number; end: number }> {
  return r.spans
    .filter(s => presidioLabelMap[s.entity_type])
    .map(s => ({
      type: presidioLabelMap[s.entity_type],
      start: s.start_position,
      end: s.end_position,
    }));
}

export const anchors = {
  hallucination: [
    {
      name: 'HHEM-2.1-Open',
      dataset: 'RAGTruth-QA',
      metric: 'balanced accuracy',
      value: 0.74,
    },
    { name: 'Lynx-70B', dataset: 'HaluBench', metric: 'accuracy', value: 0.87 },
    {
      name: 'bare word overlap (floor)',
      dataset: 'HaluEval QA',
      metric: 'balanced accuracy',
      value: 0.96,
    },
  ],
  pii: [
    { name: 'Presidio out of the box', precision: 0.69, recall: 0.6 },
    { name: 'Presidio customised', precision: 0.87, recall: 0.84 },
  ],
};
