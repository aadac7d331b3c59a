import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = path.resolve(__dirname, '../../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/dpa');

/** Runs the real `dpa` binary as a user would, returning exit code and output. */
export async function runDpa(
  args: string[],
  cwd = repoRoot,
  env: NodeJS.ProcessEnv = process.env,
) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      [bin, ...args],
      {
        cwd,
        env,
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
