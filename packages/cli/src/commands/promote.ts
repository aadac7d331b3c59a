import path from 'node:path';
import type { Command } from 'commander';
import { printJson, printText } from '../lib/output';
import { GateRefused } from '../lib/GateRefused';
import { UsageError } from '../lib/UsageError';
import { promote, PromoteInputError } from '@dpa/evals/lib/promote';
import { defaultOutDir } from '@dpa/evals/lib/runEval';

/** `dpa promote`: champion vs challenger on the domain's suites, the gate, and a registry record. */
export function registerPromote(program: Command) {
  program
    .command('promote')
    .description(
      "Evaluate a challenger model against a domain's champion and promote it if the gate passes",
    )
    .option(
      '--domain <domain>',
      'business domain (sales, customer, finance, logistics, marketing)',
    )
    .option(
      '--challenger <spec>',
      'YAML/JSON file holding a ModelSpec, or a model name defined in app-config',
    )
    .option(
      '--role <role>',
      'which model the challenger replaces: answer or validator',
      'answer',
    )
    .option(
      '--config <file>',
      'app-config with the dataProductAssistant models (default: app-config.yaml)',
    )
    .option('--registry <dir>', 'registry folder (default: evals/registry)')
    .option(
      '--by <userRef>',
      'who promotes, for the audit trail (default: $DPA_USER, else user:default/<OS user>)',
    )
    .option(
      '--out <dir>',
      'results folder (default: evals/results/<timestamp>-promote-<domain>/)',
    )
    .option('--json', 'print one JSON document')
    .action(async opts => {
      if (!opts.domain) throw new UsageError('--domain is required');
      if (!opts.challenger)
        throw new UsageError(
          '--challenger is required (a spec file or a model name)',
        );
      if (opts.role !== 'answer' && opts.role !== 'validator')
        throw new UsageError('--role must be answer or validator');
      const outDir = path.resolve(
        opts.out ?? `${defaultOutDir()}-promote-${opts.domain}`,
      );
      let result;
      try {
        result = await promote({
          domain: opts.domain,
          challenger: opts.challenger,
          role: opts.role,
          appConfig: opts.config ? path.resolve(opts.config) : undefined,
          registryDir: opts.registry ? path.resolve(opts.registry) : undefined,
          outDir,
          by: opts.by,
        });
      } catch (error) {
        if (error instanceof PromoteInputError)
          throw new UsageError(error.message);
        throw error;
      }
      const { record, file } = result;
      // a record that does not verify cannot name the champion: say so, never silently
      for (const r of result.refusedRecords)
        process.stderr.write(
          `dpa: registry record ${r.file} refused: ${r.problems.join('; ')}\n`,
        );
      if (opts.json)
        printJson({
          verdict: record.verdict,
          reasons: record.reasons,
          record: file,
          resultsDir: outDir,
          champion: record.champion,
          challenger: record.challenger,
          thresholds: record.thresholds,
        });
      else {
        const fmt = (v: number | null) => {
          if (v === null) return 'n/a';
          return Number.isInteger(v) ? String(v) : v.toFixed(3);
        };
        printText(
          [
            `${record.verdict.toUpperCase()}: ${record.role} model for ${
              record.domain
            }: ${record.challenger.name}@${
              record.challenger.specHash
            } vs champion ${record.champion.name}@${
              record.champion.specHash
            } (${record.champion.source})`,
            ...record.thresholds.map(
              t =>
                `  ${t.passed ? 'ok  ' : 'FAIL'} ${t.kind.padEnd(
                  7,
                )} ${t.metric.padEnd(34)} champion ${fmt(t.champion).padStart(
                  8,
                )}  challenger ${fmt(t.challenger).padStart(8)}  ${
                  t.skipped ? '(skipped)' : ''
                }`,
            ),
            ...record.reasons.map(r => `  ! ${r}`),
            `record ${file}`,
          ].join('\n'),
        );
      }
      if (record.verdict === 'refused') {
        throw new GateRefused(`the gate refused ${record.challenger.name}`);
      }
    });
}
