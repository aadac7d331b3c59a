/**
 * Structured claims checked against the contract graph (contractGraph.ts):
 * primary keys, foreign-key targets, code meanings, types, SLA values, the
 * owner and access approvers. A claim that gives a subject a value the
 * contract gives to something else (another table's key, another code's
 * meaning, another SLA's value) contradicts the contract, whatever facts it
 * cites. A relation the graph confirms supports the words that state it
 * ("references", "is stored as", "stands for"), which facts rarely use.
 */
import type { Fact } from '../models/types';
import { lexicon, type Token } from '../text';
import {
  durationSeconds,
  type ColumnNode,
  type ContractGraph,
} from './contractGraph';
import { contentTokens, sameWord, tokenize } from './text';

export interface GraphFinding {
  /** What the claim says against the contract, one line each. */
  contradictions: string[];
  /** Positions of claim tokens a confirmed relation supports. */
  supported: Set<number>;
}

interface Mention {
  kind: 'table' | 'column';
  /** Token positions it spans. */
  first: number;
  last: number;
  table?: string;
  column?: string;
}

const lc = (s: string) => s.toLowerCase();

const NEGATED =
  /\b(?:not|never|no|none|neither|nor|without|cannot)\b|n['’]t\b/i;

// Relation cues (general wording of each relation), matched on a clause's text.
const PK_CUE =
  /\bprimary[\s-]+keys?\b|\bkeyed\s+(?:on|by)\b|\bidentified\s+by\b|\bunique(?:ly)?\s+identif(?:ier|ies|y|ied)\b|\bpk\b/i;
const FK_CUE =
  /\bforeign[\s-]+keys?\b|\breferenc(?:es|ing)\b|\brefers?\s+(?:back\s+)?to\b|\bpoints?\s+(?:to|at)\b|\blinks?\s+to\b|\bjoins?\s+(?:to|with|on)\b|\blooks?\s+up\b/i;
const FK_PASSIVE = /\breferenced\s+by\b|\bpointed\s+to\s+by\b/i;
const TYPE_CUE =
  /\b(?:data\s+|logical\s+|physical\s+)?types?\b|\bstored\s+as\b|\bdeclared\s+as\b|\btyped\s+as\b|\bis\s+an?\b/i;
const OWNER_CUE = /\bowned\s+by\b|\bowners?\b|\bowns\b/i;
const APPROVER_CUE = /\bapproved\s+by\b|\bapprovers?\b|\bapproves?\b/i;
const CODE_CUE =
  /^\s*(?:=|→|->|:|means?\b|stands?\s+for\b|is\s+for\b|indicates?\b|represents?\b|denotes?\b|signals?\b|is\b)/i;

/** Type words of SQL and ODCS, by family: a claimed type of another family contradicts the column's. */
const TYPE_FAMILIES: Record<string, string> = {};
for (const [family, words] of Object.entries({
  string:
    'string text varchar nvarchar char nchar character varying citext clob uuid',
  integer:
    'integer int int2 int4 int8 smallint bigint tinyint mediumint serial bigserial smallserial long short',
  number: 'number numeric decimal double float float4 float8 real money',
  date: 'date',
  timestamp: 'timestamp timestamptz datetime datetime2 date-time',
  time: 'time timetz',
  boolean: 'boolean bool bit',
  binary: 'bytea binary varbinary blob bytes',
  array: 'array list',
  object: 'object struct record map json jsonb',
}))
  for (const w of words.split(' ')) TYPE_FAMILIES[w] = family;

const baseType = (t: string) =>
  lc(t)
    .replace(/[[(].*$/, '')
    .trim();

function typeMatches(claimed: string, c: ColumnNode): boolean {
  const b = baseType(claimed);
  const own = [c.logicalType, c.physicalType]
    .filter((t): t is string => !!t)
    .map(baseType);
  if (own.includes(b)) return true;
  const fam = TYPE_FAMILIES[b];
  if (!fam) return false;
  return own.some(o => TYPE_FAMILIES[o] === fam);
}

/** Clause boundaries: `;`, sentence ends, and `, and` / `while` / `whereas` / `but` outside brackets. */
function clauses(text: string): Array<[number, number]> {
  const cuts: number[] = [0];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (ch === ';' || (ch === '.' && /\s/.test(text[i + 1] ?? ' ')))
        cuts.push(i + 1);
      else if (/\s/.test(ch)) {
        const m = /^\s(?:and|while|whereas|but)\s/i.exec(text.slice(i));
        if (m) cuts.push(i + 1);
      }
    }
  }
  cuts.push(text.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++)
    if (cuts[i + 1] > cuts[i]) out.push([cuts[i], cuts[i + 1]]);
  return out;
}

/** Tables and columns the claim names, longest first: `orders.status`, `net amount` for `net_amount`. */
function findMentions(
  tokens: Token[],
  g: ContractGraph,
  text: string,
): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'identifier' && t.lower.includes('.')) {
      const parts = t.lower.split('.');
      const [a, b] = parts.slice(-2);
      const col = g.columns.get(`${a}.${b}`);
      if (col) {
        out.push({
          kind: 'column',
          first: i,
          last: i,
          table: col.table,
          column: col.name,
        });
        continue;
      }
      if (g.tables.has(a))
        out.push({
          kind: 'table',
          first: i,
          last: i,
          table: g.tables.get(a)!.name,
        });
      continue;
    }
    // n-grams of adjacent tokens joined by `_` or nothing
    let matched = false;
    for (let n = Math.min(4, tokens.length - i); n >= 1 && !matched; n--) {
      const span = tokens.slice(i, i + n);
      if (n > 1) {
        const gaps = span
          .slice(1)
          .map((s, k) => text.slice(span[k].end, s.start));
        if (!gaps.every(gp => /^[\s_-]$/.test(gp))) continue;
        if (span.some(s => s.kind === 'number')) continue;
      }
      for (const key of new Set([
        span.map(s => s.lower).join('_'),
        span.map(s => s.lower).join(''),
      ])) {
        const cols = g.columnsByName.get(key);
        const table = g.tables.get(key);
        if (!cols && !table) continue;
        const before = tokens[i - 1]?.lower;
        const after = tokens[i + n]?.lower;
        const saysTable = before === 'table' || after === 'table';
        const saysColumn = before === 'column' || after === 'column';
        if (table && (saysTable || !cols || !saysColumn))
          out.push({
            kind: 'table',
            first: i,
            last: i + n - 1,
            table: table.name,
          });
        if (cols && (!table || !saysTable))
          out.push({
            kind: 'column',
            first: i,
            last: i + n - 1,
            column: cols[0].name,
            table: cols.length === 1 ? cols[0].table : undefined,
          });
        matched = true;
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

function resolveColumn(
  m: Mention,
  g: ContractGraph,
  tables: string[],
  citedTables: string[],
): ColumnNode | undefined {
  if (!m.column) return undefined;
  if (m.table) return g.columns.get(lc(`${m.table}.${m.column}`));
  const cands = g.columnsByName.get(lc(m.column)) ?? [];
  if (cands.length === 1) return cands[0];
  for (const pool of [tables, citedTables]) {
    const hit = cands.filter(c => pool.some(t => lc(t) === lc(c.table)));
    if (hit.length === 1) return hit[0];
  }
  return undefined;
}

const words = (s: string) =>
  contentTokens(tokenize(s)).filter(t => t.kind !== 'number');

/** How well a claimed meaning matches a listed one (Dice over content words, WordNet-related words count). */
function meaningScore(claimed: string, listed: string): number {
  const a = words(claimed);
  const b = words(listed);
  if (!a.length || !b.length) return 0;
  const hits = a.filter(x => b.some(y => sameWord(x.norm, y.norm))).length;
  const back = b.filter(y => a.some(x => sameWord(x.norm, y.norm))).length;
  return (hits + back) / (a.length + b.length);
}

const QUANTITY_UNITS =
  /^(?:s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|yrs?|years?)$/i;

/** Checks one claim's structured statements against the graph. */
export function checkAgainstGraph(
  claim: string,
  tokens: Token[],
  cited: readonly Fact[],
  g: ContractGraph,
): GraphFinding {
  const finding: GraphFinding = { contradictions: [], supported: new Set() };
  if (!g.tables.size && !g.slas.length && !g.people.size) return finding;
  const mentions = findMentions(tokens, g, claim);
  const claimTables = [
    ...new Set(mentions.map(m => m.table).filter((t): t is string => !!t)),
  ];
  const citedTables = [
    ...new Set(cited.map(f => f.table).filter((t): t is string => !!t)),
  ];
  const support = (from: number, to: number) => {
    for (let p = from; p <= to; p++) finding.supported.add(p);
  };
  const supportMention = (m: Mention) => support(m.first, m.last);
  const tokenAt = (offset: number) =>
    tokens.findIndex(t => t.start <= offset && offset < t.end);
  const cueTokens = (clauseStart: number, m: RegExpExecArray) => {
    const first = tokenAt(clauseStart + m.index);
    let last = first;
    while (
      last + 1 < tokens.length &&
      tokens[last + 1].start < clauseStart + m.index + m[0].length
    )
      last++;
    return [first, last] as const;
  };

  for (const [start, end] of clauses(claim)) {
    const text = claim.slice(start, end);
    if (NEGATED.test(text)) continue;
    const inClause = (m: Mention) =>
      tokens[m.first].start >= start && tokens[m.last].end <= end;
    const ms = mentions.filter(inClause);
    const tablesHere = ms.filter(m => m.kind === 'table');
    const columnsHere = ms.filter(m => m.kind === 'column');
    const clauseTables = [
      ...new Set(tablesHere.map(m => m.table!)),
      ...claimTables,
    ];

    // Primary key.
    const pk = PK_CUE.exec(text);
    if (pk && columnsHere.length) {
      const cue = cueTokens(start, pk);
      const subjectTable =
        tablesHere[0]?.table ??
        (claimTables.length === 1 ? claimTables[0] : undefined) ??
        (citedTables.length === 1 ? citedTables[0] : undefined);
      const table = subjectTable ? g.tables.get(lc(subjectTable)) : undefined;
      const claimed = columnsHere.filter(
        m =>
          !tablesHere.some(t => t.first === m.first) &&
          (m.last < cue[0] || m.first > cue[1]),
      );
      if (table?.primaryKey.length && claimed.length) {
        const keys = table.primaryKey.map(lc);
        const wrong = claimed.filter(m => !keys.includes(lc(m.column!)));
        if (wrong.length) {
          finding.contradictions.push(
            `gives ${wrong
              .map(m => m.column)
              .join(', ')} as the primary key of ${
              table.name
            }, but the contract gives ${table.primaryKey.join(', ')}`,
          );
        } else {
          support(cue[0], cue[1]);
          ms.forEach(supportMention);
        }
      }
    }

    // Foreign key.
    const passive = FK_PASSIVE.exec(text);
    const fk = passive ?? FK_CUE.exec(text);
    if (fk && ms.length >= 2) {
      const cue = cueTokens(start, fk);
      const before = ms.filter(m => m.last < cue[0]);
      const after = ms.filter(m => m.first > cue[1]);
      let subject = [...before].reverse().find(m => m.kind === 'column');
      let object = after[0];
      if (passive) {
        subject = after.find(m => m.kind === 'column');
        object = [...before].reverse()[0];
      }
      const node =
        subject &&
        resolveColumn(
          subject,
          g,
          clauseTables.filter(
            t => !object || t !== object.table || subject!.table === t,
          ),
          citedTables,
        );
      if (node?.foreignKey && object) {
        const target = node.foreignKey;
        const objTable =
          object.kind === 'table' || object.table ? object.table : undefined;
        let ok: boolean | undefined;
        if (objTable) ok = lc(objTable) === lc(target.table);
        else if (object.column)
          ok =
            lc(object.column) === lc(target.column ?? '') ||
            g.columns.has(lc(`${target.table}.${object.column}`));
        if (ok === false)
          finding.contradictions.push(
            `says ${node.table}.${node.name} refers to ${
              objTable ?? object.column
            }, but the contract gives ${target.table}${
              target.column ? `.${target.column}` : ''
            }`,
          );
        else if (ok) {
          support(cue[0], cue[1]);
          supportMention(subject!);
          supportMention(object);
        }
      }
    }

    // Type.
    const ty = TYPE_CUE.exec(text);
    if (ty) {
      const cue = cueTokens(start, ty);
      const isType = (t: Token) =>
        g.types.has(t.lower) || TYPE_FAMILIES[baseType(t.lower)] !== undefined;
      // the type word: the last one after the cue ("the type of X is T", "X is stored as T")
      const typeToken = [...tokens]
        .reverse()
        .find(t => t.pos > cue[1] && t.end <= end && isType(t));
      const subject = columnsHere.find(
        m =>
          (m.last < cue[0] || m.first > cue[1]) &&
          (!typeToken || m.last < typeToken.pos),
      );
      const node =
        subject && resolveColumn(subject, g, clauseTables, citedTables);
      // `is a`, the weakest cue, only with a type word right after it
      const weak = /^is\s+an?$/i.test(ty[0]);
      if (
        node &&
        typeToken &&
        (node.logicalType || node.physicalType) &&
        (!weak || typeToken.pos === cue[1] + 1)
      ) {
        // the type as written, with its length (`varchar[50]`, `numeric(19,4)`)
        const written = claim
          .slice(typeToken.start)
          .match(/^[\w-]+(?:\[[^\]]*\]|\([^)]*\))?/)![0];
        if (typeMatches(written, node)) {
          support(cue[0], cue[1]);
          supportMention(subject!);
          finding.supported.add(typeToken.pos);
        } else if (!weak || TYPE_FAMILIES[baseType(written)]) {
          finding.contradictions.push(
            `gives ${node.table}.${
              node.name
            } the type ${written}, but the contract gives ${[
              node.logicalType,
              node.physicalType,
            ]
              .filter((t, i, a) => t && a.indexOf(t) === i)
              .join(', ')}`,
          );
        }
      }
    }

    // SLA values.
    checkSla(text, start, tokens, g, cited, finding);
    // Owner and approvers.
    checkPeople(text, start, tokens, g, cited, finding);
  }

  checkCodes(
    claim,
    tokens,
    mentions,
    g,
    claimTables,
    citedTables,
    cited,
    finding,
  );
  return finding;
}

