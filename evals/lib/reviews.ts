/**
 * Turns rated answers from the backend's database (`dpa_asks` + `dpa_ask_feedback`)
 * into answer-suite cases: helpful answers become expected-answer cases (the
 * verdict and citations they got are the expectation), unhelpful ones with a
 * comment become cases marked `review: pending` (skipped by `dpa eval` until an
 * owner writes their expectation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from './paths';

export interface ReviewRow {
  id: string;
  entity_ref: string;
  question: string;
  answer: string;
  status: string;
  citations: string;
  helpful: number | boolean;
  comment: string | null;
  feedback_user: string;
  feedback_at: string | Date;
}

/** Entity refs of the demo catalog → their contract path (from catalog-info.yaml annotations). */
export function contractsByEntity(
  root = path.join(REPO_ROOT, 'examples/catalog/products'),
): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(root)) return out;
  for (const domain of readdirSync(root)) {
    const dDir = path.join(root, domain);
    for (const product of existsSync(dDir) ? readdirSync(dDir) : []) {
      const info = path.join(dDir, product, 'catalog-info.yaml');
      if (!existsSync(info)) continue;
      const doc = parse(readFileSync(info, 'utf8')) as {
        kind?: string;
        metadata?: {
          name?: string;
          namespace?: string;
          annotations?: Record<string, string>;
        };
      };
      const contract = doc.metadata?.annotations?.['data-products/contract'];
      if (!doc.metadata?.name || !contract) continue;
      const ref = `${(doc.kind ?? 'component').toLowerCase()}:${
        doc.metadata.namespace ?? 'default'
      }/${doc.metadata.name}`;
      out.set(
        ref,
        path
          .relative(REPO_ROOT, path.resolve(dDir, product, contract))
          .split(path.sep)
          .join('/'),
      );
    }
  }
  return out;
}

const citationIds = (json: string): string[] => {
  try {
    return (JSON.parse(json) as Array<{ id: string }>)
      .map(c => c.id)
      .filter(Boolean);
  } catch {
    return [];
  }
};

/** Suite cases from review rows. */
export function reviewCases(
  rows: readonly ReviewRow[],
  contracts = contractsByEntity(),
) {
  const tests: Array<Record<string, unknown>> = [];
  let skipped = 0;
  for (const r of rows) {
    const helpful = r.helpful === true || r.helpful === 1;
    if (!helpful && !r.comment?.trim()) {
      skipped++;
      continue;
    }
    const contract = contracts.get(r.entity_ref.toLowerCase());
    const vars = {
      contract: contract ?? `UNRESOLVED:${r.entity_ref}`,
      question: r.question,
    };
    const source = {
      askId: r.id,
      entityRef: r.entity_ref,
      ratedBy: r.feedback_user,
      ratedAt: new Date(r.feedback_at).toISOString(),
    };
    if (helpful && contract) {
      const kind =
        r.status === 'abstained'
          ? 'abstain'
          : r.status === 'blocked'
          ? 'pii'
          : 'answer';
      tests.push({
        description: `review ${r.id}: helpful`,
        vars,
        metadata: {
          source,
          expect:
            kind === 'answer'
              ? { kind, facts: citationIds(r.citations) }
              : { kind },
        },
      });
    } else {
      tests.push({
        description: `review ${r.id}: ${
          helpful ? 'helpful, entity not in the demo catalog' : 'not helpful'
        }`,
        vars,
        metadata: {
          source,
          review: 'pending',
          comment: r.comment ?? '',
          shownAnswer: r.answer,
          shownStatus: r.status,
        },
      });
    }
  }
  return { tests, skipped };
}

/** The suite file: a promptfoo config like the domain answer suites. */
export function reviewSuiteYaml(
  tests: Array<Record<string, unknown>>,
  generatedAt: string,
): string {
  const header = [
    `# Answer cases exported from rated answers (dpa eval export-reviews, ${generatedAt}).`,
    '# Cases with metadata.review: pending wait for an owner to write metadata.expect and drop the flag.',
  ].join('\n');
  const doc = {
    description: 'reviews',
    prompts: ['{{question}}'],
    providers: [
      {
        id: 'file://../../providers/answerProvider.ts',
        label: 'reviews-served',
      },
    ],
    defaultTest: {
      metadata: { suite: 'answers' },
      assert: [
        { type: 'is-json' },
        {
          type: 'javascript',
          value: 'file://../../lib/asserts.ts:answerAssert',
        },
      ],
    },
    tests,
  };
  return `${header}\n${stringify(doc, { lineWidth: 0 })}`;
}

/** Reads rated answers with knex from SQLite (a file path) or PostgreSQL (a postgres:// URL). */
export async function readReviewRows(db: string): Promise<ReviewRow[]> {
  const { default: knexFactory } = await import('knex');
  const isPg = /^postgres(ql)?:\/\//.test(db);
  if (!isPg && !existsSync(db))
    throw new Error(`database file ${db} does not exist`);
  const knex = knexFactory(
    isPg
      ? { client: 'pg', connection: db }
      : {
          client: 'better-sqlite3',
          connection: { filename: db, readonly: true } as any,
          useNullAsDefault: true,
        },
  );
  try {
    return (await knex('dpa_asks as a')
      .join('dpa_ask_feedback as f', 'f.ask_id', 'a.id')
      .select(
        'a.id',
        'a.entity_ref',
        'a.question',
        'a.answer',
        'a.status',
        'a.citations',
        'f.helpful',
        'f.comment',
        'f.user_ref as feedback_user',
        'f.created_at as feedback_at',
      )
      .orderBy([
        { column: 'f.created_at' },
        { column: 'a.id' },
      ])) as ReviewRow[];
  } finally {
    await knex.destroy();
  }
}

/** Test helper: a SQLite file with the backend's ask tables (its own migration) holding the given rows. */
export async function writeReviewFixtureDb(
  file: string,
  asks: Array<Record<string, unknown>>,
  feedback: Array<Record<string, unknown>>,
): Promise<void> {
  const { default: knexFactory } = await import('knex');
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require(path.join(
      REPO_ROOT,
      'plugins/data-product-assistant-backend/migrations/20261126130000_asks.js',
    ));
    await migration.up(knex);
    await knex('dpa_asks').insert(asks);
    await knex('dpa_ask_feedback').insert(feedback);
  } finally {
    await knex.destroy();
  }
}
