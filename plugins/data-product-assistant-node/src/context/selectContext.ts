import type { Fact } from '../models/types';
import { intentsAround, type Intent } from './intent';
import { findMentions, withoutNames, type Mentions } from './mentions';
import { questionParts } from './questionParts';
import { packFacts } from './pack';
import { retrieveFacts } from './retrieve';

export interface SelectedContext {
  facts: Fact[];
  tokens: number;
  intents: Intent[];
  mentions: Mentions;
}

/** Most essential facts of one kind kept regardless of ranking. */
const ESSENTIAL_CAP = 40;

const isContractSummary = (f: Fact) =>
  f.kind === 'contract' && !f.id.includes('#');

/**
 * Facts a question's intent cannot be answered without (e.g. every SLA for a
 * freshness question, the owner and contacts for an owner question), narrowed
 * to the tables and columns the question names.
 */
export function essentialFacts(
  facts: Fact[],
  intents: Intent[],
  mentions: Mentions,
): Fact[] {
  // The product and its owner are always there: abstentions point to the owner.
  const out: Fact[] = facts.filter(
    f => f.kind === 'product' || f.kind === 'owner',
  );
  const tables = new Set(mentions.tables);
  const columns = new Set(mentions.columns.map(c => `${c.table}.${c.column}`));
  const onColumn = (f: Fact) =>
    !!f.column && columns.has(`${f.table}.${f.column}`);
  const onTable = (f: Fact) => !!f.table && tables.has(f.table);
  const inScope = (f: Fact) => {
    if (columns.size) return onColumn(f) || (!f.column && onTable(f));
    if (tables.size) return onTable(f);
    return true;
  };
  const take = (pred: (f: Fact) => boolean) =>
    out.push(...facts.filter(pred).slice(0, ESSENTIAL_CAP));

  for (const intent of intents.slice(0, 2)) {
    switch (intent) {
      case 'owner':
        take(f => ['owner', 'team', 'support', 'domain'].includes(f.kind));
        break;
      case 'sla':
        take(f => f.kind === 'sla');
        break;
      case 'count':
      case 'tables':
        take(isContractSummary);
        if (tables.size) take(f => f.kind === 'table' && tables.has(f.table!));
        break;
      case 'access':
        take(f => f.kind === 'role' || isContractSummary(f));
        break;
      case 'lineage':
        take(f => f.kind === 'lineage');
        break;
      case 'classification':
        take(f => f.kind === 'classification' && inScope(f));
        break;
      case 'quality':
        take(f => f.kind === 'quality' && inScope(f));
        break;
      case 'keys':
        take(
          f =>
            (f.kind === 'key' || f.kind === 'table') &&
            (tables.size ? tables.has(f.table!) : f.kind === 'key'),
        );
        break;
      case 'column':
        take(
          f =>
            onColumn(f) && (f.kind === 'column' || f.kind === 'classification'),
        );
        break;
      case 'reference':
      case 'dataType':
        take(f => onColumn(f) && f.kind === 'column');
        if (!columns.size && tables.size)
          take(f => f.kind === 'column' && onTable(f));
        break;
      case 'product':
        take(
          f => f.kind === 'contract' || f.kind === 'domain' || f.kind === 'tag',
        );
        break;
      default:
        break;
    }
  }
  if (intents.length === 0 && columns.size)
    take(f => onColumn(f) && f.kind === 'column');
  return [...new Map(out.map(f => [f.id, f])).values()];
}

/**
 * What a question asks and names, over all of its parts ("what is the key of
 * A and what does B mean?"): intents in order of the parts, read without the
 * names (a column called `owner` is not an owner question), and every table
 * and column any part names.
 */
export function readQuestion(
  question: string,
  facts: Fact[],
): { intents: Intent[]; mentions: Mentions } {
  const intents: Intent[] = [];
  const mentions: Mentions = { tables: [], columns: [], spans: [] };
  for (const part of questionParts(question)) {
    const m = findMentions(part, facts);
    for (const i of intentsAround(part, withoutNames(part, m)))
      if (!intents.includes(i)) intents.push(i);
    for (const t of m.tables)
      if (!mentions.tables.includes(t)) mentions.tables.push(t);
    for (const c of m.columns)
      if (
        !mentions.columns.some(
          x => x.table === c.table && x.column === c.column,
        )
      )
        mentions.columns.push(c);
  }
  return { intents, mentions };
}

/** Retrieval and packing in one step: the facts to show a model for a question. */
export function selectContext(
  question: string,
  facts: Fact[],
  options: { tokenBudget: number },
): SelectedContext {
  const { intents, mentions } = readQuestion(question, facts);
  const ranked = retrieveFacts(question, facts, { intents, mentions });
  const packed = packFacts(ranked, {
    tokenBudget: options.tokenBudget,
    essential: essentialFacts(facts, intents, mentions),
  });
  return { facts: packed.facts, tokens: packed.tokens, intents, mentions };
}
