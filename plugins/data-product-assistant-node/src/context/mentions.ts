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
}

interface Span {
  start: number;
  end: number;
}

/**
 * Finds table and column names in a question, matching `net_amount`,
 * `netAmount`, "net amount" and AdventureWorks-style `netamount` alike.
 * A name that is only part of a longer matched name is dropped.
 */
export function findMentions(question: string, facts: Fact[]): Mentions {
  const words = question
    .toLowerCase()
    // metadata phrases whose words are not names: "primary key", "data product"
    .replace(
      /\b(primary|foreign|business|surrogate) keys?\b|\b(this|data) products?\b/g,
      ' | ',
    )
    .split(/[^\p{L}\p{N}|]+/u)
    .filter(Boolean);
  // Every run of up to 4 consecutive words, written together: "business entity id" → businessentityid.
  const grams = new Map<string, Span[]>();
  const addGram = (key: string, span: Span) => {
    const spans = grams.get(key) ?? [];
    spans.push(span);
    grams.set(key, spans);
  };
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      if (words[j] === '|') break;
      joined += words[j];
      addGram(joined, { start: i, end: j });
      const singular =
        joined.slice(0, joined.length - words[j].length) + lemma(words[j]);
      if (singular !== joined) addGram(singular, { start: i, end: j });
    }
  }
  const spansOf = (name: string | undefined): Span[] => {
    if (!name) return [];
    const key = compactName(name);
    if (key.length < 2) return [];
    return grams.get(key) ?? grams.get(lemma(key)) ?? [];
  };

  type Hit = {
    span: Span;
    kind: 'table' | 'column';
    table: string;
    column?: string;
  };
  const hits: Hit[] = [];
  for (const fact of facts) {
    if (fact.kind === 'table' && fact.table) {
      const business = /^Table \S+ \("([^"]+)"/.exec(fact.text)?.[1];
      const physical = /physical name ([^,)\s]+)/.exec(fact.text)?.[1];
      for (const name of [fact.table, business, physical]) {
        for (const span of spansOf(name))
          hits.push({ span, kind: 'table', table: fact.table });
      }
    } else if (fact.kind === 'column' && fact.table && fact.column) {
      const business = /^Column \S+ \("([^"]+)"/.exec(fact.text)?.[1];
      for (const name of [fact.column, business]) {
        for (const span of spansOf(name)) {
          hits.push({
            span,
            kind: 'column',
            table: fact.table,
            column: fact.column,
          });
        }
      }
      // Qualified `table.column` counts as both.
      for (const span of spansOf(`${fact.table}${fact.column}`)) {
        hits.push({
          span,
          kind: 'column',
          table: fact.table,
          column: fact.column,
        });
        hits.push({ span, kind: 'table', table: fact.table });
      }
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
  const kept = hits.filter(h => !covered(h));
  const tables = [
    ...new Set(kept.filter(h => h.kind === 'table').map(h => h.table)),
  ];
  const columns: ColumnMention[] = [];
  const seen = new Set<string>();
  for (const h of kept) {
    if (h.kind !== 'column' || !h.column) continue;
    const key = `${h.table}.${h.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    columns.push({ table: h.table, column: h.column });
  }
  // A column name that is also a table name mentioned alone ("orders") is the table.
  const filtered = columns.filter(
    c => !(tables.includes(c.column) && !tables.includes(c.table)),
  );
  // When tables are named, keep only their columns (if any match).
  const inTables = filtered.filter(c => tables.includes(c.table));
  return { tables, columns: inTables.length ? inTables : filtered };
}
