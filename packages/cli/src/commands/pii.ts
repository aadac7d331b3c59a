import type { Command } from 'commander';
import { detectPii } from '@dpa/plugin-data-product-assistant-node';
import { runBatch, stringField } from '../lib/batch';
import { readTextFile } from '../lib/files';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';

function scan(text: string) {
  return {
    spans: detectPii(text).map(({ type, start, end, score }) => ({
      type,
      start,
      end,
      score,
    })),
  };
}

export function registerPii(program: Command) {
  program
    .command('pii')
    .description('Find personal data and secrets in text')
    .option('--text <text>', 'the text to scan')
    .option('--file <file>', 'a file whose text to scan')
    .option(
      '--batch <file>',
      'JSON lines of {"text"} or {"file"}; prints one result per line; a relative "file" path resolves against the batch file\'s folder',
    )
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        text?: string;
        file?: string;
        batch?: string;
        json?: boolean;
      }) => {
        if (opts.batch) {
          await runBatch(opts.batch, async (record, baseDir) => {
            const text = stringField(record, 'text');
            const file = stringField(record, 'file');
            if (text === undefined && file === undefined)
              throw new Error('"text" or "file" is required');
            return scan(text ?? readTextFile(file!, 'file', baseDir));
          });
          return;
        }
        if ((opts.text === undefined) === (opts.file === undefined)) {
          throw new UsageError(
            'give exactly one of --text or --file (or --batch)',
          );
        }
        const text = opts.text ?? readTextFile(opts.file!, 'file');
        const result = scan(text);
        if (opts.json) {
          printJson(result);
        } else if (result.spans.length === 0) {
          printText('No personal data or secrets found.');
        } else {
          printText(
            result.spans
              .map(
                s =>
                  `${s.type}\t${s.start}-${s.end}\t${s.score.toFixed(
                    2,
                  )}\t${text.slice(s.start, s.end)}`,
              )
              .join('\n'),
          );
        }
      },
    );
}
