/**
 * Turns rated and reviewed answers from the backend's database into
 * answer-suite cases:
 *
 * - ratings (`dpa_asks` + `dpa_ask_feedback`): helpful answers become
 *   expected-answer cases (the verdict and citations they got are the
 *   expectation), unhelpful ones with a comment become cases marked
 *   `review: pending` (skipped by `dpa eval` until an owner writes their
 *   expectation);
 * - owner reviews (`dpa_asks.review_state` + `dpa_verified_answers`, and
 *   `dpa_knowledge_notes` for corrections saved as notes): approved and
 *   corrected answers become expected-answer cases on the facts the verified
 *   answer cites, carrying the notes it relied on as `vars.notes`; rejected
 *   answers become `review: pending` cases with the reviewer's comment.
 *
 * An ask both rated and reviewed yields the review's case only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { KnowledgeNote } from '@dpa/plugin-data-product-assistant-node';
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

/** A knowledge note as a case carries it in `vars.notes` (without `entityRef`: the case names the product). */
export type CaseNote = Omit<KnowledgeNote, 'entityRef'>;

/** The verified answer an approval or correction created (`dpa_verified_answers`). */
export interface VerifiedAnswerRow {
  id: string;
  ask_id: string;
  answer: string;
  /** JSON `[{id, text}]`: the facts it cites, as they read when verified. */
  citations: string;
  status: string;
  verified_by: string;
  verified_at: string | Date;
  demoted_reason: string | null;
}

/** An ask an owner approved, corrected or rejected, with what the review produced. */
export interface ReviewedAskRow {
  id: string;
  entity_ref: string;
  question: string;
  /** What the asker was shown. */
  answer: string;
  status: string;
  citations: string;
  review_state: string;
  /** The reviewer's action (`AskReview` JSON). */
  review: string | null;
  /** The verified answer the review created, when it is still stored. */
  verified?: VerifiedAnswerRow;
  /** Stored notes of the product the verified answer relied on: the note the correction was saved as, and notes it cites. */
  notes: CaseNote[];
}

/** Everything `dpa eval export-reviews` reads. */
export interface ReviewData {
  ratings: ReviewRow[];
  reviews: ReviewedAskRow[];
}