/** `code K means M` (and `K = M`, `K stands for M`, `a status of K …`) against the column's code list. */
function checkCodes(
  claim: string,
  tokens: Token[],
  mentions: Mention[],
  g: ContractGraph,
  claimTables: string[],
  citedTables: string[],
  cited: readonly Fact[],
  finding: GraphFinding,
) {
  const columns = mentions
    .filter(m => m.kind === 'column')
    .map(m => ({ m, node: resolveColumn(m, g, claimTables, citedTables) }))
    .filter(x => x.node?.codes.size);
  const citedCoded = cited
    .map(f =>
      f.table && f.column
        ? g.columns.get(lc(`${f.table}.${f.column}`))
        : undefined,
    )
    .filter((c): c is ColumnNode => !!c && c.codes.size > 0);
  const subject =
    columns[0]?.node ?? (citedCoded.length >= 1 ? citedCoded[0] : undefined);
  if (!subject) return;
  const codes = [...subject.codes.keys()];
  for (const t of tokens) {
    const code = codes.find(
      k =>
        k === t.raw || (k.length > 1 && lc(k) === t.lower && !/[A-Z]/.test(k)),
    );
    if (!code) continue;
    // an article or a pronoun is no code ("A status of 2 …", "I")
    if (t.pos === 0 && /^[AI]$/.test(t.raw)) continue;
    const rest = claim.slice(t.end);
    const cue = CODE_CUE.exec(rest);
    if (!cue) continue;
    const after = rest.slice(cue[0].length);
    const stop = meaningEnd(after);
    const meaning = after
      .slice(0, stop < 0 ? undefined : stop)
      .replace(/^\s*["'“]?|["'”]?\s*$/g, '')
      .trim();
    if (!words(meaning).length) continue;
    const own = meaningScore(meaning, subject.codes.get(code)!);
    let best: { score: number; where: string } | undefined;
    for (const [k, v] of subject.codes)
      if (k !== code) {
        const s = meaningScore(meaning, v);
        if (s > (best?.score ?? 0)) best = { score: s, where: `${k} = ${v}` };
      }
    if (own < 0.5 && !(best && best.score >= 0.5)) {
      // a meaning listed for another column of the contract
      for (const c of g.columns.values()) {
        if (c === subject || !c.codes.size) continue;
        for (const [k, v] of c.codes) {
          const s = meaningScore(meaning, v);
          if (s >= 0.5 && s > (best?.score ?? 0))
            best = { score: s, where: `${c.table}.${c.name} ${k} = ${v}` };
        }
      }
    }
    const meaningStart =
      t.end + cue[0].length + (after.length - after.trimStart().length);
    const last = tokens.filter(
      x =>
        x.start >= meaningStart && x.end <= meaningStart + meaning.length + 2,
    );
    if (own >= 0.5 && (!best || best.score <= own)) {
      finding.supported.add(t.pos);
      for (let p = t.pos - 2; p <= t.pos + 3 && p < tokens.length; p++)
        if (
          p >= 0 &&
          /^(?:code|value|means?|stands?|for|of|is|indicates?|represents?|denotes?)$/i.test(
            tokens[p].raw,
          )
        )
          finding.supported.add(p);
      for (const x of last) finding.supported.add(x.pos);
    } else if (best && best.score >= 0.5 && best.score > own) {
      finding.contradictions.push(
        `pairs ${code} with "${meaning}", but the contract gives ${
          subject.table
        }.${subject.name} ${code} = ${subject.codes.get(
          code,
        )} ("${meaning}" is ${best.where})`,
      );
    }
  }
}

/** Where a claimed meaning ends: the clause's end, or the next `K =` / `and K means` pair (outside brackets). */
function meaningEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth) continue;
    const rest = text.slice(i);
    if (/^(?:;|\.(?:\s|$)|\s(?:while|whereas|but)\s)/.test(rest)) return i;
    if (
      /^(?:,\s*|,?\s+(?:and|or)\s+)(?:code\s+)?\S+\s*(?:=|→|->|:|means?\b|stands?\s+for\b)/i.test(
        rest,
      )
    )
      return i;
  }
  return text.length;
}

