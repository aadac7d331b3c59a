/**
 * Measures the built-in validator on one part of the tune/test split (evals/lib/splits.ts):
 *   npx tsx evals/scripts/validator-figures.ts [--split tune|test] [--out figures.json] [--data /work/shared/datasets] [--misses 20]
 * `--split` defaults to test, the part every reported figure comes from; tune work looks at `--split tune` only.
 * `--misses N` prints up to N HaluEval misses (hallucinated answers approved, right answers not) with reasons.
 *   - Hallucination: HaluEval QA (right answers should be approved, hallucinated ones not), beside the bare
 *     word-overlap check on the same items: exact McNemar test and a bootstrap interval of the difference.
 *   - Contract-graph swaps: the AdventureWorks contract's tables of the part, and (with --split test) the
 *     unseen contracts; catch rate of swapped statements and false alarms on correct ones.
 *   - PII: Presidio synthetic sentences, span-level and token-level P/R/F1/F2 per supported type, and the
 *     planted-sentence cases of the suite's `pii-sample` category over the whole part.
 *   - Latency of one validator call.
 * Reads only the *-dev files; the hold-out files are for release measurement.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mcnemarExact } from '../../plugins/data-product-assistant-node/src/registry/pairedTest';
import { detectPii } from '../../plugins/data-product-assistant-node/src/pii/detectPii';
import type { PiiType } from '../../plugins/data-product-assistant-node/src/pii/types';
import type { ValidateRequest } from '../../plugins/data-product-assistant-node/src/models/types';
import { validateWithRules } from '../../plugins/data-product-assistant-node/src/validator/builtinValidator';
import {
  anchors,
  BinaryScore,
  binomialLowerCount,
  haluCases,
  joinAdjacentSpans,
  pairedComparison,
  presidioGold,
  presidioLabelMap,
  PresidioRecord,
  Prf,
  scoreBinary,
  scoreSpans,
  scoreTokens,
  wilson,
  wordOverlapBaseline,
} from './validatorFigures.lib';
import { GRAPH_RELATIONS } from './validatorSwaps.lib';
import { haluEvalPart, parseSplitArg, presidioPart } from '../lib/splits';
import { graphSwapSources, graphSwapStatements } from '../lib/validatorCases';
import { loadContext } from '../lib/products';

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
const latencies: number[] = [];

/** One validator call, timed. */
function validate(req: ValidateRequest, options: Record<string, unknown> = {}) {
  const t = performance.now();
  const v = validateWithRules(req, options);
  latencies.push(performance.now() - t);
  return v;
}

function halueval(options: Record<string, unknown>) {
  const records = haluEvalPart(dataDir, split);
  const items: Array<{
    hallucinated: boolean;
    notApproved: boolean;
    group: number;
  }> = [];
  records.forEach((r, i) => {
    for (const c of haluCases(r, i)) {
      const verdict = validate(
        {
          question: c.question,
          facts: c.facts,
          answer: c.answer,
          clearance: 'internal',
        },
        options,
      );
      const notApproved = verdict.status !== 'approved';
      items.push({ hallucinated: c.hallucinated, notApproved, group: i });
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
          } #${i}\n    Q: ${c.question}\n    A: ${c.answer.answer}\n` +
            (verdict.reasons.length
              ? `    ${verdict.reasons.map(x => x.message).join(' | ')}\n`
              : ''),
        );
      }
    }
  });
  return items;
}

function overlapItems() {
  return haluEvalPart(dataDir, split).flatMap((r, i) => [
    {
      hallucinated: false,
      notApproved: !wordOverlapBaseline(r.right_answer, r.knowledge),
      group: i,
    },
    {
      hallucinated: true,
      notApproved: !wordOverlapBaseline(r.hallucinated_answer, r.knowledge),
      group: i,
    },
  ]);
}

interface SwapScore {
  caught: number;
  swapped: number;
  falseAlarms: number;
  correct: number;
}

