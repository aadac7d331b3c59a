/**
 * Answer cases nobody tuned on (issue 12), for the `answers-unseen` suite and
 * `evals/scripts/answer-figures.ts`:
 *   - metadata questions on the public AdventureWorks ODCS contract, split by
 *     table (`splits.ts`, dataset `adventureworks`): a question's part is the
 *     part of its tables; a question naming no table is split by its text;
 *   - questions on two public datacontract-cli contracts, all test (nothing is
 *     tuned on them).
 * Both question sets (test/fixtures/unseen-questions/) were written before the
 * answer model they measure. The suite runs the test part only; tuning looks at
 * the tune part (`answer-figures.ts --split tune`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { AnswerExpectation } from './asserts';
import { REPO_ROOT } from './paths';
import { splitOf, type SplitPart } from './splits';
import type { SuiteTest } from './validatorCases';

export const UNSEEN_DIR = path.join(
  REPO_ROOT,
  'test/fixtures/unseen-questions',
);

interface Question {
  q: string;
  tables?: string[];
  about: string;
  expect: AnswerExpectation;
}

interface AdventureWorksQuestions {
  /** Relative to the datasets folder. */
  contract: string;
  questions: Question[];
}

interface ContractQuestions {
  sets: Array<{ contract: string; questions: Question[] }>;
}

const read = <T>(file: string): T =>
  parse(readFileSync(path.join(UNSEEN_DIR, file), 'utf8')) as T;

/** The part of an AdventureWorks question: its tables' part (one part for all), else its text's. */
export function adventureWorksPart(
  q: Pick<Question, 'q' | 'tables'>,
): SplitPart {
  const parts = new Set(
    (q.tables ?? []).map(t => splitOf('adventureworks', t)),
  );
  if (parts.size > 1)
    throw new Error(`question "${q.q}" names tables of both parts`);
  return [...parts][0] ?? splitOf('adventureworks', `question:${q.q}`);
}

const toCase = (
  contract: string,
  q: Question,
  metadata: Record<string, unknown>,
): SuiteTest => ({
  description: `${metadata.source} ${q.about}: ${q.q}`,
  vars: { contract, question: q.q },
  metadata: { ...metadata, about: q.about, expect: q.expect },
});

/** AdventureWorks questions of one part (none when the datasets are not on this machine). */
export function adventureWorksCases(
  datasets: string | undefined,
  part: SplitPart,
): SuiteTest[] {
  const set = read<AdventureWorksQuestions>('adventureworks.yaml');
  if (!datasets) return [];
  const contract = path.join(datasets, set.contract);
  if (!existsSync(contract)) return [];
  return set.questions
    .filter(q => adventureWorksPart(q) === part)
    .map(q =>
      toCase(contract, q, {
        source: 'adventureworks',
        split: part,
        splitKey: q.tables?.[0] ?? `question:${q.q}`,
      }),
    );
}

/** Questions on the public datacontract-cli contracts (test only: nothing is tuned on them). */
export function contractCases(part: SplitPart): SuiteTest[] {
  if (part !== 'test') return [];
  return read<ContractQuestions>('datacontract-cli.yaml').sets.flatMap(s =>
    s.questions.map(q =>
      toCase(s.contract, q, { source: 'datacontract-cli', split: 'test' }),
    ),
  );
}

/** Every unseen case of a part. */
export function unseenCases(
  datasets: string | undefined,
  part: SplitPart,
): SuiteTest[] {
  return [...adventureWorksCases(datasets, part), ...contractCases(part)];
}