/** What a reviewer did (`AskReview` of the common package, as far as the export uses it). */
interface StoredReview {
  action?: 'approve' | 'correct' | 'reject';
  comment?: string;
  correctedAnswer?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  verifiedAnswerId?: string;
  noteId?: string;
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

const parseReview = (review: unknown): StoredReview => {
  if (review && typeof review === 'object') return review as StoredReview;
  if (typeof review !== 'string') return {};
  try {
    const parsed = JSON.parse(review);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
};

const isoDate = (value: unknown): string => {
  const d = new Date(value as string);
  return Number.isNaN(d.getTime()) ? String(value ?? '') : d.toISOString();
};

const REVIEW_ACTIONS: Record<string, StoredReview['action']> = {
  approved: 'approve',
  corrected: 'correct',
  rejected: 'reject',
};

/** Cases from one rating, as before reviews existed. */
function ratingCase(
  r: ReviewRow,
  contracts: Map<string, string>,
): Record<string, unknown> | undefined {
  const helpful = r.helpful === true || r.helpful === 1;
  if (!helpful && !r.comment?.trim()) return undefined;
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
      ({ abstained: 'abstain', blocked: 'pii' } as Record<string, string>)[
        r.status
      ] ?? 'answer';
    return {
      description: `review ${r.id}: helpful`,
      vars,
      metadata: {
        source,
        expect:
          kind === 'answer'
            ? { kind, facts: citationIds(r.citations) }
            : { kind },
      },
    };
  }
  return {
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
  };
}

/**
 * The case of one owner review: approved and corrected answers on demo
 * products expect an answer citing what the verified answer cites (a
 * `note:*` fact only when that note travels with the case in `vars.notes`),
 * or, for a correction saved as a knowledge note, citing that note;
 * rejected answers, demoted verified answers and products outside the demo
 * catalog wait for an owner (`review: pending`).
 */
function reviewedCase(
  r: ReviewedAskRow,
  contracts: Map<string, string>,
): Record<string, unknown> {
  const review = parseReview(r.review);
  const action = review.action ?? REVIEW_ACTIONS[r.review_state];
  const contract = contracts.get(r.entity_ref.toLowerCase());
  const notes = r.notes;
  const vars: Record<string, unknown> = {
    contract: contract ?? `UNRESOLVED:${r.entity_ref}`,
    question: r.question,
    ...(notes.length ? { notes } : {}),
  };
  const comment = review.comment?.trim();
  const source = {
    askId: r.id,
    entityRef: r.entity_ref,
    reviewedBy: review.reviewedBy ?? r.verified?.verified_by ?? '',
    reviewedAt: isoDate(review.reviewedAt ?? r.verified?.verified_at),
    action,
    ...(comment ? { comment } : {}),
  };
  const shown = { shownAnswer: r.answer, shownStatus: r.status };
  const verified = r.verified;
  if (r.review_state === 'rejected') {
    return {
      description: `owner review ${r.id}: rejected`,
      vars,
      metadata: { source, review: 'pending', comment: comment ?? '', ...shown },
    };
  }
  const reference =
    verified?.answer ??
    (r.review_state === 'corrected' ? review.correctedAnswer : r.answer);
  const noteIds = new Set(notes.map(n => `note:${n.id}`));
  const savedAsNote = Boolean(
    review.noteId && noteIds.has(`note:${review.noteId}`),
  );
  // without its verified answer, an approval stands by what the ask cited; a correction by nothing
  let cited: string[] = [];
  if (verified) cited = citationIds(verified.citations);
  else if (r.review_state === 'approved') cited = citationIds(r.citations);
  // The backend vets a correction before saving it as a note, so its verified
  // answer cites what the text matched without the note; with the note in
  // the context, the answer is expected to stand on the note.
  const facts = savedAsNote
    ? [`note:${review.noteId}`]
    : cited.filter(id => !id.startsWith('note:') || noteIds.has(id));
  const what = `${r.review_state}${
    savedAsNote ? `, saved as note ${review.noteId}` : ''
  }`;
  if (!contract || verified?.status === 'demoted') {
    return {
      description: `owner review ${r.id}: ${what}, ${
        contract
          ? 'verified answer since demoted'
          : 'entity not in the demo catalog'
      }`,
      vars,
      metadata: {
        source,
        review: 'pending',
        comment: comment ?? '',
        ...(verified?.demoted_reason
          ? { demotedReason: verified.demoted_reason }
          : {}),
        ...(reference ? { reference } : {}),
        ...shown,
      },
    };
  }
  return {
    description: `owner review ${r.id}: ${what}`,
    vars,
    metadata: {
      source,
      expect: { kind: 'answer', facts: [...new Set(facts)] },
      ...(reference ? { reference } : {}),
    },
  };
}

/**
 * Suite cases from ratings, or from ratings and owner reviews. An ask both
 * rated and reviewed yields the review's case only (its ratings count as
 * `superseded`). `reviewed`: expected-answer cases from approvals and
 * corrections; `notes`: cases carrying `vars.notes`.
 */
export function reviewCases(
  input: readonly ReviewRow[] | ReviewData,
  contracts = contractsByEntity(),
) {
  const { ratings, reviews } =
    'ratings' in input
      ? input
      : { ratings: input as readonly ReviewRow[], reviews: [] };
  const reviewedIds = new Set(reviews.map(r => r.id));
  const tests: Array<Record<string, unknown>> = [];
  let skipped = 0;
  let superseded = 0;
  for (const r of ratings) {
    if (reviewedIds.has(r.id)) {
      superseded++;
      continue;
    }
    const test = ratingCase(r, contracts);
    if (test) tests.push(test);
    else skipped++;
  }
  let reviewed = 0;
  let notes = 0;
  const seen = new Set<string>();
  for (const r of reviews) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const test = reviewedCase(r, contracts);
    const meta = test.metadata as { review?: string };
    if (meta.review !== 'pending') reviewed++;
    if ((test.vars as { notes?: unknown }).notes) notes++;
    tests.push(test);
  }
  return { tests, skipped, superseded, reviewed, notes };
}

