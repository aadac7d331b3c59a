import type { Fact } from '../models/types';
import { compactName, lemma } from '../text';

export interface ColumnMention {
  table: string;
  column: string;
}

export interface Mentions {
  /** Tables named in the question (by name, physical or business name). */
  tables: string[];
  /** Columns named in the question; all tables holding a column of that name. */
  columns: ColumnMention[];
  /** Where the kept names are in the question (character offsets). */
  spans: Array<{ start: number; end: number }>;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
}

/** Metadata phrases whose words are not names: "primary key", "data product". */
const NOT_NAMES =
  /\b(primary|foreign|business|surrogate) keys?\b|\b(this|data) products?\b/g;

/** The question's words with their offsets; `|` stands for a phrase that is never a name. */
function words(question: string): Word[] {
  const blanked = question
    .toLowerCase()
    .replace(NOT_NAMES, m => `|${' '.repeat(m.length - 1)}`);
  return [...blanked.matchAll(/[\p{L}\p{N}]+|\|/gu)].map(m => ({
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

interface FactNames {
  /** Compact keys of the names (`netamount`) the fact goes by, each with its lemma. */
  keys: Array<[string, string]>;
  /** `tablecolumn`, for a column, with its lemma. */
  qualified?: [string, string];
}

const factNames = new WeakMap<Fact, FactNames | null>();

/** The names a table or column fact goes by (its name, business and physical name), kept per fact. */
function namesOf(fact: Fact): FactNames | undefined {
  const hit = factNames.get(fact);
  if (hit !== undefined) return hit ?? undefined;
  let names: FactNames | undefined;
  const key = (n: string | undefined) => {
    const k = n ? compactName(n) : '';
    return k.length >= 2 ? [k] : [];
  };
  const withLemmas = (keys: string[]) =>
    [...new Set(keys)].map((k): [string, string] => [k, lemma(k)]);
  if (fact.kind === 'table' && fact.table) {
    const business = /^Table \S+ \("([^"]+)"/.exec(fact.text)?.[1];
    const physical = /physical name ([^,)\s]+)/.exec(fact.text)?.[1];
    names = {
      keys: withLemmas([
        ...key(fact.table),
        ...key(business),
        ...key(physical),
      ]),
    };
  } else if (fact.kind === 'column' && fact.table && fact.column) {
    const business = /^Column \S+ \("([^"]+)"/.exec(fact.text)?.[1];
    names = {
      keys: withLemmas([...key(fact.column), ...key(business)]),
      qualified: withLemmas(key(`${fact.table}${fact.column}`))[0],
    };
  }
  factNames.set(fact, names ?? null);
  return names;
}

/**
 * The singular a name would be said in: names are nouns, so "stored" or
 * "shipping" keep their form rather than becoming the table `store` or `ship`.
 */
function nounForm(word: string): string {
  const l = lemma(word);
  return /(ed|ing)$/.test(word) && !/(ed|ing)$/.test(l) ? word : l;
}

/**
 * Finds table and column names in a question, matching `net_amount`,
 * `netAmount`, "net amount" and AdventureWorks-style `netamount` alike.
 * A name that is only part of a longer matched name is dropped. When the
 * question names tables, only columns of those tables count: "the weight
 * of a work order" names no column of `workorder`, whatever other tables hold.
 */
export function findMentions(question: string, facts: Fact[]): Mentions {
  const ws = words(question);
  // Every run of up to 4 consecutive words, written together: "business entity id" → businessentityid.
  const grams = new Map<string, Span[]>();
  const addGram = (key: string, span: Span) => {
    const spans = grams.get(key) ?? [];
    spans.push(span);
    grams.set(key, spans);
  };
  for (let i = 0; i < ws.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(ws.length, i + 4); j++) {
      if (ws[j].text === '|') break;
      joined += ws[j].text;
      addGram(joined, { start: i, end: j });
      const singular =
        joined.slice(0, joined.length - ws[j].text.length) +
        nounForm(ws[j].text);
      if (singular !== joined) addGram(singular, { start: i, end: j });
    }
  }
  // (a name's lemma is kept with it: the same for every question)
  const spansOf = ([key, keyLemma]: [string, string]): Span[] =>
    grams.get(key) ?? grams.get(keyLemma) ?? [];

  type Hit = {
    span: Span;
    kind: 'table' | 'column';
    table: string;
    column?: string;
  };
  const hits: Hit[] = [];
  for (const fact of facts) {
    const names = namesOf(fact);
    if (!names) continue;
    for (const key of names.keys)
      for (const span of spansOf(key)) {
        if (fact.kind === 'table') {
          hits.push({ span, kind: 'table', table: fact.table! });
        } else {
          hits.push({
            span,
            kind: 'column',
            table: fact.table!,
            column: fact.column,
          });
        }
      }
    // Qualified `table.column` counts as both.
    if (names.qualified)
      for (const span of spansOf(names.qualified)) {
        hits.push({
          span,
          kind: 'column',
          table: fact.table!,
          column: fact.column,
        });
        hits.push({ span, kind: 'table', table: fact.table! });
      }
  }
  const width = (s: Span) => s.end - s.start;
  const covered = (h: Hit) =>
    hits.some(
      o =>
        o !== h &&
        o.span.start <= h.span.start &&
        o.span.end >= h.span.end &&
        width(o.span) > width(h.span) &&
        // a qualified table.column hit keeps its table part
        !(o.kind === 'column' && h.kind === 'table' && o.table === h.table),
    );
  let kept = hits.filter(h => !covered(h));
  const tables = [
    ...new Set(kept.filter(h => h.kind === 'table').map(h => h.table)),
  ];
  // A column name that is also a table name mentioned alone ("orders") is the table.
  kept = kept.filter(
    h =>
      h.kind !== 'column' ||
      !(tables.includes(h.column!) && !tables.includes(h.table)),
  );
  // When tables are named, only their columns count.
  if (tables.length)
    kept = kept.filter(h => h.kind === 'table' || tables.includes(h.table));
  const columns: ColumnMention[] = [];
  const seen = new Set<string>();
  for (const h of kept) {
    if (h.kind !== 'column' || !h.column) continue;
    const key = `${h.table}.${h.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    columns.push({ table: h.table, column: h.column });
  }
  const spans = [
    ...new Map(
      kept.map(h => [
        `${h.span.start}-${h.span.end}`,
        { start: ws[h.span.start].start, end: ws[h.span.end].end },
      ]),
    ).values(),
  ].sort((a, b) => a.start - b.start);
  return { tables, columns, spans };
}

/** The question with the names it mentions blanked out, for reading what it asks. */
export function withoutNames(question: string, mentions: Mentions): string {
  let out = question;
  for (const s of [...mentions.spans].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, s.start)}${'x'.padEnd(
      s.end - s.start,
      ' ',
    )}${out.slice(s.end)}`;
  return out;
}