function graphSwaps() {
  const bySource: Record<string, Record<string, SwapScore>> = {};
  for (const src of graphSwapSources(dataDir, split)) {
    // the unseen contracts are test material: never looked at with --split tune
    if (split === 'tune' && !src.part) continue;
    const { product, statements } = graphSwapStatements(src);
    const facts = product.facts;
    const rows: Record<string, SwapScore> = {};
    for (const st of statements) {
      const v = validate({
        question: st.question,
        facts,
        answer: {
          answer: st.text,
          claims: [{ text: st.text, citations: st.citations }],
          abstained: false,
        },
        clearance: 'internal',
      });
      for (const key of [st.relation, 'all']) {
        const r = (rows[key] ??= {
          caught: 0,
          swapped: 0,
          falseAlarms: 0,
          correct: 0,
        });
        const notApproved = v.status !== 'approved';
        if (st.swapped) {
          r.swapped++;
          if (notApproved) r.caught++;
        } else {
          r.correct++;
          if (notApproved) r.falseAlarms++;
        }
      }
    }
    bySource[src.part ? `${src.source} (${src.part} tables)` : src.source] =
      rows;
  }
  return bySource;
}

const PII_TYPES = [...new Set(Object.values(presidioLabelMap))] as PiiType[];

function presidio() {
  const records: PresidioRecord[] = presidioPart(dataDir, split);
  const docs = records.map(r => ({
    text: r.full_text,
    gold: presidioGold(r),
    predicted: detectPii(r.full_text, { types: PII_TYPES }),
  }));
  return {
    n: records.length,
    spans: scoreSpans(docs, PII_TYPES),
    joinedSpans: scoreSpans(
      docs.map(d => ({
        gold: joinAdjacentSpans(d.text, d.gold),
        predicted: joinAdjacentSpans(d.text, d.predicted),
      })),
      PII_TYPES,
    ),
    tokens: scoreTokens(docs, PII_TYPES),
  };
}

/**
 * The suite's `pii-sample` cases over every sentence of the part (the suite samples 40 of the
 * test part): a sentence with PII planted in a grounded answer must carry a `pii` reason, the
 * same sentence with each span replaced by its label must not. Also with the person and
 * street-address detectors off, to show what they add.
 */
function plantedPii() {
  const facts = loadContext(
    'examples/catalog/products/sales/sales-orders/contract.odcs.yaml',
  );
  const base = 'The primary key of table orders is order_id.';
  const records = presidioPart(dataDir, split).filter(r =>
    r.spans.some(s => presidioLabelMap[s.entity_type]),
  );
  const run = (pii: Record<string, unknown>) => {
    let caught = 0;
    let falseAlarms = 0;
    for (const r of records) {
      let scrubbed = r.full_text;
      for (const s of [...r.spans].sort(
        (a, b) => b.start_position - a.start_position,
      ))
        scrubbed = `${scrubbed.slice(0, s.start_position)}<${
          s.entity_type
        }>${scrubbed.slice(s.end_position)}`;
      for (const [text, positive] of [
        [r.full_text, true],
        [scrubbed, false],
      ] as const) {
        const answer = `${base} ${text.replace(/\s+/g, ' ').trim()}`;
        const v = validateWithRules(
          {
            question: 'What is the primary key of orders?',
            facts,
            answer: {
              answer,
              claims: [{ text: answer, citations: ['key:orders'] }],
              abstained: false,
            },
            clearance: 'internal',
          },
          pii,
        );
        const flagged = v.reasons.some(x => x.code === 'pii');
        if (positive && flagged) caught++;
        if (!positive && flagged) falseAlarms++;
      }
    }
    return { n: records.length, caught, falseAlarms };
  };
  return { all: run({}), n: records.length };
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return (
    s[
      Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))
    ] ?? 0
  );
}

