import { existsSync } from 'node:fs';
import path from 'node:path';

/** Repository root (evals/ lives directly under it). */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EVALS_DIR = path.join(REPO_ROOT, 'evals');
export const SUITES_DIR = path.join(EVALS_DIR, 'suites');
export const REGISTRY_DIR = path.join(EVALS_DIR, 'registry');
export const RESULTS_DIR = path.join(EVALS_DIR, 'results');
export const THRESHOLDS_FILE = path.join(EVALS_DIR, 'thresholds.yaml');
export const APP_CONFIG_FILE = path.join(REPO_ROOT, 'app-config.yaml');

/** Public datasets (`../shared/datasets` beside the repository, or DPA_DATASETS_DIR). */
export function datasetsDir(): string | undefined {
  const dir =
    process.env.DPA_DATASETS_DIR ??
    path.resolve(REPO_ROOT, '../shared/datasets');
  return existsSync(dir) ? dir : undefined;
}

/** Refuses hold-out files: they are for release measurement only. */
export function devOnly(file: string): string {
  if (/holdout/i.test(path.basename(file)))
    throw new Error(`refusing to read hold-out file ${file}`);
  return file;
}

/** A path relative to the repository root, for records and summaries. */
export const repoRelative = (p: string) =>
  path.relative(REPO_ROOT, p).split(path.sep).join('/');

/** `file` relative to `dir` (with `/`) when it lies inside it, else `file` as given. */
export function relativeInside(dir: string, file: string): string {
  const rel = path.relative(dir, file);
  return rel.startsWith('..') || path.isAbsolute(rel)
    ? file
    : rel.split(path.sep).join('/');
}
