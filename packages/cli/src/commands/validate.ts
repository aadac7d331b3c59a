import type { Command } from 'commander';
import {
  attributeClaims,
  contextFacts,
  createDomainModels,
  type Verdict,
} from '@dpa/plugin-data-product-assistant-node';
import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import { runBatch, stringField } from '../lib/batch';
import { parseClearance } from '../lib/clearance';
import { loadDomainConfig } from '../lib/domainConfig';
import { modelProviders } from '@dpa/evals/lib/modelProviders';
import { readTextFile } from '../lib/files';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';
import { checkQuestion } from './ask';

async function validateAnswer(
  contextFile: string,
  question: string,
  answer: string,
  options: {
    domain?: string;
    config: ReturnType<typeof loadDomainConfig>;
    clearance: Classification;
    baseDir?: string;
  },
): Promise<Verdict> {
  const context = contextFacts(
    readTextFile(contextFile, 'context', options.baseDir),
    contextFile,
  );
  if (!context.ok) {
    const [first] = context.issues;
    throw new UsageError(
      `context ${contextFile} is an invalid contract (${context.issues.length} problem(s)); first: ${first.path} ${first.message}`,
    );
  }
  const domain = options.domain ?? context.domain;
  const { validatorModel, scope } = createDomainModels(options.config, domain, {
    providers: modelProviders(),
  });
  const { verdict } = await validatorModel.validate({
    question,
    facts: context.facts,
    answer: attributeClaims(answer, context.facts),
    clearance: options.clearance,
    domain,
    scope,
  });
  return verdict;
}

export function registerValidate(program: Command) {
  program
    .command('validate')
    .description(
      "Vet an answer against a context (an ODCS contract or plain text) with the domain's validator",
    )
    .option('--context <file>', 'ODCS contract (YAML) or a plain text file')
    .option('--question <text>', 'the question that was asked')
    .option('--answer <text>', 'the answer to vet')
    .option(
      '--domain <domain>',
      "business domain whose validator runs (default: the contract's domain)",
    )
    .option(
      '--config <file>',
      'app-config with a dataProductAssistant section (default: built-in models)',
    )
    .option(
      '--clearance <level>',
      'highest classification the reader may see values of',
      'internal',
    )
    .option(
      '--batch <file>',
      'JSON lines of {"context", "question", "answer"}; one verdict per line; a relative "context" path resolves against the batch file\'s folder',
    )
    .option('--json', 'print one JSON document')
    .action(async opts => {
      const config = loadDomainConfig(opts.config);
      const clearance = parseClearance(opts.clearance);
      if (opts.batch) {
        await runBatch(opts.batch, async (record, baseDir) =>
          validateAnswer(
            stringField(record, 'context', true),
            stringField(record, 'question', true),
            stringField(record, 'answer', true),
            {
              domain: stringField(record, 'domain') ?? opts.domain,
              config,
              clearance,
              baseDir,
            },
          ),
        );
        return;
      }
      if (!opts.context)
        throw new UsageError('--context is required (or --batch)');
      if (!opts.answer?.trim())
        throw new UsageError('--answer is required and must not be empty');
      const verdict = await validateAnswer(
        opts.context,
        checkQuestion(opts.question),
        opts.answer,
        {
          domain: opts.domain,
          config,
          clearance,
        },
      );
      if (opts.json) {
        printJson(verdict);
        return;
      }
      printText(
        [
          `${verdict.status} (groundedness ${verdict.groundedness.toFixed(2)})`,
          ...verdict.reasons.map(
            r => `  ${r.severity} ${r.code}: ${r.message}`,
          ),
        ].join('\n'),
      );
    });
}
