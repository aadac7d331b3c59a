/**
 * Validator cases drawn from the TEST part of the public dev files (see
 * `splits.ts`), as deterministic samples (records ordered by a hash of their
 * text, the first N taken):
 *   - HaluEval QA: the right answer (good) and the hallucinated one (bad), category `hallucination`;
 *   - Presidio: a sentence with labelled PII planted in a grounded answer (bad, caught by code `pii`)
 *     and the same sentence with every span replaced by its label (good), category `pii-sample`:
 *     they measure the PII detector (floors on recall and precision), they are not hand-written
 *     governance cases (category `pii`, where one failing case fails the gate);
 *   - contract-graph swaps (`validatorSwaps.lib.ts`): statements about the AdventureWorks contract's
 *     TEST tables and the unseen contracts below, each correct and with a primary key, code meaning,
 *     foreign-key target, type, SLA value, owner or approver swapped from elsewhere in the same
 *     contract, category `graph-swap`.
 * Tune-part records and hold-out files are never read here.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { presidioLabelMap } from '../scripts/validatorFigures.lib';
import { graphStatements } from '../scripts/validatorSwaps.lib';
import { loadProduct } from './products';
import { REPO_ROOT } from './paths';
import {
  HALUEVAL_DEV,
  haluEvalPart,
  PRESIDIO_DEV,
  presidioPart,
  splitKeys,
  splitOf,
  type SplitPart,
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
        expect: {
          category: 'pii-sample',
          positive: c.positive,
          codes: ['pii'],
        },
      },
    }));
  });
}

/** The AdventureWorks ODCS contract (split by table name, `splits.ts`). */
export const ADVENTUREWORKS_CONTRACT =
  'odcs/postgresql-adventureworks-contract.odcs.yaml';

/**
 * Public contracts no one here wrote and nothing was tuned on, used whole as unseen checks:
 * the dbt jaffle_shop contract (test/fixtures, MIT) and the ODCS full example (datasets, Apache-2.0).
 */
export const UNSEEN_CONTRACTS = [
  {
    name: 'jaffle_shop',
    file: path.join(
      REPO_ROOT,
      'test/fixtures/jaffle-shop-odcs/contract.odcs.yaml',
    ),
  },
  { name: 'odcs-full-example', dataset: 'odcs/full-example.odcs.yaml' },
] as const;

export interface GraphSwapSource {
  /** `adventureworks` (its tables of one part) or the name of an unseen contract. */
  source: string;
  file: string;
  part?: SplitPart;
}

/** The contracts the graph-swap cases and figures come from. */
export function graphSwapSources(
  datasets: string,
  part: SplitPart = 'test',
): GraphSwapSource[] {
  const out: GraphSwapSource[] = [];
  const aw = path.join(datasets, ADVENTUREWORKS_CONTRACT);
  if (existsSync(aw)) out.push({ source: 'adventureworks', file: aw, part });
  for (const c of UNSEEN_CONTRACTS) {
    const file = 'file' in c ? c.file : path.join(datasets, c.dataset);
    if (existsSync(file)) out.push({ source: c.name, file });
  }
  return out;
}

/** Correct and swapped statements of one source, with the facts they cite. */
export function graphSwapStatements(s: GraphSwapSource) {
  const product = loadProduct(s.file);
  const statements = graphStatements(
    product.profile.contracts[0],
    product.facts,
    {
      owner: product.profile.owner,
      tableFilter: s.part
        ? t =>
            splitOf('adventureworks', splitKeys.adventureworks({ name: t })) ===
            s.part
        : undefined,
      // contract-wide statements belong to no table: only the unseen contracts give them
      contractWide: !s.part,
    },
  );
  return { product, statements };
}

export function graphSwapCases(datasets: string): SuiteTest[] {
  return graphSwapSources(datasets, 'test').flatMap(s =>
    graphSwapStatements(s).statements.map((st, i) => ({
      description: `graph-swap ${s.source} #${Math.floor(i / 2)} ${
        st.relation
      } ${st.swapped ? `swapped (${st.swap})` : 'correct'}`,
      vars: {
        context: s.file,
        question: st.question,
        answer: st.text,
        citations: st.citations.join(','),
      },
      metadata: {
        suite: 'validator',
        source: s.source,
        ...(s.part ? { split: s.part, splitKey: st.table } : {}),
        relation: st.relation,
        expect: { category: 'graph-swap', positive: st.swapped },
      },
    })),
  );
}

/** Dataset files these cases read, for the dataset hash (the split is part of the data). */
export function datasetFiles(datasets: string | undefined): string[] {
  if (!datasets) return [];
  return [
    HALUEVAL_DEV,
    PRESIDIO_DEV,
    ...graphSwapSources(datasets).map(s => s.file),
  ]
    .map(f => path.resolve(datasets, f))
    .filter(f => existsSync(f))
    .concat(path.join(__dirname, 'splits.ts'));
}