/** A duration a clause states (`4 days`, `every 24 hours`, `daily`), in seconds. */
function claimedDuration(
  tokens: Token[],
  from: number,
  to: number,
): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < from || t.end > to) continue;
    if (
      t.kind === 'number' &&
      tokens[i + 1] &&
      QUANTITY_UNITS.test(tokens[i + 1].raw)
    ) {
      const s = durationSeconds(Number(t.norm), tokens[i + 1].raw);
      if (s !== undefined) return s;
    }
    if (t.kind === 'word')
      for (const [n, unit] of lexicon().quantities(t.lower)) {
        const s = durationSeconds(n, unit);
        if (s !== undefined) return s;
      }
  }
  return undefined;
}

function checkSla(
  text: string,
  start: number,
  tokens: Token[],
  g: ContractGraph,
  cited: readonly Fact[],
  finding: GraphFinding,
) {
  if (!g.slas.length) return;
  const claimed = claimedDuration(tokens, start, start + text.length);
  if (claimed === undefined) return;
  const clauseWords = tokenize(text).map(t => t.norm);
  const named = g.slas.filter(s =>
    s.words.some(w => clauseWords.some(c => sameWord(c, w))),
  );
  const citedSlas = g.slas.filter(s => cited.some(f => f.id === s.factId));
  let about = named;
  if (!about.length && citedSlas.length === 1) about = citedSlas;
  const durations = about.filter(s => s.seconds !== undefined);
  if (!durations.length) return;
  if (durations.some(s => s.seconds === claimed)) {
    for (const t of tokens)
      if (t.start >= start && t.end <= start + text.length)
        finding.supported.add(t.pos);
    return;
  }
  const from = g.slas.find(s => s.seconds === claimed);
  finding.contradictions.push(
    `gives the ${durations[0].property} as ${humanDuration(
      claimed,
    )}, but the contract gives ${humanDuration(durations[0].seconds!)}${
      from ? ` (${humanDuration(claimed)} is the ${from.property})` : ''
    }`,
  );
}