/** The suite file: a promptfoo config like the domain answer suites. */
export function reviewSuiteYaml(
  tests: Array<Record<string, unknown>>,
  generatedAt: string,
): string {
  const fromReviews = tests.some(
    t =>
      (t.metadata as { source?: { reviewedBy?: string } } | undefined)?.source
        ?.reviewedBy !== undefined,
  );
  const header = [
    fromReviews
      ? `# Answer cases exported from rated and owner-reviewed answers (dpa eval export-reviews, ${generatedAt}).`
      : `# Answer cases exported from rated answers (dpa eval export-reviews, ${generatedAt}).`,
    '# Cases with metadata.review: pending wait for an owner to write metadata.expect and drop the flag.',
    ...(fromReviews
      ? [
          '# Reviewed cases: metadata.reference is the verified answer; vars.notes are the knowledge notes it relied on.',
        ]
      : []),
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

type Knex = import('knex').Knex;

async function openDb(db: string): Promise<Knex> {
  const { default: knexFactory } = await import('knex');
  const isPg = /^postgres(ql)?:\/\//.test(db);
  if (!isPg && !existsSync(db))
    throw new Error(`database file ${db} does not exist`);
  return knexFactory(
    isPg
      ? { client: 'pg', connection: db }
      : {
          client: 'better-sqlite3',
          connection: { filename: db, readonly: true } as any,
          useNullAsDefault: true,
        },
  );
}

async function readRatings(knex: Knex): Promise<ReviewRow[]> {
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
    .orderBy([{ column: 'f.created_at' }, { column: 'a.id' }])) as ReviewRow[];
}

const chunked = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Approved, corrected and rejected asks with their verified answers and notes; none on a database from before reviews. */
async function readReviewed(knex: Knex): Promise<ReviewedAskRow[]> {
  if (!(await knex.schema.hasColumn('dpa_asks', 'review_state'))) return [];
  const asks = (await knex('dpa_asks')
    .whereIn('review_state', Object.keys(REVIEW_ACTIONS))
    .select(
      'id',
      'entity_ref',
      'question',
      'answer',
      'status',
      'citations',
      'review_state',
      'review',
    )
    .orderBy([{ column: 'created_at' }, { column: 'id' }])) as Array<
    Omit<ReviewedAskRow, 'verified' | 'notes'>
  >;
  if (!asks.length) return [];

  const verifiedByAsk = new Map<string, VerifiedAnswerRow[]>();
  if (await knex.schema.hasTable('dpa_verified_answers')) {
    for (const ids of chunked(asks.map(a => a.id))) {
      const rows = (await knex('dpa_verified_answers')
        .whereIn('ask_id', ids)
        .select(
          'id',
          'ask_id',
          'answer',
          'citations',
          'status',
          'verified_by',
          'verified_at',
          'demoted_reason',
        )) as VerifiedAnswerRow[];
      for (const v of rows)
        verifiedByAsk.set(v.ask_id, [
          ...(verifiedByAsk.get(v.ask_id) ?? []),
          v,
        ]);
    }
  }
  // the one the review names; else the newest active; else the newest
  const pick = (askId: string, review: StoredReview) => {
    const all = [...(verifiedByAsk.get(askId) ?? [])].sort(
      (a, b) =>
        new Date(b.verified_at).getTime() - new Date(a.verified_at).getTime(),
    );
    return (
      all.find(v => v.id === review.verifiedAnswerId) ??
      all.find(v => v.status === 'active') ??
      all[0]
    );
  };
  const picked = asks.map(a => {
    const review = parseReview(a.review);
    const verified = pick(a.id, review);
    const noteIds = [
      ...(review.noteId ? [review.noteId] : []),
      ...(verified ? citationIds(verified.citations) : [])
        .filter(id => id.startsWith('note:'))
        .map(id => id.slice('note:'.length)),
    ];
    return { ask: a, verified, noteIds: [...new Set(noteIds)] };
  });

  const notes = new Map<string, CaseNote & { entityRef: string }>();
  const wanted = [...new Set(picked.flatMap(p => p.noteIds))].filter(id =>
    UUID.test(id),
  );
  if (wanted.length && (await knex.schema.hasTable('dpa_knowledge_notes'))) {
    for (const ids of chunked(wanted)) {
      const rows = (await knex('dpa_knowledge_notes')
        .whereIn('id', ids)
        .select(
          'id',
          'entity_ref',
          'text',
          'column',
          'author',
          'created_at',
        )) as Array<{
        id: string;
        entity_ref: string;
        text: string;
        column: string | null;
        author: string;
        created_at: string | Date;
      }>;
      for (const n of rows)
        notes.set(n.id, {
          id: n.id,
          entityRef: n.entity_ref,
          text: n.text,
          ...(n.column ? { column: n.column } : {}),
          author: n.author,
          createdAt: isoDate(n.created_at),
        });
    }
  }

  return picked
    .map(({ ask, verified, noteIds }) => ({
      ...ask,
      ...(verified ? { verified } : {}),
      notes: noteIds
        .map(id => notes.get(id))
        .filter(
          (n): n is CaseNote & { entityRef: string } =>
            n !== undefined &&
            n.entityRef.toLowerCase() === ask.entity_ref.toLowerCase(),
        )
        .map(({ entityRef: _entityRef, ...note }) => note),
    }))
    .sort((a, b) => {
      const at = (r: ReviewedAskRow) =>
        new Date(parseReview(r.review).reviewedAt ?? 0).getTime() || 0;
      return at(a) - at(b) || a.id.localeCompare(b.id);
    });
}

/** Reads rated and reviewed answers with knex from SQLite (a file path) or PostgreSQL (a postgres:// URL). */
export async function readReviews(db: string): Promise<ReviewData> {
  const knex = await openDb(db);
  try {
    const ratings = await readRatings(knex);
    const reviews = await readReviewed(knex);
    return { ratings, reviews };
  } finally {
    await knex.destroy();
  }
}

/** Reads rated answers only (see `readReviews` for owner reviews too). */
export async function readReviewRows(db: string): Promise<ReviewRow[]> {
  const knex = await openDb(db);
  try {
    return await readRatings(knex);
  } finally {
    await knex.destroy();
  }
}

/** The backend migrations the fixture runs, in order. */
const FIXTURE_MIGRATIONS = [
  '20261126130000_asks.js',
  '20261202120000_knowledge_notes.js',
  '20261210120000_ask_domain.js',
  '20261215120000_reviews.js',
];

/**
 * Test helper: a SQLite file with the backend's ask tables (its own
 * migrations: asks, knowledge notes, ask domain, reviews) holding the given
 * rows. `migrations: 'asks'` stops after the first, like a database from
 * before notes and reviews.
 */
export async function writeReviewFixtureDb(
  file: string,
  asks: Array<Record<string, unknown>>,
  feedback: Array<Record<string, unknown>>,
  extra: {
    notes?: Array<Record<string, unknown>>;
    verifiedAnswers?: Array<Record<string, unknown>>;
    migrations?: 'all' | 'asks';
  } = {},
): Promise<void> {
  const { default: knexFactory } = await import('knex');
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    const names =
      extra.migrations === 'asks'
        ? FIXTURE_MIGRATIONS.slice(0, 1)
        : FIXTURE_MIGRATIONS;
    for (const name of names) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const migration = require(path.join(
        REPO_ROOT,
        'plugins/data-product-assistant-backend/migrations',
        name,
      ));
      await migration.up(knex);
    }
    if (asks.length) await knex('dpa_asks').insert(asks);
    if (feedback.length) await knex('dpa_ask_feedback').insert(feedback);
    if (extra.notes?.length)
      await knex('dpa_knowledge_notes').insert(extra.notes);
    if (extra.verifiedAnswers?.length)
      await knex('dpa_verified_answers').insert(extra.verifiedAnswers);
  } finally {
    await knex.destroy();
  }
}
