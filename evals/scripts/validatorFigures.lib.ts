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
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1:
      precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
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
  const perType: Record<string, Prf> = {};
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [t, c] of counts) {
    perType[t] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { perType, micro: prf(tp, fp, fn) };
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
