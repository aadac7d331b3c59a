/**
 * Swap generator over a contract's graph: for each edge of one contract
 * (table → primary key, column → code meanings, column → foreign-key target,
 * column → type, SLA property → value, product → owner, role → approvers) it
 * writes a correct statement and the same statement with the value taken from
 * elsewhere in the same contract, as an answer model that conflated two parts
 * of the contract would write it: citing the fact it should cite and the fact
 * the wrong value came from.
 *
 * The generator reads the parsed contract profile (structured fields), not
 * the validator's fact parsing; code lists and foreign keys, which contracts
 * write in column descriptions, are read here by patterns of their own.
 * Deterministic: every choice is a hash of the contract, table and column.
 */
import { createHash } from 'node:crypto';
import type {
  ContractProfile,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '../../plugins/data-product-assistant-node/src/models/types';

export type GraphRelation =
  | 'primary-key'
  | 'code-meaning'
  | 'foreign-key'
  | 'type'
  | 'sla'
  | 'owner'
  | 'approver';

export const GRAPH_RELATIONS: readonly GraphRelation[] = [
  'primary-key',
  'code-meaning',
  'foreign-key',
  'type',
  'sla',
  'owner',
  'approver',
];

export interface GraphStatement {
  relation: GraphRelation;
  /** The table the statement is about (the split key), when it is about one. */
  table?: string;
  question: string;
  text: string;
  citations: string[];
  /** True when a value was swapped in from elsewhere in the contract. */
  swapped: boolean;
  /** What was swapped: `right → wrong`. */
  swap?: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest();
/** A deterministic index in [0, n). */
const pick = (key: string, n: number) => hash(key).readUInt32BE(0) % n;
const choose = <T>(key: string, items: readonly T[]): T | undefined =>
  items.length ? items[pick(key, items.length)] : undefined;

const lc = (s: string) => s.toLowerCase();

function primaryKeyOf(t: TableProfile): string[] {
  if (t.primaryKey.length) return t.primaryKey;
  return t.columns
    .filter(c => c.primaryKey)
    .sort(
      (a, b) =>
        (a.primaryKeyPosition ?? Infinity) - (b.primaryKeyPosition ?? Infinity),
    )
    .map(c => c.name);
}

const CODE_AT = /(?<![\w-])([0-9]{1,3}|[A-Z][A-Z0-9_]{0,11})\s*=\s*(?=\S)/g;

/**
 * `K = meaning` lists (`1 = placed, 2 = paid`: each meaning runs to the next
 * `K =`, the last one to the end of its sentence) and two-column markdown
 * tables (`| placed | The order … |`).
 */
export function codeList(description: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!description) return out;
  const flat = description.replace(/\s+/g, ' ');
  const at = [...flat.matchAll(CODE_AT)];
  at.forEach((m, i) => {
    const from = m.index! + m[0].length;
    let meaning = flat.slice(
      from,
      i + 1 < at.length ? at[i + 1].index : undefined,
    );
    if (i + 1 === at.length) meaning = meaning.split(/\.\s/)[0];
    meaning = meaning
      .replace(/[\s,;.]+$/, '')
      .replace(/\s+(?:and|or)$/, '')
      .trim();
    if (meaning && m[1] !== 'NULL') out.set(m[1], meaning);
  });
  if (out.size >= 2) return out;
  out.clear();
  for (const line of description.split('\n')) {
    const cells = line
      .split('|')
      .map(c => c.trim())
      .filter(Boolean);
    if (cells.length !== 2 || /^-+$/.test(cells[0])) continue;
    if (/^(?:description|meaning)$/i.test(cells[1])) continue;
    out.set(cells[0], cells[1].replace(/\s+/g, ' '));
  }
  return out.size >= 2 ? out : new Map();
}

/** The foreign-key target a column description names: `Foreign key to Person.BusinessEntityID`, `refers to customers.customer_id`, `Foreign key to the customers table`. */
export function foreignKeyTarget(
  description: string | undefined,
  tables: readonly TableProfile[],
): { table: string; column?: string } | undefined {
  if (!description) return undefined;
  const m =
    /\b(?:foreign key to|refers to|references)\s+(?:the\s+)?([A-Za-z_][\w]*)(?:\.([A-Za-z_][\w]*))?/i.exec(
      description.replace(/\s+/g, ' '),
    );
  if (!m) return undefined;
  const table = tables.find(t => lc(t.name) === lc(m[1]));
  if (!table) return undefined;
  const column = m[2]
    ? table.columns.find(c => lc(c.name) === lc(m[2]!))?.name
    : primaryKeyOf(table)[0];
  return { table: table.name, column };
}

const UNIT_WORDS: Record<string, string> = {
  d: 'days',
  day: 'days',
  days: 'days',
  h: 'hours',
  hour: 'hours',
  hours: 'hours',
  m: 'minutes',
  min: 'minutes',
  minutes: 'minutes',
  y: 'years',
  yr: 'years',
  year: 'years',
  years: 'years',
  w: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
};

function slaText(value: string, unit: string | undefined): string {
  if (!unit) return value;
  const u = UNIT_WORDS[lc(unit)] ?? unit;
  return `${value} ${Number(value) === 1 ? u.replace(/s$/, '') : u}`;
}

function slaWord(property: string): string {
  const p = lc(property);
  return (
    {
      frequency: 'update frequency',
      latency: 'latency',
      retention: 'retention period',
      freshness: 'freshness',
    }[p] ?? property
  );
}

export interface GenerateOptions {
  /** Only statements about these tables (contract-wide ones — SLA, owner, approvers — when `contractWide`). */
  tableFilter?: (table: string) => boolean;
  /** Include statements that are about no table (SLAs, owner, approvers). Default true. */
  contractWide?: boolean;
  /** Statements per relation per table at most (default 2). */
  perTable?: number;
}

/**
 * Correct and swapped statement pairs over one contract. `facts` are the
 * contract's facts (their ids are the citations); `owner` the product owner.
 */
export function graphStatements(
  contract: ContractProfile,
  facts: readonly Fact[],
  options: GenerateOptions & { owner?: string } = {},
): GraphStatement[] {
  const ids = new Set(facts.map(f => f.id));
  const has = (id: string) => ids.has(id);
  const out: GraphStatement[] = [];
  const keep = options.tableFilter ?? (() => true);
  const perTable = options.perTable ?? 2;
  const tables = contract.tables;
  const key = (...parts: string[]) => [contract.id, ...parts].join('\0');
  const pair = (
    base: Omit<GraphStatement, 'swapped' | 'swap' | 'text' | 'citations'>,
    right: { text: string; citations: string[] },
    wrong: { text: string; citations: string[]; swap: string } | undefined,
  ) => {
    if (!wrong) return;
    if (![...right.citations, ...wrong.citations].every(has)) return;
    out.push({ ...base, ...right, swapped: false });
    out.push({
      ...base,
      text: wrong.text,
      citations: wrong.citations,
      swapped: true,
      swap: wrong.swap,
    });
  };

  // Primary keys: another table's key (or a non-key column of the same table).
  const pks = tables
    .map(t => ({ t, pk: primaryKeyOf(t) }))
    .filter(x => x.pk.length > 0);
  for (const { t, pk } of pks) {
    if (!keep(t.name)) continue;
    const phrase = [
      (c: string) => `The primary key of table ${t.name} is ${c}.`,
      (c: string) => `${c} is the primary key of ${t.name}.`,
      (c: string) => `Each row of ${t.name} is identified by ${c}.`,
    ];
    const say = phrase[pick(key('pk-phrase', t.name), phrase.length)];
    const right = pk.length === 1 ? pk[0] : `(${pk.join(', ')})`;
    const others = pks.filter(
      o => o.t !== t && o.pk.length === 1 && !pk.includes(o.pk[0]),
    );
    const other = choose(key('pk', t.name), others);
    const sameTable = t.columns.filter(c => !pk.includes(c.name));
    const useOwn =
      !other || (sameTable.length > 0 && pick(key('pk-own', t.name), 3) === 0);
    const wrong = useOwn
      ? choose(key('pk-col', t.name), sameTable)?.name
      : other!.pk[0];
    if (!wrong) continue;
    pair(
      {
        relation: 'primary-key',
        table: t.name,
        question: `What is the primary key of ${t.name}?`,
      },
      { text: say(right), citations: [`key:${t.name}`] },
      {
        text: say(wrong),
        citations: useOwn
          ? [`key:${t.name}`, `col:${t.name}.${wrong}`]
          : [`key:${t.name}`, `key:${other!.t.name}`],
        swap: `${right} → ${wrong}${
          useOwn ? '' : ` (key of ${other!.t.name})`
        }`,
      },
    );
  }

  // Code meanings: another meaning of the same list, or of another column's list.
  const lists = tables.flatMap(t =>
    t.columns
      .map(c => ({ t, c, codes: codeList(c.description) }))
      .filter(x => x.codes.size >= 2),
  );
  for (const { t, c, codes } of lists) {
    if (!keep(t.name)) continue;
    const entries = [...codes];
    const chosen = [...entries]
      .sort((a, b) =>
        hash(key('code', t.name, c.name, a[0])).compare(
          hash(key('code', t.name, c.name, b[0])),
        ),
      )
      .slice(0, perTable);
    for (const [code, meaning] of chosen) {
      const phrase = [
        (m: string) => `In ${t.name}.${c.name}, code ${code} means ${m}.`,
        (m: string) => `A ${c.name} of ${code} stands for ${m}.`,
        (m: string) => `${c.name} value ${code} means ${m}.`,
      ];
      const say = phrase[pick(key('code-phrase', t.name, c.name, code), 3)];
      const fromOther =
        lists.length > 1 &&
        pick(key('code-other', t.name, c.name, code), 3) === 0;
      let wrong: { meaning: string; cite?: string } | undefined;
      if (fromOther) {
        const o = choose(
          key('code-list', t.name, c.name, code),
          lists.filter(l => l.c !== c),
        );
        const m = o && choose(key('code-m', code), [...o.codes.values()]);
        if (m && lc(m) !== lc(meaning))
          wrong = { meaning: m, cite: `col:${o!.t.name}.${o!.c.name}` };
      }
      if (!wrong) {
        const m = choose(
          key('code-same', t.name, c.name, code),
          entries.filter(([k, v]) => k !== code && lc(v) !== lc(meaning)),
        );
        if (m) wrong = { meaning: m[1] };
      }
      if (!wrong) continue;
      const own = `col:${t.name}.${c.name}`;
      pair(
        {
          relation: 'code-meaning',
          table: t.name,
          question: `What does ${c.name} ${code} mean?`,
        },
        { text: say(meaning), citations: [own] },
        {
          text: say(wrong.meaning),
          citations: wrong.cite ? [own, wrong.cite] : [own],
          swap: `${code}: ${meaning} → ${wrong.meaning}`,
        },
      );
    }
  }

  // Foreign keys: another table of the contract as the target.
  const keyed = pks.filter(x => x.pk.length === 1);
  const perTableCount = new Map<string, number>();
  for (const t of tables) {
    if (!keep(t.name)) continue;
    for (const c of t.columns) {
      const target = foreignKeyTarget(c.description, tables);
      if (!target) continue;
      const n = perTableCount.get(t.name) ?? 0;
      if (n >= perTable) break;
      perTableCount.set(t.name, n + 1);
      const other = choose(
        key('fk', t.name, c.name),
        keyed.filter(
          o =>
            lc(o.t.name) !== lc(target.table) &&
            o.t !== t &&
            lc(o.pk[0]) !== lc(target.column ?? ''),
        ),
      );
      if (!other) continue;
      const ref = (table: string, column?: string) =>
        column ? `${table}.${column}` : table;
      const phrase = [
        (x: string) => `${t.name}.${c.name} references ${x}.`,
        (x: string) => `${c.name} in ${t.name} is a foreign key to ${x}.`,
        (x: string) => `${t.name}.${c.name} points to ${x}.`,
      ];
      const say = phrase[pick(key('fk-phrase', t.name, c.name), 3)];
      pair(
        {
          relation: 'foreign-key',
          table: t.name,
          question: `What does ${t.name}.${c.name} refer to?`,
        },
        {
          text: say(ref(target.table, target.column)),
          citations: [`col:${t.name}.${c.name}`],
        },
        {
          text: say(ref(other.t.name, other.pk[0])),
          citations: [`col:${t.name}.${c.name}`, `key:${other.t.name}`],
          swap: `${ref(target.table, target.column)} → ${ref(
            other.t.name,
            other.pk[0],
          )}`,
        },
      );
    }
  }

  // Types: the physical type of another column with a different one.
  const typed = tables.flatMap(t =>
    t.columns
      .filter(c => c.physicalType && !/[\s]/.test(c.physicalType))
      .map(c => ({ t, c })),
  );
  for (const t of tables) {
    if (!keep(t.name)) continue;
    const own = typed.filter(x => x.t === t);
    for (const { c } of [...own]
      .sort((a, b) =>
        hash(key('type', t.name, a.c.name)).compare(
          hash(key('type', t.name, b.c.name)),
        ),
      )
      .slice(0, Math.min(perTable, 1))) {
      const other = choose(
        key('type-other', t.name, c.name),
        typed.filter(
          x =>
            lc(x.c.physicalType!) !== lc(c.physicalType!) &&
            lc(x.c.logicalType ?? '') !== lc(c.logicalType ?? '') &&
            lc(x.c.physicalType!) !== lc(c.logicalType ?? ''),
        ),
      );
      if (!other) continue;
      const phrase = [
        (x: string) => `Column ${t.name}.${c.name} is of type ${x}.`,
        (x: string) => `${t.name}.${c.name} is stored as ${x}.`,
        (x: string) => `The data type of ${c.name} in ${t.name} is ${x}.`,
      ];
      const say = phrase[pick(key('type-phrase', t.name, c.name), 3)];
      pair(
        {
          relation: 'type',
          table: t.name,
          question: `What type is ${t.name}.${c.name}?`,
        },
        { text: say(c.physicalType!), citations: [`col:${t.name}.${c.name}`] },
        {
          text: say(other.c.physicalType!),
          citations: [
            `col:${t.name}.${c.name}`,
            `col:${other.t.name}.${other.c.name}`,
          ],
          swap: `${c.physicalType} → ${other.c.physicalType}`,
        },
      );
    }
  }

  if (options.contractWide === false) return out;

  // SLAs: the value of another SLA property of the contract.
  const slas = contract.slas
    .map((s, i) => ({
      s,
      id: contract.slas.slice(0, i).some(x => x.property === s.property)
        ? `sla:${s.property}#${
            contract.slas.slice(0, i).filter(x => x.property === s.property)
              .length
          }`
        : `sla:${s.property}`,
      text: slaText(s.value, s.unit),
    }))
    .filter(x => /^\d+(?:\.\d+)?$/.test(x.s.value));
  for (const x of slas) {
    const other = choose(
      key('sla', x.id),
      slas.filter(o => o.text !== x.text),
    );
    if (!other) continue;
    const say = (v: string) => `The ${slaWord(x.s.property)} is ${v}.`;
    pair(
      {
        relation: 'sla',
        question: `What is the ${slaWord(x.s.property)}?`,
      },
      { text: say(x.text), citations: [x.id] },
      {
        text: say(other.text),
        citations: [x.id, other.id],
        swap: `${x.text} → ${other.text} (${other.s.property})`,
      },
    );
  }

  // Owner and approvers: another person or team named in the contract.
  const people = [
    ...(contract.team?.members ?? []).map(m => m.name ?? m.username),
    ...contract.roles.flatMap(r => r.approvers),
    ...(contract.team?.name ? [contract.team.name] : []),
  ].filter((v, i, a) => v && a.indexOf(v) === i);
  if (options.owner) {
    const ownerName = options.owner
      .replace(/^[^:]+:/, '')
      .replace(/^[^/]+\//, '');
    const other = choose(
      key('owner'),
      people.filter(p => lc(p) !== lc(ownerName)),
    );
    if (other)
      pair(
        { relation: 'owner', question: 'Who owns this data product?' },
        {
          text: `The data product is owned by ${ownerName}.`,
          citations: ['owner'],
        },
        {
          text: `The data product is owned by ${other}.`,
          citations: ['owner', ...(has('team') ? ['team'] : [])],
          swap: `${ownerName} → ${other}`,
        },
      );
  }
  for (const r of contract.roles) {
    if (!r.approvers.length) continue;
    const right = r.approvers[0];
    const other = choose(
      key('approver', r.role),
      people.filter(p => !r.approvers.some(a => lc(a) === lc(p))),
    );
    if (!other) continue;
    const otherRole = contract.roles.find(o => o.approvers.includes(other));
    pair(
      {
        relation: 'approver',
        question: `Who approves access requests for ${r.role}?`,
      },
      {
        text: `Access requests for role ${r.role} are approved by ${right}.`,
        citations: [`role:${r.role}`],
      },
      {
        text: `Access requests for role ${r.role} are approved by ${other}.`,
        citations: [
          `role:${r.role}`,
          ...(otherRole
            ? [`role:${otherRole.role}`]
            : has('team')
            ? ['team']
            : []),
        ],
        swap: `${right} → ${other}`,
      },
    );
  }
  return out;
}
