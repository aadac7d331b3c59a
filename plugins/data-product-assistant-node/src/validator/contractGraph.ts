/**
 * The contract as a graph, read from the facts the validator is given: tables
 * and their primary keys, columns with their types, code lists (code →
 * meaning) and foreign-key targets, SLA values, the product's owner, the
 * people and teams the contract names, and who approves each access role.
 * Claims are checked against it (graphCheck.ts): a claim that pairs a subject
 * with a value the contract gives to something else contradicts it.
 *
 * Built from fact texts as buildFacts writes them, and from hand-written or
 * plain-text facts where the same patterns occur; built once per facts array.
 */
import type { Fact } from '../models/types';

export interface ColumnNode {
  table: string;
  name: string;
  logicalType?: string;
  physicalType?: string;
  primaryKey: boolean;
  /** Code → meaning as the description writes it. */
  codes: Map<string, string>;
  /** The table (and column) its description says it refers to. */
  foreignKey?: { table: string; column?: string };
  factId: string;
}

export interface TableNode {
  name: string;
  primaryKey: string[];
  factIds: string[];
}

export interface SlaNode {
  property: string;
  /** Words that name it: the property's (`timeOfAvailability` → time, availability) and its label's. */
  words: string[];
  /** Duration in seconds, when the value is one. */
  seconds?: number;
  factId: string;
  text: string;
}

export interface ContractGraph {
  /** Lower-cased table name → table. */
  tables: Map<string, TableNode>;
  /** Lower-cased `table.column` → column. */
  columns: Map<string, ColumnNode>;
  /** Lower-cased column name → the columns of that name, in every table. */
  columnsByName: Map<string, ColumnNode[]>;
  slas: SlaNode[];
  /** Names of the product's owner (`sales-team`, `group:default/sales-team`), lower case. */
  owners: string[];
  /** Every person and team the contract names (owner, team members, approvers), lower case. */
  people: Set<string>;
  /** Lower-cased role → its approvers, lower case. */
  approvers: Map<string, string[]>;
  /** Every type name a column of the contract has, lower case. */
  types: Set<string>;
}

const lc = (s: string) => s.toLowerCase();

/** Splits `a; b; "c; d"` on separators outside quotes and brackets. */
function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && '([{'.includes(ch)) depth++;
    else if (!quoted && ')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && text.startsWith(sep, i)) {
      out.push(cur);
      cur = '';
      i += sep.length - 1;
    } else cur += ch;
  }
  out.push(cur);
  return out.map(s => s.trim()).filter(Boolean);
}

/** The attribute list in `Column t.c (attrs): description` and the description. */
function columnParts(
  text: string,
  head: string,
): { attrs: string[]; description: string } {
  let rest = text.startsWith(head) ? text.slice(head.length) : text;
  let attrs: string[] = [];
  if (rest.startsWith(' (')) {
    let depth = 0;
    let end = -1;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end > 0) {
      attrs = splitOutside(rest.slice(2, end), ';');
      rest = rest.slice(end + 1);
    }
  }
  const description = rest
    .replace(/^[:.]\s*/, '')
    .replace(/\s(?:Glossary|Examples):.*$/s, '');
  return { attrs, description };
}

const CODE = '(?:[0-9]{1,3}|[A-Z][A-Z0-9_]{0,11})';
const CODE_AT = new RegExp(
  `(?<![\\w-])(${CODE})\\s*(?:=|→|->|=>)\\s*(?=\\S)`,
  'g',
);

/**
 * Code lists in a description: `1 = placed, 2 = paid`, `M = Male, F = Female`,
 * `PU = picked up; DL = delivered`, and two-column markdown tables
 * (`| placed | The order has been placed … |`). Fewer than two codes is no list.
 */
