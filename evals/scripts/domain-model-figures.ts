/**
 * Held-back accuracy of a trained domain model: trains on the tune part of
 * owner-reviewed questions and answers the held-back test part with the
 * untrained and the trained answer model.
 *
 *   npx tsx evals/scripts/domain-model-figures.ts [--domain sales] [--reviews FILE...] [--split tune]
 *
 * Default material: the owner corrections fixture of the sales domain.
 */
import path from 'node:path';
import { REPO_ROOT } from '../lib/paths';
import type { SplitPart } from '../lib/splits';
import { domainModelFigures, figuresText } from './domainModelFigures.lib';

function arg(name: string): string[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return [];
  const out: string[] = [];
  for (const a of process.argv.slice(at + 1)) {
    if (a.startsWith('--')) break;
    out.push(a);
  }
  return out;
}

async function main() {
  const domain = arg('domain')[0] ?? 'sales';
  const reviews = arg('reviews').length
    ? arg('reviews').map(f => path.resolve(f))
    : [
        path.join(
          REPO_ROOT,
          'evals/lib/__fixtures__/sales-owner-corrections.yaml',
        ),
      ];
  const split = (arg('split')[0] ?? 'test') as SplitPart;
  process.stdout.write(
    `${figuresText(await domainModelFigures(domain, reviews, split))}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`domain-model-figures: ${(e as Error).message}\n`);
  process.exit(2);
});
