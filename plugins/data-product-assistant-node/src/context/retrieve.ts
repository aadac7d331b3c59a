import MiniSearch from 'minisearch';
import type { Fact, FactKind } from '../models/types';
import type { Intent } from './intent';
import type { Mentions } from './mentions';
import { normaliseTerm, rawTerms } from '../text';

export interface RankedFact {
  fact: Fact;
  score: number;
}

export interface RetrieveOptions {
  /** From `detectIntents(question)`; boosts the fact kinds that answer it. */
  intents?: Intent[];
  /** From `findMentions(question, facts)`; boosts facts about named tables and columns. */
  mentions?: Mentions;
  /** Most results to return; all matches by default. */
  limit?: number;
}

/** Which fact kinds answer which intent, and how strongly to favour them. */
const KIND_BOOSTS: Record<Intent, Partial<Record<FactKind, number>>> = {
  values: { column: 4 },
  count: { contract: 3, table: 1.5 },
  lineage: { lineage: 4, product: 1.5 },
  owner: { owner: 4, team: 3, support: 3 },
  access: { role: 4, support: 1.5, contract: 1.5 },
  sla: { sla: 4 },
  quality: { quality: 4 },
  classification: { classification: 4, column: 1.2 },
  keys: { key: 4, table: 2.5 },
  columnsHolding: { column: 2.5, classification: 1.5 },
  tables: { table: 2.5, contract: 3 },
  column: { column: 3, classification: 1.5, quality: 1.2 },
  product: { product: 3, contract: 2, domain: 2, tag: 2, doc: 1.5 },
};

interface Doc {
  id: string;
  text: string;
  names: string;
}

const indexes = new WeakMap<
  Fact[],
  { search: MiniSearch<Doc>; byId: Map<string, Fact> }
>();

function indexFor(facts: Fact[]) {
  let entry = indexes.get(facts);
  if (!entry) {
    const search = new MiniSearch<Doc>({
      idField: 'id',
      fields: ['text', 'names'],
      tokenize: rawTerms,
      processTerm: normaliseTerm,
    });
    search.addAll(
      facts.map(f => ({
        id: f.id,
        text: f.text,
        names: [
          f.table,
          f.column,
          f.column && f.table ? `${f.table}.${f.column}` : '',
        ]
          .filter(Boolean)
          .join(' '),
      })),
    );
    entry = { search, byId: new Map(facts.map(f => [f.id, f])) };
    indexes.set(facts, entry);
  }
  return entry;
}

/**
 * Ranks facts for a question: BM25 over the fact text and the table/column
 * names (identifiers split on `_` and camelCase, prefix and fuzzy matching),
 * weighted by how well each fact kind answers the question's intent and by
 * whether the fact is about a table or column the question names.
 */
export function retrieveFacts(
  question: string,
  facts: Fact[],
  options: RetrieveOptions = {},
): RankedFact[] {
  if (facts.length === 0) return [];
  const { search, byId } = indexFor(facts);
  const intents = options.intents ?? [];
  const mentions = options.mentions;
  const mentionedTables = new Set(mentions?.tables ?? []);
  const mentionedColumns = new Set(
    (mentions?.columns ?? []).map(c => `${c.table}.${c.column}`),
  );

  const kindBoost = (kind: FactKind) => {
    let boost = 1;
    intents.forEach((intent, i) => {
      const b = KIND_BOOSTS[intent][kind];
      // the primary intent counts fully, secondary ones half
      if (b) boost = Math.max(boost, i === 0 ? b : 1 + (b - 1) / 2);
    });
    return boost;
  };
  const mentionBoost = (fact: Fact) => {
    if (
      fact.table &&
      fact.column &&
      mentionedColumns.has(`${fact.table}.${fact.column}`)
    )
      return 4;
    if (fact.table && mentionedTables.has(fact.table))
      return fact.column ? 1.5 : 3;
    return 1;
  };

  const results = search.search(question, {
    boost: { names: 2 },
    prefix: term => term.length >= 4,
    fuzzy: term => (term.length >= 6 ? 0.2 : false),
    combineWith: 'OR',
  });
  const scored = new Map<string, number>();
  for (const r of results) {
    const fact = byId.get(r.id as string);
    if (!fact) continue;
    scored.set(fact.id, r.score * kindBoost(fact.kind) * mentionBoost(fact));
  }
  // Facts about named columns/tables count even when no other word matched.
  for (const fact of facts) {
    if (!scored.has(fact.id) && mentionBoost(fact) > 1) {
      scored.set(fact.id, 0.5 * kindBoost(fact.kind) * mentionBoost(fact));
    }
  }
  const ranked = [...scored.entries()]
    .map(([id, score]) => ({ fact: byId.get(id)!, score }))
    .sort((a, b) => b.score - a.score || a.fact.id.localeCompare(b.fact.id));
  return options.limit ? ranked.slice(0, options.limit) : ranked;
}