export function parseCodeList(description: string): Map<string, string> {
  const out = new Map<string, string>();
  const flat = description.replace(/\s+/g, ' ');
  const at = [...flat.matchAll(CODE_AT)];
  at.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < at.length ? at[i + 1].index! : flat.length;
    let meaning = flat.slice(start, end);
    // The last meaning ends with its sentence.
    if (i + 1 === at.length) meaning = meaning.split(/\.\s/)[0];
    meaning = meaning
      .trim()
      .replace(/[\s,;.]+$/, '')
      .replace(/\s+(?:and|or)$/i, '')
      .replace(/^["'“]|["'”]$/g, '')
      .trim();
    if (meaning && !/^null$/i.test(m[1])) out.set(m[1], meaning);
  });
  if (out.size >= 2) return out;
  out.clear();
  for (const line of description.split('\n')) {
    const cells = line
      .split('|')
      .map(c => c.trim())
      .filter(Boolean);
    if (cells.length !== 2 || /^-+$/.test(cells[0]) || /^-+$/.test(cells[1]))
      continue;
    out.set(cells[0], cells[1]);
  }
  // A header row names the columns of the table, not a code.
  const first = [...out.keys()][0];
  if (first && /^(?:description|meaning|label)$/i.test(out.get(first)!))
    out.delete(first);
  return out.size >= 2 ? out : new Map();
}

const FOREIGN_KEY =
  /\b(?:foreign[\s-]+key\s+(?:to|on|of|referencing)|refers\s+to|references|joins\s+(?:to|with)|points\s+to|links\s+to|lookup\s+(?:in|on|to))\s+(?:the\s+)?([A-Za-z_][\w]*)(?:\.([A-Za-z_][\w]*))?/i;

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
  mo: 2592000,
  month: 2592000,
  months: 2592000,
  y: 31536000,
  yr: 31536000,
  yrs: 31536000,
  year: 31536000,
  years: 31536000,
};

/** `24 hours` → 86400; `1 day` → 86400; undefined when the text holds no duration. */
export function durationSeconds(
  value: number,
  unit: string,
): number | undefined {
  const u = UNIT_SECONDS[lc(unit)];
  return u === undefined ? undefined : value * u;
}

const DURATION = /(\d+(?:\.\d+)?)\s*([A-Za-z]+)\b/;

/** Owner fact: `… is owned by sales-team (group:default/sales-team).` */
const OWNED_BY = /\bowned by\s+([^()]+?)(?:\s+\(([^)]+)\))?\.?$/i;

const graphs = new WeakMap<readonly Fact[], ContractGraph>();

/** The graph of a facts array (cached per array). */
export function contractGraph(facts: readonly Fact[]): ContractGraph {
  const hit = graphs.get(facts);
  if (hit) return hit;
  const g = buildGraph(facts);
  graphs.set(facts, g);
  return g;
}

interface ParsedColumn {
  primaryKey: boolean;
  codes: Map<string, string>;
  logicalType?: string;
  physicalType?: string;
  /** The types, lower case. */
  types: string[];
  /** The table (and column) the description refers to, as written. */
  reference: RegExpExecArray | null;
}

// Per fact object: a column fact reads the same in every graph, and the packed facts (a new
// array per answer) make a new graph for every answer.
const parsedColumns = new WeakMap<Fact, ParsedColumn>();

function parsedColumn(f: Fact, table: string, column: string): ParsedColumn {
  let parsed = parsedColumns.get(f);
  if (parsed) return parsed;
  const { attrs, description } = columnParts(
    f.text,
    `Column ${table}.${column}`,
  );
  parsed = {
    primaryKey: attrs.includes('primary key'),
    codes: parseCodeList(description),
    types: [],
    reference: FOREIGN_KEY.exec(description.replace(/\s+/g, ' ')),
  };
  const types = attrs.find(
    a => !a.startsWith('"') && !/^(?:primary key|required|unique)$/.test(a),
  );
  if (types) {
    const [logical, physical] = splitOutside(types, ',');
    parsed.logicalType = logical;
    parsed.physicalType = physical ?? logical;
    for (const t of [logical, physical]) if (t) parsed.types.push(lc(t));
  }
  parsedColumns.set(f, parsed);
  return parsed;
}

