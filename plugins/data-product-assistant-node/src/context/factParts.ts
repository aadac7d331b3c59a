/**
 * The parts of table and column facts, read back from the sentences
 * `buildFacts` writes (`Column t.c ("Business"; logical, physical; primary
 * key; required): description. Glossary: … Examples: …`). Facts travel as
 * text (caches, masking, hosted models), so their parts are parsed, not kept
 * beside them.
 */
import type { Fact } from '../models/types';
import { EXAMPLES_MARKER } from './buildFacts';

export interface ColumnParts {
  table: string;
  column: string;
  businessName?: string;
  /** Logical and physical type as written (`number, int4`). */
  types?: string;
  /** The description, without glossary links and examples. */
  description: string;
  examples: string[];
  /** Everything before the description: `Column t.c (…)`. */
  header: string;
}

export interface TableParts {
  table: string;
  businessName?: string;
  physicalName?: string;
  /** The description without grain, column count and tags. */
  description: string;
  grain?: string;
  /** `Table t (…)`. */
  header: string;
}

/** Index after the `(…)` group opening at `open` (quotes and nested parentheses respected). */
function closeParen(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Splits `Kind name (attributes)` from the rest of a fact's text. */
function splitHeader(
  text: string,
  prefix: string,
): { header: string; attributes: string; rest: string } {
  let at = prefix.length;
  let attributes = '';
  if (text.startsWith(' (', at)) {
    const end = closeParen(text, at + 1);
    attributes = text.slice(at + 2, end - 1);
    at = end;
  }
  const header = text.slice(0, at);
  const rest = text
    .slice(at)
    .replace(/^[:.]\s*/, '')
    .trim();
  return { header, attributes, rest };
}

const columnCache = new Map<string, ColumnParts | undefined>();

/** The parts of a column fact, or undefined for any other fact. */
export function columnParts(fact: Fact): ColumnParts | undefined {
  if (fact.kind !== 'column' || !fact.table || !fact.column) return undefined;
  const hit = columnCache.get(fact.text);
  if (hit !== undefined || columnCache.has(fact.text)) return hit;
  const prefix = `Column ${fact.table}.${fact.column}`;
  let parts: ColumnParts | undefined;
  if (fact.text.startsWith(prefix)) {
    const { header, attributes, rest } = splitHeader(fact.text, prefix);
    const attrs = attributes.split('; ').filter(Boolean);
    const business = attrs.find(a => /^".*"$/.test(a));
    const types = attrs.find(
      a =>
        a !== business &&
        !['primary key', 'required', 'unique'].includes(a) &&
        a.length > 0,
    );
    let description = rest;
    let examples: string[] = [];
    const ex = description.indexOf(`${EXAMPLES_MARKER} `);
    if (ex >= 0) {
      examples = description
        .slice(ex + EXAMPLES_MARKER.length + 1)
        .replace(/\.$/, '')
        .split(', ')
        .map(v => v.trim())
        .filter(Boolean);
      description = description.slice(0, ex).trim();
    }
    description = description.replace(/\s*Glossary: \S.*$/, '').trim();
    parts = {
      table: fact.table,
      column: fact.column,
      businessName: business?.slice(1, -1),
      types,
      description,
      examples,
      header,
    };
  }
  if (columnCache.size > 50_000) columnCache.clear();
  columnCache.set(fact.text, parts);
  return parts;
}

/** The parts of a table fact, or undefined for any other fact. */
export function tableParts(fact: Fact): TableParts | undefined {
  if (fact.kind !== 'table' || !fact.table) return undefined;
  const prefix = `Table ${fact.table}`;
  if (!fact.text.startsWith(prefix)) return undefined;
  const { header, attributes, rest } = splitHeader(fact.text, prefix);
  const business = /"([^"]+)"/.exec(attributes)?.[1];
  const physicalName = /physical name ([^,)\s]+)/.exec(attributes)?.[1];
  let description = rest;
  const tags = description.search(/(?:^| )Tags: /);
  if (tags >= 0) description = description.slice(0, tags);
  const count = /(?:^| )It has \d+ columns\.$/.exec(description);
  if (count) description = description.slice(0, count.index);
  let grain: string | undefined;
  const g = description.indexOf('Grain: ');
  if (g >= 0) {
    grain = description.slice(g + 'Grain: '.length).trim();
    description = description.slice(0, g);
  }
  return {
    table: fact.table,
    businessName: business,
    physicalName,
    description: description.trim(),
    grain,
    header,
  };
}