function prfRow(name: string, s: Prf) {
  return `  ${name.padEnd(16)} ${f2(s.precision).padStart(5)}  ${f2(
    s.recall,
  ).padStart(5)}  ${f2(s.f1).padStart(5)}  ${f2(s.f2).padStart(5)}  ${String(
    s.tp,
  ).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;
}

function main() {
  const t0 = Date.now();
  const fullItems = halueval({});
  const full = scoreBinary(fullItems);
  const groundOnly = scoreBinary(
    halueval({ governance: false, scope: false, injection: false }),
  );
  const overlap = overlapItems();
  const floor = scoreBinary(overlap);
  const compared = pairedComparison(
    fullItems.map((x, i) => ({
      group: x.group,
      hallucinated: x.hallucinated,
      a: x.notApproved,
      b: overlap[i].notApproved,
    })),
    (onlyB, onlyA) => mcnemarExact(onlyB, onlyA),
  );
  const swaps = graphSwaps();
  const pii = presidio();
  const planted = plantedPii();
  // Warm: the same HaluEval and swap calls again, as a long-running server sees them
  // (WordNet look-ups and the English model are loaded and cached by now).
  const cold = latencies.splice(0);
  const missesShown = misses.length;
  halueval({});
  misses.length = missesShown; // the warm pass repeats the same misses
  graphSwaps();
  const warm = latencies.splice(0);
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
  console.log(
    `  validator − word overlap: ${(compared.diff * 100).toFixed(
      1,
    )} points balanced accuracy, 95% bootstrap CI [${(
      compared.ci[0] * 100
    ).toFixed(1)}, ${(compared.ci[1] * 100).toFixed(
      1,
    )}]; items only the validator gets right ${
      compared.onlyA
    }, only word overlap ${
      compared.onlyB
    }, exact McNemar p = ${compared.pValue.toPrecision(2)}`,
  );
  if (missLimit)
    console.log(`  misses (first ${missLimit}):\n${misses.join('')}`);
  console.log('  published anchors (other datasets, not comparable 1:1):');
  for (const a of anchors.hallucination)
    console.log(`    ${a.name}: ${pct(a.value)} ${a.metric} on ${a.dataset}`);

  console.log(
    `\nContract-graph swaps (validatorSwaps.lib.ts): caught = swapped statement not approved; false alarm = correct statement not approved`,
  );
  for (const [source, rows] of Object.entries(swaps)) {
    console.log(`  ${source}`);
    for (const rel of [...GRAPH_RELATIONS, 'all']) {
      const r = rows[rel];
      if (!r) continue;
      const [lo, hi] = wilson(r.caught, r.swapped);
      console.log(
        `    ${rel.padEnd(13)} caught ${r.caught}/${r.swapped} (${pct(
          r.caught / r.swapped,
        )}, 95% CI ${pct(lo)}–${pct(hi)})  false alarms ${r.falseAlarms}/${
          r.correct
        } (${pct(r.falseAlarms / r.correct)})`,
      );
    }
  }

  for (const [name, s] of [
    ['span overlap ≥ 50%, same type', pii.spans],
    [
      'span overlap ≥ 50%, parts joined across spaces and punctuation as Presidio joins them',
      pii.joinedSpans,
    ],
    ['tokens, as Presidio evaluates', pii.tokens],
  ] as const) {
    console.log(
      `\nPII — Presidio synthetic dev, ${split} part (n=${pii.n} sentences, ${name})`,
    );
    console.log('  type              P      R      F1     F2     tp   fp   fn');
    for (const [t, v] of Object.entries(s.perType)) console.log(prfRow(t, v));
    console.log(prfRow('micro', s.micro));
  }
  console.log(
    '  presidio labels mapped:',
    Object.entries(presidioLabelMap)
      .map(([k, v]) => `${k}→${v}`)
      .join(', '),
  );
  console.log('  published anchors (token-level, all presidio types):');
  for (const a of anchors.pii)
    console.log(`    ${a.name}: P ${f2(a.precision)} / R ${f2(a.recall)}`);
  const p = planted.all;
  const rate = p.caught / p.n;
  const precision = p.caught / (p.caught + p.falseAlarms || 1);
  console.log(
    `\nPlanted PII (the suite's pii-sample cases, every sentence of the ${split} part): caught ${
      p.caught
    }/${p.n} (${pct(rate)}), false alarms on the scrubbed twins ${
      p.falseAlarms
    }/${p.n}, precision ${f2(precision)}`,
  );
  console.log(
    `  a validator catching ${pct(rate)} catches at least ${binomialLowerCount(
      40,
      rate,
    )}/40 of a 40-sentence sample 95% of the time`,
  );
  for (const [name, xs] of [
    ['first pass', cold],
    ['warm', warm],
  ] as const)
    console.log(
      `${
        name === 'first pass' ? '\n' : ''
      }Validator latency per call (${name}): median ${percentile(
        xs,
        50,
      ).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms, max ${Math.max(
        ...xs,
      ).toFixed(1)} ms over ${xs.length} calls`,
    );
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
            versusWordOverlap: compared,
          },
          graphSwaps: swaps,
          presidio: pii,
          plantedPii: planted,
          latencyMs: {
            firstPass: {
              median: percentile(cold, 50),
              p95: percentile(cold, 95),
              calls: cold.length,
            },
            warm: {
              median: percentile(warm, 50),
              p95: percentile(warm, 95),
              calls: warm.length,
            },
          },
          anchors,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${out}`);
  }
}

main();
