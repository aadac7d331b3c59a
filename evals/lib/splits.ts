/**
 * Tune/test splits of the public dev files (../shared/datasets). Tuning (word
 * lists, thresholds, weights) may only look at the tune part; every figure the
 * suites, summary.md, scorecards, the registry and the README report is the
 * test part's. Hold-out files are never read (see `devOnly`).
 *
 * A record's part is a pure function of a stable key: sha256 over the seed,
 * the dataset name and the key, read as a number in [0, 1); below TEST_SHARE
 * is test. Adding or removing records never moves another record, and
 * records sharing a key (one Presidio template, one MIMIC table) always land
 * in the same part, so nothing learned from a tune item's wording or table
 * reaches the test part through a twin.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  HaluEvalRecord,
  PresidioRecord,
} from '../scripts/validatorFigures.lib';
import { devOnly } from './paths';

export type SplitPart = 'tune' | 'test';
export const SPLIT_PARTS: readonly SplitPart[] = ['tune', 'test'];

/** Fixed: changing it reshuffles every split and every reported figure with it. */
export const SPLIT_SEED = 'dpa-split-v1';
/** Expected share of keys in the test part (50/50). */
export const TEST_SHARE = 0.5;

export type SplitDataset =
  | 'halueval'
  | 'presidio'
  | 'mimic-omop'
  | 'adventureworks'
  | 'reviews';

/** The part a key of a dataset belongs to. */
export function splitOf(dataset: SplitDataset, key: string): SplitPart {
  const digest = createHash('sha256')
    .update(`${SPLIT_SEED}\0${dataset}\0${key}`)
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32 < TEST_SHARE ? 'test' : 'tune';
}

/** A MIMIC→OMOP correspondence as `test/fixtures/mimicOmop.ts` reads it. */
export interface CorrespondenceLike {
  source: { table: string; column: string };
}

/**
 * What is hashed for each dataset, and why:
 * - HaluEval QA: the question (unique per record);
 * - Presidio: the sentence template (`template_id`), so a template's phrasing is never in both parts;
 * - MIMIC→OMOP: the MIMIC source table, so no table is in both parts;
 * - AdventureWorks ODCS: the table name; the unseen answer questions (unseenCases.ts) take
 *   the part of the tables they name;
 * - owner-reviewed questions: the question, so `dpa train` learns from the tune part and the
 *   held-back test part measures what it learned.
 */
export const splitKeys = {
  halueval: (r: Pick<HaluEvalRecord, 'question'>) => r.question.trim(),
  presidio: (r: Pick<PresidioRecord, 'template_id' | 'full_text'>) =>
    r.template_id === undefined || r.template_id === null
      ? `text:${r.full_text}`
      : `template:${r.template_id}`,
  'mimic-omop': (c: CorrespondenceLike) => c.source.table.toLowerCase(),
  adventureworks: (t: { name: string }) => t.name,
  // owner-reviewed questions (dpa train): a question trains or is held back, never both
  reviews: (r: { question: string }) => r.question.trim().toLowerCase(),
} satisfies Record<SplitDataset, (r: never) => string>;

/** The records of one part, in their original order. */
export function inPart<T>(
  dataset: SplitDataset,
  records: readonly T[],
  key: (r: T) => string,
  part: SplitPart,
): T[] {
  return records.filter(r => splitOf(dataset, key(r)) === part);
}

export const HALUEVAL_DEV = 'halueval/qa-dev.jsonl';
export const PRESIDIO_DEV = 'presidio/pii-dev.json';

/** HaluEval QA dev records (empty when the file is not there). */
export function loadHaluEvalDev(datasets: string): HaluEvalRecord[] {
  const file = devOnly(path.join(datasets, HALUEVAL_DEV));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as HaluEvalRecord);
}

/** Presidio synthetic dev records (empty when the file is not there). */
export function loadPresidioDev(datasets: string): PresidioRecord[] {
  const file = devOnly(path.join(datasets, PRESIDIO_DEV));
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as PresidioRecord[];
}

export const haluEvalPart = (datasets: string, part: SplitPart) =>
  inPart('halueval', loadHaluEvalDev(datasets), splitKeys.halueval, part);

export const presidioPart = (datasets: string, part: SplitPart) =>
  inPart('presidio', loadPresidioDev(datasets), splitKeys.presidio, part);

/** The correspondences of one part (split by MIMIC source table). */
export const mimicOmopPart = <T extends CorrespondenceLike>(
  groundTruth: readonly T[],
  part: SplitPart,
) => inPart('mimic-omop', groundTruth, splitKeys['mimic-omop'], part);

/** `--split tune|test` of the figure scripts (default test); anything else is refused. */
export function parseSplitArg(argv: readonly string[]): SplitPart {
  const i = argv.indexOf('--split');
  if (i < 0) return 'test';
  const v = argv[i + 1];
  if (v !== 'tune' && v !== 'test')
    throw new Error(`--split must be tune or test, not ${v ?? '(nothing)'}`);
  return v;
}
