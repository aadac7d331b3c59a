import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { printJson, printText } from '../lib/output';
import { GateRefused } from '../lib/GateRefused';
import { UsageError } from '../lib/UsageError';
import {
  gateServedModels,
  type ServedGateOutcome,
} from '@dpa/evals/lib/servedGate';
import { SUITES_DIR, THRESHOLDS_FILE } from '@dpa/evals/lib/paths';
import { loadThresholds } from '@dpa/evals/lib/registryFiles';
import {
  readReviews,
  reviewCases,
  reviewSuiteYaml,
} from '@dpa/evals/lib/reviews';
import {
  defaultOutDir,
  listSuites,
  runEval,
  summaryMarkdown,
} from '@dpa/evals/lib/runEval';

const fmt = (v: number | null) => {
  if (v === null) return 'not measured';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
};

/** The gate's verdict for people: every failed threshold and the failing hard-category cases. */
export function gateText(gate: ServedGateOutcome, maxCases = 25): string {
  if (gate.passed)
    return `gate: passed (${gate.checked
      .map(c => c.label)
      .join(', ')} hold every hard threshold and floor)`;
  const cases = gate.hardCases
    .slice(0, maxCases)
    .map(
      c => `    ${c.label} ${c.suite}: ${c.case} [${c.categories.join(', ')}]`,
    );
  return [
    'gate: REFUSED',
    ...gate.failures.map(
      f =>
        `  ${f.label}: ${f.kind} ${f.metric} = ${fmt(f.challenger)} (must be ${
          f.op
        } ${f.value})`,
    ),
    ...(gate.hardCases.length
      ? [
          `  ${gate.hardCases.length} failing case(s) in hard categories (each fails the gate on its own):`,
          ...cases,
          ...(gate.hardCases.length > maxCases
            ? [`    … and ${gate.hardCases.length - maxCases} more (gate.json)`]
            : []),
        ]
      : []),
  ].join('\n');
}

