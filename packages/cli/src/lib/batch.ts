import path from 'node:path';
import { readTextFile } from './files';
import { printLine } from './output';

/** One line of a `--batch` file: the same fields as the command's flags. */
export type BatchRecord = Record<string, unknown>;

/**
 * Runs `handle` on every JSON line of a batch file and prints one JSON result
 * per line, in input order. A bad line yields `{"error": ...}`, not an abort.
 * Paths inside records are relative to the batch file.
 */
export async function runBatch(
  file: string,
  handle: (record: BatchRecord, baseDir: string) => Promise<unknown>,
): Promise<void> {
  const text = readTextFile(file, 'batch file');
  const baseDir = path.dirname(path.resolve(file));
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      printLine({
        error: `line ${i + 1}: not valid JSON (${(error as Error).message})`,
      });
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      printLine({ error: `line ${i + 1}: expected a JSON object` });
      continue;
    }
    try {
      printLine(await handle(record as BatchRecord, baseDir));
    } catch (error) {
      printLine({ error: `line ${i + 1}: ${(error as Error).message}` });
    }
  }
}

export function stringField(
  record: BatchRecord,
  name: string,
  required: true,
): string;
export function stringField(
  record: BatchRecord,
  name: string,
  required?: false,
): string | undefined;
export function stringField(
  record: BatchRecord,
  name: string,
  required = false,
) {
  const value = record[name];
  if (value === undefined || value === null) {
    if (required) throw new Error(`"${name}" is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new Error(`"${name}" must be a string`);
  return value;
}
