import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './UsageError';

const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads a text file the user named, with a message that says which and why when it fails. */
export function readTextFile(
  file: string,
  what: string,
  base = process.cwd(),
): string {
  const full = path.resolve(base, file);
  let size: number;
  try {
    const info = statSync(full);
    if (!info.isFile()) throw new UsageError(`${what} ${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} ${file} does not exist or cannot be read`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UsageError(
      `${what} ${file} is larger than ${MAX_INPUT_BYTES} bytes`,
    );
  }
  return readFileSync(full, 'utf8');
}
