import { Command, CommanderError } from 'commander';
import { registerAsk } from './commands/ask';
import { registerPii } from './commands/pii';
import { registerInterop } from './commands/interop';
import { registerValidate } from './commands/validate';
import { registerEval } from './commands/eval';
import { registerPromote } from './commands/promote';
import { registerReview } from './commands/review';
import { registerTrain } from './commands/train';
import { GateRefused } from './lib/GateRefused';
import { UsageError } from './lib/UsageError';

export function createProgram(): Command {
  const program = new Command('dpa')
    .description(
      'Data Product Assistant: ask data products, validate answers, find PII',
    )
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      // commander's own parse errors become our one-line usage errors
      writeErr: () => undefined,
    });
  registerAsk(program);
  registerValidate(program);
  registerPii(program);
  registerInterop(program);
  registerEval(program);
  registerTrain(program);
  registerPromote(program);
  registerReview(program);
  return program;
}

/** Runs the CLI; returns the exit code: 0 ok, 1 failed gate, 2 bad input. */
export async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
      )
        return 0;
      if (error.code === 'commander.help') return 0;
      process.stderr.write(
        `dpa: ${error.message.replace(/^error: /, '').split('\n')[0]}\n`,
      );
      return 2;
    }
    if (error instanceof GateRefused) return 1;
    if (error instanceof UsageError) {
      process.stderr.write(`dpa: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    process.stderr.write(
      `dpa: unexpected error: ${(error as Error).message?.split('\n')[0]}\n`,
    );
    return 2;
  }
}
