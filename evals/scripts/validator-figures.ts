/**
 * Measures the built-in validator on one part of the dev files' tune/test split (evals/lib/splits.ts):
 *   npx tsx evals/scripts/validator-figures.ts [--split tune|test] [--out figures.json] [--data /work/shared/datasets] [--misses 20]
 * `--split` defaults to test, the part every reported figure comes from; tune work looks at `--split tune` only.
 * `--misses N` prints up to N HaluEval misses (hallucinated answers approved, right answers not) with reasons.
 * Hallucination: HaluEval QA (right answers should be approved, hallucinated ones not).
 * PII: Presidio synthetic sentences, span-level P/R/F1 per supported type.
 * Reads only the *-dev files; the hold-out files are for release measurement.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectPii } from '../../plugins/data-product-assistant-node/src/pii/detectPii';
import type { PiiType } from '../../plugins/data-product-assistant-node/src/pii/types';
import { createBuiltinValidator } from '../../plugins/data-product-assistant-node/src/validator/builtinValidator';
import {
  anchors,
  BinaryScore,
  haluCases,
  HaluEvalRecord,
  presidioGold,
  presidioLabelMap,
  PresidioRecord,
  scoreBinary,
  scoreSpans,
  wordOverlapBaseline,
} from './validatorFigures.lib';
import { haluEvalPart, parseSplitArg, presidioPart } from '../lib/splits';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir =
  arg('data') ??
  process.env.DPA_DATASETS_DIR ??
  resolve(__dirname, '../../../shared/datasets');
const split = splitArg();

function splitArg() {
  try {
    return parseSplitArg(process.argv);
  } catch (e) {
    console.error((e as Error).message);
    return process.exit(2);
  }
}
const out = arg('out');
const missLimit = Number(arg('misses') ?? 0);
const misses: string[] = [];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

async function halueval(
  options: Record<string, unknown>,
): Promise<BinaryScore> {
  const records: HaluEvalRecord[] = haluEvalPart(dataDir, split);
  const validator = createBuiltinValidator({
    provider: 'builtin',
    model: 'validator-rules',
    options,
  });
  const items: Array<{ hallucinated: boolean; notApproved: boolean }> = [];
  let i = 0;
  for (const r of records) {
    for (const c of haluCases(r, i++)) {
      const { verdict } = await validator.validate({
        question: c.question,
        facts: c.facts,
        answer: c.answer,
        clearance: 'internal',
      });
      const notApproved = verdict.status !== 'approved';
      items.push({ hallucinated: c.hallucinated, notApproved });
      if (
        missLimit &&
        Object.keys(options).length === 0 &&
        c.hallucinated !== notApproved &&
        misses.length < missLimit
      ) {
        misses.push(
          `  ${
            c.hallucinated
              ? 'FN (hallucinated, approved)'
              : `FP (right answer, ${verdict.status})`
          } #${i - 1}\n` +
            `    Q: ${c.question}\n    A: ${c.answer.answer}\n` +
            (verdict.reasons.length
              ? `    ${verdict.reasons.map(x => x.message).join(' | ')}\n`
              : ''),
        );
      }
    }
  }
  return scoreBinary(items);
}

function overlapFloor(): BinaryScore {
  const records = haluEvalPart(dataDir, split);
  return scoreBinary(
    records.flatMap(r => [
      {
        hallucinated: false,
        notApproved: !wordOverlapBaseline(r.right_answer, r.knowledge),
      },
      {
        hallucinated: true,
        notApproved: !wordOverlapBaseline(r.hallucinated_answer, r.knowledge),
      },
    ]),
  );
}

function presidio() {
  const records: PresidioRecord[] = presidioPart(dataDir, split);
  const types = [...new Set(Object.values(presidioLabelMap))] as PiiType[];
  const docs = records.map(r => ({
    gold: presidioGold(r),
    predicted: detectPii(r.full_text, { types }),
  }));
  return { n: records.length, ...scoreSpans(docs, types) };
}

async function main() {
  const t0 = Date.now();
  const full = await halueval({});
  const groundOnly = await halueval({
    governance: false,
    scope: false,
    injection: false,
  });
  const floor = overlapFloor();
  const pii = presidio();
  const ms = Date.now() - t0;

  console.log(`split: ${split} part of the dev files (evals/lib/splits.ts)\n`);
  console.log(
    `Hallucination — HaluEval QA dev, ${split} part (positive = hallucinated, predicted = not approved)`,
  );
  const row = (name: string, s: BinaryScore) =>
    console.log(
      `  ${name.padEnd(34)} n=${s.n}  balanced acc ${pct(
        s.balancedAccuracy,
      )}  P ${f2(s.precision)}  R ${f2(s.recall)}  specificity ${f2(
        s.specificity,
      )}`,
    );
  row('builtin validator (all checks)', full);
  row('builtin validator (groundedness)', groundOnly);
  row('word overlap, all words (floor)', floor);
  if (missLimit)
    console.log(`  misses (first ${missLimit}):\n${misses.join('')}`);
  console.log('  published anchors (other datasets, not comparable 1:1):');
  for (const a of anchors.hallucination)
    console.log(`    ${a.name}: ${pct(a.value)} ${a.metric} on ${a.dataset}`);

  console.log(
    `\nPII — Presidio synthetic dev, ${split} part (n=${pii.n} sentences, span overlap ≥ 50%, same type)`,
  );
  console.log('  type              P      R      F1     tp   fp   fn');
  for (const [t, s] of Object.entries(pii.perType)) {
    console.log(
      `  ${t.padEnd(16)} ${f2(s.precision).padStart(5)}  ${f2(
        s.recall,
      ).padStart(5)}  ${f2(s.f1).padStart(5)}  ${String(s.tp).padStart(
        4,
      )} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
    );
  }
  const m = pii.micro;
  console.log(
    `  ${'micro'.padEnd(16)} ${f2(m.precision).padStart(5)}  ${f2(
      m.recall,
    ).padStart(5)}  ${f2(m.f1).padStart(5)}  ${String(m.tp).padStart(
      4,
    )} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}`,
  );
  console.log(
    '  presidio labels mapped:',
    Object.entries(presidioLabelMap)
      .map(([k, v]) => `${k}→${v}`)
      .join(', '),
  );
  console.log('  published anchors (token-level, all presidio types):');
  for (const a of anchors.pii)
    console.log(`    ${a.name}: P ${f2(a.precision)} / R ${f2(a.recall)}`);
  console.log(`\n(${ms} ms)`);

  if (out) {
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          split,
          halueval: {
            full,
            groundednessOnly: groundOnly,
            wordOverlapFloor: floor,
          },
          presidio: pii,
          anchors,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${out}`);
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
