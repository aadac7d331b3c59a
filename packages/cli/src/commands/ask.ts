import type { Command } from 'commander';
import {
  ask,
  createDomainModels,
  parseContract,
  profileFromContract,
  type AskResult,
  type DomainConfig,
} from '@dpa/plugin-data-product-assistant-node';
import {
  MAX_QUESTION_LENGTH,
  type Classification,
} from '@dpa/plugin-data-product-assistant-common';
import { runBatch, stringField } from '../lib/batch';
import { parseClearance } from '../lib/clearance';
import { loadDomainConfig } from '../lib/domainConfig';
import { modelProviders } from '@dpa/evals/lib/modelProviders';
import { readTextFile } from '../lib/files';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';

export function checkQuestion(question: string | undefined): string {
  const q = question?.trim();
  if (!q) throw new UsageError('--question is required and must not be empty');
  if (q.length > MAX_QUESTION_LENGTH) {
    throw new UsageError(
      `--question is too long: the limit is ${MAX_QUESTION_LENGTH} characters`,
    );
  }
  return q;
}

/**
 * What a blocked answer reads as here: run locally, nothing is stored or
 * queued for the owners (the backend's record says it waits for review).
 */
export const WITHHELD_LOCALLY =
  "This answer was withheld by the validator (see the reasons). Asked locally, it was not stored and not queued for the data product owners' review; ask through the portal or its API to have them review it.";

/** The CLI's view of an ask: the shape DESIGN.md fixes for `dpa ask --json`. */
export function askOutput(result: AskResult) {
  return {
    answer:
      result.verdict.status === 'blocked' ? WITHHELD_LOCALLY : result.answer,
    verdict: {
      status: result.verdict.status,
      reasons: result.verdict.reasons,
      groundedness: result.verdict.groundedness,
    },
    citations: result.citations,
    model: result.answerModel,
    validator: result.validatorModel,
    usage: result.usage,
    latencyMs: Math.round(result.latencyMs * 100) / 100,
  };
}

async function askContract(
  contractFile: string,
  question: string,
  options: {
    domain?: string;
    config: DomainConfig;
    clearance: Classification;
    baseDir?: string;
  },
) {
  const text = readTextFile(contractFile, 'contract', options.baseDir);
  const parsed = parseContract(text);
  if (!parsed.ok) {
    const [first] = parsed.issues;
    throw new UsageError(
      `contract ${contractFile} is invalid (${parsed.issues.length} problem(s)); first: ${first.path} ${first.message}`,
    );
  }
  const profile = profileFromContract(parsed.contract, contractFile);
  const domain = options.domain ?? profile.domain;
  const models = createDomainModels(options.config, domain, {
    providers: modelProviders(),
  });
  return ask({
    question,
    profile,
    answerModel: models.answerModel,
    validatorModel: models.validatorModel,
    clearance: options.clearance,
    domain,
    scope: models.scope,
    tokenBudget: models.tokenBudget,
  });
}

export function registerAsk(program: Command) {
  program
    .command('ask')
    .description(
      "Ask a data product's contract a question; the answer is validated before it is printed",
    )
    .option('--contract <file>', 'ODCS contract (YAML)')
    .option(
      '--domain <domain>',
      "business domain whose models answer (default: the contract's domain)",
    )
    .option('--question <text>', 'the question')
    .option(
      '--config <file>',
      'app-config with a dataProductAssistant section (default: built-in models)',
    )
    .option(
      '--clearance <level>',
      'highest classification the asker may see values of',
      'internal',
    )
    .option(
      '--batch <file>',
      'JSON lines of {"contract", "question", "domain"?}; one result per line; a relative "contract" path resolves against the batch file\'s folder',
    )
    .option('--json', 'print one JSON document')
    .action(async opts => {
      const config = loadDomainConfig(opts.config);
      const clearance = parseClearance(opts.clearance);
      if (opts.batch) {
        await runBatch(opts.batch, async (record, baseDir) => {
          const contract = stringField(record, 'contract', true);
          const question = stringField(record, 'question', true).trim();
          if (!question) throw new Error('"question" must not be empty');
          const result = await askContract(contract, question, {
            domain: stringField(record, 'domain') ?? opts.domain,
            config,
            clearance,
            baseDir,
          });
          return askOutput(result);
        });
        return;
      }
      if (!opts.contract)
        throw new UsageError('--contract is required (or --batch)');
      const result = await askContract(
        opts.contract,
        checkQuestion(opts.question),
        {
          domain: opts.domain,
          config,
          clearance,
        },
      );
      const out = askOutput(result);
      if (opts.json) {
        printJson(out);
        return;
      }
      printText(
        [
          `[${out.verdict.status}] ${out.answer}`,
          ...out.verdict.reasons.map(r => `  ! ${r.code}: ${r.message}`),
          ...out.citations.map(c => `  [${c.id}] ${c.text}`),
          `  model ${out.model.name}@${out.model.version} · validator ${
            out.validator.name
          }@${out.validator.version} · ${
            out.latencyMs
          } ms · $${out.usage.costUsd.toFixed(6)}`,
        ].join('\n'),
      );
    });
}
