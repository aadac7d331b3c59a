import type { Fact, FactKind } from '../models/types';
import type { Intent } from './intent';
import type { Mentions } from './mentions';
import { FieldIndex, splitIdentifier } from '../text';
import { stripExamples } from './buildFacts';
import { codeList } from './codeList';
import { columnParts } from './factParts';

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
  reference: { column: 3, key: 1.5 },
  dataType: { column: 3 },
  whichTable: { table: 3, column: 1.2 },
  columnsHolding: { column: 2.5, classification: 1.5 },
  tables: { table: 2.5, contract: 3 },
  column: { column: 3, classification: 1.5, quality: 1.2 },
  product: { product: 3, contract: 2, domain: 2, tag: 2, doc: 1.5 },
};

type Field = 'text' | 'names' | 'codes';

const indexes = new WeakMap<
  Fact[],
  { index: FieldIndex<Field>; byId: Map<string, Fact> }
>();

/**
 * BM25 over three fields of every fact: its text (without example values), the
 * names it is about (identifiers whole and split into words, `perassemblyqty`
 * → per assembly qty) and, for columns, the meanings of their codes.
 */
function indexFor(facts: Fact[]) {
  let entry = indexes.get(facts);
  if (!entry) {
    const index = new FieldIndex<Field>({
      fields: ['text', 'names', 'codes'],
      boost: { names: 2, codes: 0.5 },
    });
    index.add(
      facts.map(f => {
        const c = columnParts(f);
        return {
          id: f.id,
          text: stripExamples(f.text),
          names: [f.table, f.column]
            .filter((n): n is string => !!n)
            .flatMap(n => [n, ...splitIdentifier(n)])
            .join(' '),
          codes: c
            ? codeList(c.description)
                .map(x => x.meaning)
                .join(' ')
            : '',
        };
      }),
    );
    entry = { index, byId: new Map(facts.map(f => [f.id, f])) };
    indexes.set(facts, entry);
  }
  return entry;
}

/**
 * Ranks facts for a question: BM25 over the fact text, the table/column
 * names and code meanings (identifiers split, prefix and fuzzy matching, WordNet
 * synonyms and derived forms of the question's words at a reduced weight),
 * weighted by how well each fact kind answers the question's intent and by
 * whether the fact is about a table or column the question names.
 */
export function retrieveFacts(
  question: string,
  facts: Fact[],
  options: RetrieveOptions = {},
): RankedFact[] {
  if (facts.length === 0) return [];
  const { index, byId } = indexFor(facts);
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

  const results = index.query(question, {
    expansion: 0.3,
    prefixFrom: 4,
    fuzzy: 0.2,
  });
  const scored = new Map<string, number>();
  for (const r of results) {
    const fact = byId.get(r.id);
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