function buildGraph(facts: readonly Fact[]): ContractGraph {
  const g: ContractGraph = {
    tables: new Map(),
    columns: new Map(),
    columnsByName: new Map(),
    slas: [],
    owners: [],
    people: new Set(),
    approvers: new Map(),
    types: new Set(),
  };
  const table = (name: string): TableNode => {
    let t = g.tables.get(lc(name));
    if (!t) {
      t = { name, primaryKey: [], factIds: [] };
      g.tables.set(lc(name), t);
    }
    return t;
  };
  // each column's reference in its description, resolved once every table is known
  const descriptions = new Map<ColumnNode, RegExpExecArray | null>();
  for (const f of facts) {
    if (f.kind === 'table' && f.table) table(f.table).factIds.push(f.id);
    else if (f.kind === 'key' && f.table) {
      const t = table(f.table);
      t.factIds.push(f.id);
      const m = /\bis (?:the composite key \(([^)]*)\)|([\w.]+))\.?\s*$/.exec(
        f.text,
      );
      let cols: string[] = [];
      if (m?.[1]) cols = m[1].split(/\s*,\s*/);
      else if (m?.[2]) cols = [m[2].replace(/\.$/, '')];
      if (cols.length) t.primaryKey = cols;
    } else if (f.kind === 'column' && f.table && f.column) {
      table(f.table);
      const parsed = parsedColumn(f, f.table, f.column);
      const node: ColumnNode = {
        table: f.table,
        name: f.column,
        primaryKey: parsed.primaryKey,
        codes: parsed.codes,
        factId: f.id,
      };
      if (parsed.logicalType) {
        node.logicalType = parsed.logicalType;
        node.physicalType = parsed.physicalType;
        for (const t of parsed.types) g.types.add(t);
      }
      descriptions.set(node, parsed.reference);
      const key = lc(`${f.table}.${f.column}`);
      g.columns.set(key, node);
      const same = g.columnsByName.get(lc(f.column)) ?? [];
      same.push(node);
      g.columnsByName.set(lc(f.column), same);
    } else if (f.kind === 'sla') {
      const property = /^sla:([^#~]+)/.exec(f.id)?.[1] ?? f.id;
      const body = f.text.replace(/^SLA [^:]+:\s*/, '');
      const d = DURATION.exec(body);
      const seconds = d ? durationSeconds(Number(d[1]), d[2]) : undefined;
      const label = /^SLA [^:]+:\s*the (.+?) is /.exec(f.text)?.[1] ?? '';
      const words = `${property.replace(/([a-z])([A-Z])/g, '$1 $2')} ${label}`
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter(
          w =>
            w.length > 2 &&
            !['the', 'and', 'date', 'maximum', 'data'].includes(w),
        );
      g.slas.push({
        property,
        words: [...new Set(words)],
        seconds,
        factId: f.id,
        text: f.text,
      });
    } else if (f.kind === 'owner') {
      const m = OWNED_BY.exec(f.text.trim());
      if (m) {
        for (const n of [m[1], m[2]].filter(Boolean) as string[]) {
          g.owners.push(lc(n.trim()));
          g.people.add(lc(n.trim()));
        }
      }
    } else if (f.kind === 'role') {
      const role = /^role:(.+)$/.exec(f.id)?.[1];
      const m = /approved by (.+?)\.?$/.exec(f.text);
      if (role && m) {
        const names = m[1].split(/\s*,\s*|\s+and\s+/).map(s => lc(s.trim()));
        g.approvers.set(lc(role), names);
        for (const n of names) g.people.add(n);
      }
    } else if (f.kind === 'team') {
      const m = /^The contract team(?: (.+?))?(?: has members: (.*))?\.$/.exec(
        f.text,
      );
      if (m?.[1]) g.people.add(lc(m[1]));
      for (const member of m?.[2]?.split(/;\s*/) ?? []) {
        const who = member.split(' – ')[0];
        const named = /^(.*?)\s*\(([^)]+)\)$/.exec(who);
        for (const n of named ? [named[1], named[2]] : [who])
          if (n.trim()) g.people.add(lc(n.trim()));
      }
    }
  }
  // Primary keys marked on columns when no key fact says so.
  for (const t of g.tables.values()) {
    if (t.primaryKey.length) continue;
    t.primaryKey = [...g.columns.values()]
      .filter(c => lc(c.table) === lc(t.name) && c.primaryKey)
      .map(c => c.name);
  }
  // Foreign keys, now that every table is known.
  for (const [node, m] of descriptions) {
    if (!m) continue;
    const target = g.tables.get(lc(m[1]));
    if (!target || lc(target.name) === lc(node.table)) continue;
    const column = m[2]
      ? g.columns.get(lc(`${target.name}.${m[2]}`))?.name ?? m[2]
      : target.primaryKey[0];
    node.foreignKey = { table: target.name, column };
  }
  return g;
}

/** The primary key of a table, lower case. */
export function primaryKeyOf(g: ContractGraph, table: string): string[] {
  return (g.tables.get(lc(table))?.primaryKey ?? []).map(lc);
}