function humanDuration(seconds: number): string {
  for (const [unit, s] of [
    ['year', 31536000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ] as const)
    if (seconds >= s && seconds % s === 0) {
      const n = seconds / s;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  return `${seconds} seconds`;
}

/** Names found in the text as whole words, longest first; a name inside a longer one found is not counted. */
function namesIn(text: string, names: Iterable<string>): string[] {
  const l = lc(text);
  const found: Array<{ name: string; at: number }> = [];
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    if (n.length < 2) continue;
    for (let at = l.indexOf(n); at >= 0; at = l.indexOf(n, at + 1)) {
      const whole =
        !/[\p{L}\p{N}]/u.test(l[at - 1] ?? ' ') &&
        !/[\p{L}\p{N}]/u.test(l[at + n.length] ?? ' ');
      const inside = found.some(
        f => at >= f.at && at + n.length <= f.at + f.name.length,
      );
      if (whole && !inside) {
        found.push({ name: n, at });
        break;
      }
    }
  }
  return found.map(f => f.name);
}

function checkPeople(
  text: string,
  start: number,
  tokens: Token[],
  g: ContractGraph,
  cited: readonly Fact[],
  finding: GraphFinding,
) {
  if (!g.people.size) return;
  const supportClause = () => {
    for (const t of tokens)
      if (t.start >= start && t.end <= start + text.length)
        finding.supported.add(t.pos);
  };
  const people = namesIn(text, g.people);
  if (!people.length) return;
  if (OWNER_CUE.test(text) && g.owners.length) {
    if (people.some(p => g.owners.includes(p))) supportClause();
    else
      finding.contradictions.push(
        `names ${people[0]} as the owner, but the contract gives ${g.owners[0]}`,
      );
    return;
  }
  if (APPROVER_CUE.test(text) && g.approvers.size) {
    const roles = namesIn(text, g.approvers.keys());
    const citedRoles = [...g.approvers.keys()].filter(r =>
      cited.some(f => lc(f.id) === `role:${r}`),
    );
    const role =
      roles[0] ?? (citedRoles.length === 1 ? citedRoles[0] : undefined);
    if (!role) return;
    const approvers = g.approvers.get(role)!;
    const wrong = people.filter(p => !approvers.includes(p) && p !== role);
    if (wrong.length)
      finding.contradictions.push(
        `names ${
          wrong[0]
        } as an approver of ${role}, but the contract gives ${approvers.join(
          ', ',
        )}`,
      );
    else supportClause();
  }
}
