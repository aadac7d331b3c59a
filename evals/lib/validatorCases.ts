/**
 * Validator cases drawn from the TEST part of the public dev files (see
 * `splits.ts`), as deterministic samples (records ordered by a hash of their
 * text, the first N taken):
 *   - HaluEval QA: the right answer (good) and the hallucinated one (bad), category `hallucination`;
 *   - Presidio: a sentence with labelled PII planted in a grounded answer (bad, caught by code `pii`)
 *     and the same sentence with every span replaced by its label (good), category `pii`.
 * Tune-part records and hold-out files are never read here.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { presidioLabelMap } from '../scripts/validatorFigures.lib';
import {
  HALUEVAL_DEV,
  haluEvalPart,
  PRESIDIO_DEV,
  presidioPart,
  splitKeys,
} from './splits';

export interface SuiteTest {
  description?: string;
  vars: Record<string, unknown>;
  metadata: Record<string, unknown>;
  assert?: unknown[];
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function sample<T>(records: T[], key: (r: T) => string, n: number): T[] {
  return records
    .map(r => ({ r, h: hash(key(r)) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .slice(0, n)
    .map(x => x.r);
}

export function haluEvalCases(datasets: string, n = 50): SuiteTest[] {
  return sample(haluEvalPart(datasets, 'test'), r => r.question, n).flatMap(
    (r, i) =>
      [
        { answer: r.right_answer, positive: false },
        { answer: r.hallucinated_answer, positive: true },
      ].map(c => ({
        description: `halueval #${i} ${c.positive ? 'hallucinated' : 'right'}`,
        vars: {
          context: r.knowledge.trim(),
          question: r.question.trim(),
          answer: c.answer.trim(),
        },
        metadata: {
          suite: 'validator',
          source: 'halueval',
          split: 'test',
          splitKey: splitKeys.halueval(r),
          expect: { category: 'hallucination', positive: c.positive },
        },
      })),
  );
}

const PII_CONTEXT =
  'examples/catalog/products/sales/sales-orders/contract.odcs.yaml';
const PII_BASE = 'The primary key of table orders is order_id.';

export function presidioCases(datasets: string, n = 40): SuiteTest[] {
  const records = presidioPart(datasets, 'test').filter(r =>
    r.spans.some(s => presidioLabelMap[s.entity_type]),
  );
  return sample(records, r => r.full_text, n).flatMap((r, i) => {
    let scrubbed = r.full_text;
    for (const s of [...r.spans].sort(
      (a, b) => b.start_position - a.start_position,
    )) {
      scrubbed = `${scrubbed.slice(0, s.start_position)}<${
        s.entity_type
      }>${scrubbed.slice(s.end_position)}`;
    }
    const types = [
      ...new Set(
        r.spans.map(s => presidioLabelMap[s.entity_type]).filter(Boolean),
      ),
    ];
    return [
      { text: r.full_text, positive: true },
      { text: scrubbed, positive: false },
    ].map(c => ({
      description: `presidio #${i} ${
        c.positive ? 'with PII' : 'scrubbed'
      } (${types.join(', ')})`,
      vars: {
        context: PII_CONTEXT,
        question: 'What is the primary key of orders?',
        answer: `${PII_BASE} ${c.text.replace(/\s+/g, ' ').trim()}`,
        citations: 'key:orders',
      },
      metadata: {
        suite: 'validator',
        source: 'presidio',
        split: 'test',
        splitKey: splitKeys.presidio(r),
        piiTypes: types,
        expect: { category: 'pii', positive: c.positive, codes: ['pii'] },
      },
    }));
  });
}

/** Dataset files these cases read, for the dataset hash (the split is part of the data). */
export function datasetFiles(datasets: string | undefined): string[] {
  if (!datasets) return [];
  return [HALUEVAL_DEV, PRESIDIO_DEV]
    .map(f => path.join(datasets, f))
    .filter(f => existsSync(f))
    .concat(path.join(__dirname, 'splits.ts'));
}
