import path from 'node:path';
import type { Command } from 'commander';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';
import {
  APP_CONFIG_FILE,
  relativeInside,
  REPO_ROOT,
} from '@dpa/evals/lib/paths';
import { loadDomainConfig } from '../lib/domainConfig';
import { trainDomain, TrainInputError } from '@dpa/evals/lib/domainModels';

/** A path as people read it: relative to the repository when inside it. */
const shown = (file: string) => relativeInside(REPO_ROOT, file);

/** The answer model `--base` names in an app-config file. */
function baseModel(name: string, file: string) {
  const { models } = loadDomainConfig(file);
  const spec = models[name];
  if (!spec)
    throw new UsageError(
      `--base ${name}: no such model in ${shown(file)} (models: ${
        Object.keys(models).join(', ') || 'none'
      })`,
    );
  return { name, spec };
}

/** `dpa train`: a domain model artifact from the domain's material, and the challenger spec that names it. */
export function registerTrain(program: Command) {
  program
    .command('train')
    .description(
      "Train a domain's answer model from its contracts, glossary links, owners' notes and reviewed answers; writes the artifact and a challenger spec for dpa promote",
    )
    .option(
      '--domain <domain>',
      'business domain (sales, customer, finance, logistics, marketing)',
    )
    .option(
      '--reviews <file...>',
      'exported review suites to learn from (default: evals/suites/reviews/*.yaml, as dpa eval export-reviews writes them)',
    )
    .option('--out <dir>', 'folder of the artifact (default: evals/models)')
    .option(
      '--challenger <file>',
      'the challenger spec to write (default: evals/challengers/<domain>-trained.yaml)',
    )
    .option(
      '--base <model>',
      'serve the artifact with this model of --config instead of the built-in one (a hosted model gets the glossary and verified examples as prompt context)',
    )
    .option(
      '--config <file>',
      'app-config naming the --base model (default: app-config.yaml)',
    )
    .option('--json', 'print one JSON document')
    .action(opts => {
      if (!opts.domain) throw new UsageError('--domain is required');
      const base = opts.base
        ? baseModel(opts.base, opts.config ?? APP_CONFIG_FILE)
        : undefined;
      let result;
      try {
        result = trainDomain({
          domain: opts.domain,
          reviews: opts.reviews?.map((f: string) => path.resolve(f)),
          outDir: opts.out,
          challengerFile: opts.challenger,
          base,
        });
      } catch (error) {
        if (error instanceof TrainInputError)
          throw new UsageError(error.message);
        throw error;
      }
      const { artifact } = result;
      const summary = {
        domain: artifact.domain,
        artifact: shown(result.artifactFile),
        hash: result.hash,
        trainingHash: artifact.trainingHash,
        challenger: shown(result.challengerFile),
        ...(result.validatorChallengerFile
          ? {
              validatorChallenger: shown(result.validatorChallengerFile),
            }
          : {}),
        material: artifact.material,
        expansions: artifact.expansions,
        validator: artifact.validator,
      };
      if (opts.json) {
        printJson({ ...summary, spec: result.spec });
        return;
      }
      const expansions = Object.entries(artifact.expansions);
      printText(
        [
          `trained ${result.name}: ${artifact.material.verifiedAnswers} verified answers, ${artifact.material.products.length} products, ${artifact.material.notes} notes, ${artifact.material.glossaryLinks} glossary links`,
          `  expansions: ${
            expansions.length
              ? expansions
                  .map(([from, e]) => `${from} → ${e.to} (${e.support})`)
                  .join(', ')
              : 'none learned'
          }`,
          `  validator minCoverage ${artifact.validator.minCoverage} (approves ${artifact.validator.approved} of ${artifact.validator.calibratedOn} verified answers)`,
          `artifact ${summary.artifact} (sha256 ${result.hash.slice(0, 12)})`,
          `challenger ${summary.challenger}`,
          `next: npx dpa promote --domain ${artifact.domain} --challenger ${summary.challenger} --role answer`,
          ...(summary.validatorChallenger
            ? [
                `validator challenger ${summary.validatorChallenger}: npx dpa promote --domain ${artifact.domain} --challenger ${summary.validatorChallenger} --role validator`,
              ]
            : []),
        ].join('\n'),
      );
    });
}
