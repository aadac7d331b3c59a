/**
 * The served answer pipeline on questions nobody tuned on (evals/lib/unseenCases.ts):
 *   npx tsx evals/scripts/answer-figures.ts [--split tune|test] [--misses] [--out figures.json]
 * `--split` defaults to test, the part every reported figure comes from; tuning looks at
 * `--split tune` only, and `--misses` (the failing questions with why) is refused on test.
 * A case is right when the answer suite's own judgement passes (asserts.ts `judgeAnswer`).
 * Beside it, a plain BM25 baseline measured in the same run: the top-ranked facts of a
 * fielded BM25 index over the fact texts (no intents, no expansion, never abstains) are
 * right when they are the facts the question expects.
 */
import { writeFileSync } from 'node:fs';
import { FieldIndex } from '../../plugins/data-product-assistant-node/src/text';
import DpaAnswerProvider from '../providers/answerProvider';
import { judgeAnswer, type AnswerExpectation } from '../lib/asserts';
import { datasetsDir } from '../lib/paths';
import { loadProduct } from '../lib/products';
import { parseSplitArg } from '../lib/splits';
import { unseenCases } from '../lib/unseenCases';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function splitArg() {
  try {
    return parseSplitArg(process.argv);
  } catch (e) {
    console.error((e as Error).message);
    return process.exit(2);
  }
}

const split = splitArg();
const showMisses = process.argv.includes('--misses');
if (showMisses && split === 'test') {
  console.error(
    '--misses is for the tune part only: test-part failures are not looked at',
  );
  process.exit(2);
}

const baselines = new Map<string, FieldIndex<'text'>>();
/** Plain BM25 over the fact texts: the top facts, as many as the question expects. */
function baselineRight(
  contract: string,
  question: string,
  expect: AnswerExpectation,
) {
  if (expect.kind !== 'answer') return false;
  let index = baselines.get(contract);
  if (!index) {
    index = new FieldIndex({ fields: ['text'] });
    index.add(
      loadProduct(contract).facts.map(f => ({ id: f.id, text: f.text })),
    );
    baselines.set(contract, index);
  }
  const want = expect.facts ?? [];
  const top = index.query(question, { limit: want.length }).map(h => h.id);
  return want.length > 0 && want.every(f => top.includes(f));
}

async function main() {
  const cases = unseenCases(datasetsDir(), split);
  if (!cases.length) {
    console.error('no cases: are the datasets on this machine?');
    process.exit(2);
  }
  const provider = new DpaAnswerProvider({ label: 'unseen-served' });
  type Row = {
    source: string;
    about: string;
    right: boolean;
    baseline: boolean;
  };
  const rows: Row[] = [];
  const misses: string[] = [];
  const latencies: number[] = [];
  for (const c of cases) {
    const vars = c.vars as { contract: string; question: string };
    const md = c.metadata as {
      source: string;
      about: string;
      expect: AnswerExpectation;
    };
    const res = await provider.callApi(vars.question, { vars });
    latencies.push(res.latencyMs ?? 0);
    const out = res.output ? JSON.parse(res.output) : undefined;
    const j = out
      ? judgeAnswer(out, md.expect)
      : { pass: false, problems: [res.error ?? 'no output'] };
    rows.push({
      source: md.source,
      about: md.about,
      right: j.pass,
      baseline: baselineRight(vars.contract, vars.question, md.expect),
    });
    if (!j.pass && showMisses)
      misses.push(
        `✗ [${md.source} ${md.about}] ${vars.question}\n    ${j.problems.join(
          '; ',
        )}\n    → ${(out?.answer ?? '').slice(0, 400)}`,
      );
  }
  const share = (rs: Row[], k: 'right' | 'baseline') =>
    rs.length ? rs.filter(r => r[k]).length / rs.length : 0;
  const group = (key: 'source' | 'about') => {
    const out: Record<string, { n: number; right: number; baseline: number }> =
      {};
    for (const v of [...new Set(rows.map(r => r[key]))].sort()) {
      const rs = rows.filter(r => r[key] === v);
      out[v] = {
        n: rs.length,
        right: share(rs, 'right'),
        baseline: share(rs, 'baseline'),
      };
    }
    return out;
  };
  const sorted = [...latencies].sort((a, b) => a - b);
  const figures = {
    split,
    cases: rows.length,
    right: share(rows, 'right'),
    baselineBm25: share(rows, 'baseline'),
    bySource: group('source'),
    byKind: group('about'),
    latencyP95Ms: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)],
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `unseen answers, ${split} part: ${rows.filter(r => r.right).length}/${
      rows.length
    } right (${pct(figures.right)}); plain BM25 top facts ${pct(
      figures.baselineBm25,
    )}; ask p95 ${figures.latencyP95Ms.toFixed(1)} ms`,
  );
  for (const [name, g] of [
    ...Object.entries(figures.bySource),
    ...Object.entries(figures.byKind),
  ])
    console.log(
      `  ${name.padEnd(18)} ${String(g.n).padStart(3)}  right ${pct(
        g.right,
      ).padStart(6)}  bm25 ${pct(g.baseline).padStart(6)}`,
    );
  for (const m of misses) console.log(m);
  const out = arg('out');
  if (out) writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
}

main().catch(e => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
