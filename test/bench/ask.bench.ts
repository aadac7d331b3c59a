/**
 * Ask benchmark (a plain script, not a vitest test):
 *   npx tsx test/bench/ask.bench.ts
 *  - ask.p95_ms: the built-in pipeline (facts → retrieval → packing → answer → validation),
 *    server side, over every demo product × a set of everyday questions; median of 5 runs
 *    after a warm-up run.
 *  - ask.tokens_ratio: tokens of the context packed for a hosted model ÷ tokens of the whole
 *    AdventureWorks contract, worst question of the set; every fact the answer cites is
 *    checked to be inside the packed context.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  ask,
  buildFacts,
  countTokens,
  createDomainModels,
  parseDomainConfig,
  selectContext,
} from '../../plugins/data-product-assistant-node/src';
import {
  adventureWorksProfile,
  adventureWorksText,
  demoProfile,
} from '../../plugins/data-product-assistant-node/src/__testUtils__/fixtures';
import type { BenchFigures } from './interop.bench';
import { median, percentile } from './stats';

const QUESTIONS = [
  'Who owns this data product?',
  'How fresh is the data?',
  'Which columns contain personal data?',
  'What is the primary key?',
  'How many tables are there?',
  'How do I get access?',
  'What quality rules apply?',
  'Which products does it depend on?',
  'What does status mean?',
  'What is the weather in Paris?',
];

const ADVENTUREWORKS_QUESTIONS = [
  'What is the primary key of salesorderdetail?',
  'What does the column rowguid mean in the person table?',
  'Which columns hold email addresses?',
  'How many tables are there?',
  'What does the table productinventory contain?',
  'Which columns are classified restricted?',
];

function demoPaths(): string[] {
  const root = path.resolve(__dirname, '../../examples/catalog/products');
  return readdirSync(root).flatMap(domain =>
    readdirSync(path.join(root, domain)).map(p => `${domain}/${p}`),
  );
}

export async function runAskBench(
  log: (line: string) => void = () => undefined,
): Promise<BenchFigures> {
  const config = parseDomainConfig({});
  const profiles = demoPaths().map(p => demoProfile(p));
  const facts = new Map(profiles.map(p => [p.entityRef, buildFacts(p)]));

  const runOnce = async () => {
    const latencies: number[] = [];
    for (const profile of profiles) {
      const models = createDomainModels(config, profile.domain);
      for (const question of QUESTIONS) {
        const started = performance.now();
        await ask({
          question,
          profile,
          facts: facts.get(profile.entityRef),
          answerModel: models.answerModel,
          validatorModel: models.validatorModel,
          clearance: 'internal',
          domain: profile.domain,
        });
        latencies.push(performance.now() - started);
      }
    }
    return latencies;
  };
  await runOnce(); // warm-up: tokenizer, indexes, JIT
  const p95s: number[] = [];
  for (let i = 0; i < 5; i++) p95s.push(percentile(await runOnce(), 95));
  log(`ask: p95 per run ${p95s.map(v => v.toFixed(1)).join(', ')} ms`);

  const aw = adventureWorksProfile();
  const awFacts = buildFacts(aw);
  const whole = countTokens(adventureWorksText());
  const models = createDomainModels(config, undefined);
  let worst = 0;
  for (const question of ADVENTUREWORKS_QUESTIONS) {
    const context = selectContext(question, awFacts, { tokenBudget: 2000 });
    const result = await ask({
      question,
      profile: aw,
      facts: awFacts,
      answerModel: models.answerModel,
      validatorModel: models.validatorModel,
      clearance: 'internal',
    });
    const packed = new Set(context.facts.map(f => f.id));
    const missing = result.output.claims
      .flatMap(c => c.citations)
      .filter(id => !packed.has(id));
    if (missing.length)
      throw new Error(
        `"${question}": cited facts outside the packed context: ${missing.join(
          ', ',
        )}`,
      );
    worst = Math.max(worst, context.tokens / whole);
    log(`ask: "${question}" packs ${context.tokens} of ${whole} tokens`);
  }

  return {
    'ask.p95_ms': {
      value: Math.round(median(p95s) * 100) / 100,
      unit: 'ms',
      note: `built-in pipeline, server side, ${profiles.length} demo products × ${QUESTIONS.length} questions; median of 5 runs' p95 after a warm-up`,
    },
    'ask.tokens_ratio': {
      value: Math.round(worst * 1000) / 1000,
      unit: 'ratio',
      note: `tokens packed for a hosted model ÷ tokens of the whole AdventureWorks contract (${whole}), worst of ${ADVENTUREWORKS_QUESTIONS.length} questions; cited facts all inside`,
    },
  };
}

if (require.main === module) {
  runAskBench(console.log).then(figures => console.table(figures));
}