/** `dpa eval`: runs the promptfoo suites on the served models; `dpa eval export-reviews` turns ratings and owner reviews into cases. */
export function registerEval(program: Command) {
  const evalCmd = program
    .command('eval')
    .description(
      'Run the evaluation suites (all by default) and write promptfoo JSON plus summary.md',
    )
    .option(
      '--suite <name...>',
      'suite(s) to run, e.g. answers-sales validator interop (comma-separated or repeated)',
    )
    .option(
      '--out <dir>',
      'results folder (default: evals/results/<timestamp>/)',
    )
    .option(
      '--gate',
      'exit 1 unless every model that ran holds the hard thresholds and floors of the thresholds file and no case of a hard category (PII, restricted, injection, governance) fails',
    )
    .option(
      '--thresholds <file>',
      'thresholds file for --gate (default: evals/thresholds.yaml)',
    )
    .option(
      '--config <file>',
      'app-config naming the served models (default: app-config.yaml); verified champions of evals/registry serve first',
    )
    .option('--json', 'print one JSON document')
    .action(async opts => {
      const known = listSuites();
      const suites = ((opts.suite as string[] | undefined) ?? [])
        .flatMap(s => s.split(','))
        .map(s => s.trim())
        .filter(Boolean);
      for (const s of suites)
        if (!known.includes(s))
          throw new UsageError(
            `unknown suite "${s}" (known: ${known.join(', ')})`,
          );
      const thresholdsFile = path.resolve(opts.thresholds ?? THRESHOLDS_FILE);
      let thresholds;
      if (opts.gate) {
        try {
          thresholds = loadThresholds(thresholdsFile);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }
      const appConfig = opts.config ? path.resolve(opts.config) : undefined;
      if (appConfig && !existsSync(appConfig))
        throw new UsageError(`--config ${opts.config}: no such file`);
      const outDir = path.resolve(opts.out ?? defaultOutDir());
      mkdirSync(outDir, { recursive: true });
      const run = await runEval({
        suites,
        outDir,
        appConfig,
        onSuite: opts.json
          ? undefined
          : s =>
              process.stderr.write(
                `dpa eval: ${s.suite} ${s.stats.successes} passed, ${
                  s.stats.failures
                } failed, ${s.stats.errors} errors (${(
                  s.durationMs / 1000
                ).toFixed(1)} s)\n`,
              ),
      });
      const gate = thresholds
        ? gateServedModels(run.metrics, run.roles, thresholds, run.hardCases)
        : undefined;
      if (gate) {
        writeFileSync(
          path.join(outDir, 'gate.json'),
          `${JSON.stringify({ thresholdsFile, ...gate }, null, 2)}\n`,
        );
        appendFileSync(
          path.join(outDir, 'summary.md'),
          `\n## Gate\n\n${gateText(gate)}\n`,
        );
      }
      if (opts.json) {
        printJson({
          gate,
          outDir,
          wallTimeMs: Math.round(run.wallTimeMs),
          promptfooVersion: run.promptfooVersion,
          datasets: run.datasets ?? null,
          suites: run.suites.map(s => ({
            suite: s.suite,
            passed: s.stats.successes,
            failed: s.stats.failures,
            errors: s.stats.errors,
            durationMs: Math.round(s.durationMs),
            file: s.outputFile,
          })),
          metrics: run.metrics,
          providers: run.providers,
        });
      } else {
        printText(
          `${summaryMarkdown(run)}\nwrote ${path.join(outDir, 'summary.md')}`,
        );
        if (gate) printText(gateText(gate));
      }
      // --json changes what is printed, never the verdict
      if (gate && !gate.passed) {
        throw new GateRefused(
          `gate refused: ${gate.failures.length} threshold(s) failed, ${gate.hardCases.length} hard-category case(s) failed`,
        );
      }
    });

  evalCmd
    .command('export-reviews')
    .description(
      'Turn rated answers (dpa_ask_feedback) and owner reviews (approved, corrected, rejected answers) into answer-suite cases under evals/suites/reviews/',
    )
    .option(
      '--db <file-or-url>',
      'SQLite file of the backend plugin, or a postgres:// URL',
    )
    .option(
      '--out <file>',
      'suite file to write (default: evals/suites/reviews/reviews-<date>.yaml)',
    )
    .option('--json', 'print one JSON document')
    .action(async (_opts, cmd: Command) => {
      // --out and --json are also options of `eval` itself; commander may hand them to either
      const opts = cmd.optsWithGlobals();
      if (!opts.db)
        throw new UsageError(
          '--db is required (a SQLite file or a postgres:// URL)',
        );
      let data;
      try {
        data = await readReviews(opts.db);
      } catch (error) {
        throw new UsageError(
          `cannot read reviews from ${opts.db}: ${
            (error as Error).message.split('\n')[0]
          }`,
        );
      }
      const now = new Date().toISOString();
      const { tests, skipped, reviewed, notes } = reviewCases(data);
      const out = path.resolve(
        opts.out ??
          path.join(SUITES_DIR, 'reviews', `reviews-${now.slice(0, 10)}.yaml`),
      );
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, reviewSuiteYaml(tests, now));
      const pending = tests.filter(
        t => (t.metadata as { review?: string }).review === 'pending',
      ).length;
      const summary = {
        file: out,
        rated: data.ratings.length,
        cases: tests.length - pending,
        pendingReview: pending,
        skipped,
        /** Expected-answer cases from approved and corrected answers. */
        reviewed,
        /** Cases carrying knowledge notes (vars.notes): a correction saved as a note, notes a verified answer cites. */
        notes,
      };
      if (opts.json) {
        printJson(summary);
        return;
      }
      const fromReviews = data.reviews.length
        ? ` (${reviewed} from owner reviews, ${notes} with knowledge notes)`
        : '';
      printText(
        `wrote ${out}: ${summary.cases} expected-answer case(s)${fromReviews}, ${pending} marked for review, ${skipped} skipped (unhelpful without comment)`,
      );
    });
}
