import type { Claim, Fact } from '../types';
import type { Intent } from '../../context/intent';
import type { Mentions } from '../../context/mentions';
import { codeList, codesIn } from '../../context/codeList';
import { rankEntities, type RankedEntity } from '../../context/entityIndex';
import { columnParts, tableParts } from '../../context/factParts';
import { stripExamples } from '../../context/buildFacts';
import { topicTerms } from '../../context/topic';
import {
  contentTerms,
  FieldIndex,
  lemma,
  lexicon,
  rawTerms,
  splitIdentifier,
  stem,
} from '../../text';
import {
  claimOf,
  codeMeaning,
  columnMeaning,
  columnReference,
  columnType,
  sentencesOutsideCodes,
  referenceSentence,
  slaStatement,
  tableSummary,
} from './claims';

/** What an answerer sees: one part of the question, the facts, and what was detected in it. */
export interface AnswerContext {
  /** The part of the question being answered. */
  question: string;
  /** Lower-cased part. */
  q: string;
  facts: Fact[];
  intents: Intent[];
  mentions: Mentions;
  /** Tables the earlier parts' answers were about ("… and what is the type of orderdate?"). */
  earlierTables?: readonly string[];
}

/** Claims answering the part, or none when the facts do not hold its answer. */
export type Answerer = (ctx: AnswerContext) => Claim[];

const MAX_LISTED = 10;

/**
 * Least coverage of a question's topic words for a table or column to be its
 * answer (entityIndex.ts): below it the nearest entity is not the answer, and
 * the model says the metadata does not hold one. Tuned on the AdventureWorks
 * tune tables only.
 */
const MIN_COVERAGE = 0.7;
/** Other entities are listed beside the best while this close to its coverage. */
const LIST_WITHIN = 0.05;

const ofKind = (ctx: AnswerContext, ...kinds: Fact['kind'][]) =>
  ctx.facts.filter(f => kinds.includes(f.kind));

const columnKey = (f: Fact) => `${f.table}.${f.column}`;

function mentionedColumns(ctx: AnswerContext) {
  return new Set(ctx.mentions.columns.map(c => `${c.table}.${c.column}`));
}

/** Facts about the named columns, else the named tables, else all of them. */
function inScope(ctx: AnswerContext, facts: Fact[]): Fact[] {
  const columns = mentionedColumns(ctx);
  if (columns.size) {
    const hit = facts.filter(f => f.column && columns.has(columnKey(f)));
    if (hit.length) return hit;
  }
  if (ctx.mentions.tables.length) {
    const tables = new Set(ctx.mentions.tables);
    const hit = facts.filter(f => f.table && tables.has(f.table));
    if (hit.length) return hit;
  }
  return facts;
}

/** Names with their words (`salesorderheader`, sales, order, header), to leave out of a topic. */
const nameWords = (names: readonly string[]): string[] =>
  names.flatMap(n => [n, ...contentTerms(splitIdentifier(n).join(' '))]);

/** Words of the names of the tables a question mentions (left out of its topic). */
const tableWords = (ctx: AnswerContext) => nameWords(ctx.mentions.tables);

/** A column's classification fact, when it has one. */
const classificationOf = (ctx: AnswerContext, column: Fact) =>
  ctx.facts.find(
    f =>
      f.kind === 'classification' &&
      f.table === column.table &&
      f.column === column.column,
  );

/** A column in a list of columns: its facts without example values, with its classification. */
function columnClaim(ctx: AnswerContext, column: Fact): Claim {
  const cls = classificationOf(ctx, column);
  const text = stripExamples(column.text);
  return cls
    ? { text: `${text} ${cls.text}`, citations: [column.id, cls.id] }
    : { text, citations: [column.id] };
}

/**
 * The columns a part is about: the ones it names (when their name is in several
 * tables, those of the table the part or an earlier part is about), else the
 * columns of the tables it names whose names or descriptions say its topic
 * well enough.
 */
function targetColumns(ctx: AnswerContext): Fact[] {
  const named = mentionedColumns(ctx);
  const facts = ofKind(ctx, 'column');
  if (named.size) {
    const hit = facts.filter(f => named.has(columnKey(f)));
    const tables = new Set(hit.map(f => f.table));
    if (tables.size <= 1 || ctx.mentions.tables.length) return hit;
    const earlier = hit.filter(f => ctx.earlierTables?.includes(f.table!));
    if (earlier.length) return earlier;
    const topic = topicTerms(
      ctx.question,
      nameWords(ctx.mentions.columns.map(c => c.column)),
    );
    const ranked = rankEntities(hit, topic, { kind: 'column' });
    const best = ranked[0];
    return best
      ? ranked
          .filter(r => r.coverage >= best.coverage - LIST_WITHIN)
          .map(r => r.fact)
      : hit;
  }
  const topic = topicTerms(ctx.question, tableWords(ctx));
  const best = pickEntities(
    rankEntities(ctx.facts, topic, {
      kind: 'column',
      tables: ctx.mentions.tables,
    }),
  );
  return best.map(r => r.fact);
}

/**
 * The entities good enough to answer with: the best, and those about as well
 * covered and at least half as well ranked.
 */
function pickEntities(ranked: RankedEntity[], max = 3): RankedEntity[] {
  const best = ranked[0];
  if (!best || best.coverage < MIN_COVERAGE) return [];
  return ranked
    .filter(
      r =>
        r.coverage >= best.coverage - LIST_WITHIN && r.score >= best.score / 2,
    )
    .slice(0, max);
}

const owner: Answerer = ctx =>
  ofKind(ctx, 'owner', 'team', 'support').map(f => claimOf(f));

/** Generic ways of asking for an SLA property, for properties the question does not name. */
const SLA_TOPICS: Array<[RegExp, RegExp]> = [
  [
    /\bretention\b|\bretain|\bkept\b|\bhow long\b|\bhistory\b|\bdeleted?\b/,
    /retention/i,
  ],
  [
    /\bend of (life|support)\b|\bdeprecat|\bsunset|\bretire/,
    /endof(life|support)/i,
  ],
  [/\bgeneral(ly)? availab/, /generalavailability/i],
  [/\blatenc|\bdelay|\blag\b/, /latency/i],
  [
    /\bwhen .*\b(available|ready|complete|arrive)|\btime of availability|\bby what time\b/,
    /timeofavailability/i,
  ],
  [
    /\bfresh|\bstale\b|\bup[- ]to[- ]date\b|\bupdat|\brefresh|\bhow often\b|\bfrequen|\bload/,
    /frequency|latency|timeofavailability|fresh/i,
  ],
];

const slaProperty = (f: Fact) => f.id.replace(/^sla:/, '').replace(/#\d+$/, '');

/** Whether a question word names an SLA property (`fresh` ~ freshness, `retained` ~ retention). */
function namesProperty(words: string[], property: string): boolean {
  const parts = splitIdentifier(property);
  return words.some(w =>
    parts.some(
      p =>
        p === w ||
        (p.length > 3 && w.length > 3 && stem(p) === stem(w)) ||
        lexicon().family(w).has(p),
    ),
  );
}

const sla: Answerer = ctx => {
  const slas = ofKind(ctx, 'sla');
  if (!slas.length) return [];
  const words = contentTerms(ctx.question);
  const named = slas.filter(f => namesProperty(words, slaProperty(f)));
  let picked = named;
  if (!picked.length) {
    for (const [question, property] of SLA_TOPICS) {
      if (!question.test(ctx.q)) continue;
      picked = slas.filter(f => property.test(slaProperty(f)));
      if (picked.length) break;
    }
  }
  if (!picked.length) picked = slas;
  return picked.map(f => claimOf(f, slaStatement(f)));
};

const quality: Answerer = ctx =>
  inScope(ctx, ofKind(ctx, 'quality'))
    .slice(0, MAX_LISTED)
    .map(f => claimOf(f));

const classification: Answerer = ctx => {
  let facts = inScope(ctx, ofKind(ctx, 'classification'));
  if (/\bpii\b|\bpersonal|\bgdpr\b|\bprivacy\b/.test(ctx.q)) {
    facts = facts.filter(f => f.pii);
  } else if (/\brestricted\b/.test(ctx.q)) {
    facts = facts.filter(f => f.classification === 'restricted');
  } else if (/\bconfidential\b/.test(ctx.q)) {
    facts = facts.filter(f => f.classification === 'confidential');
  } else if (!mentionedColumns(ctx).size) {
    // "which columns are sensitive": the ones above internal, or PII / tagged sensitive
    facts = facts.filter(
      f =>
        f.pii ||
        f.classification === 'confidential' ||
        f.classification === 'restricted' ||
        !f.classification,
    );
  }
  return facts.slice(0, MAX_LISTED * 2).map(f => claimOf(f));
};

const keys: Answerer = ctx => {
  // a foreign key is a reference, not this table's primary key
  if (/\bforeign\b/.test(ctx.q)) return [];
  const tables = new Set(ctx.mentions.tables);
  const wantsGrain = /\bgrain\b|\bgranularity\b|\brow\b/.test(ctx.q);
  const wantsKey = /\bkeys?\b|\bpk\b|\bidentif/.test(ctx.q) || !wantsGrain;
  const pick = (f: Fact) =>
    !tables.size || (f.table !== undefined && tables.has(f.table));
  const claims: Claim[] = [];
  const keyFacts = ofKind(ctx, 'key').filter(pick);
  const tableFacts = ofKind(ctx, 'table').filter(pick);
  if (wantsKey)
    claims.push(...keyFacts.slice(0, MAX_LISTED).map(f => claimOf(f)));
  if (wantsGrain) {
    const grains = tableFacts.filter(f => /Grain:/.test(f.text));
    claims.push(...grains.slice(0, MAX_LISTED).map(f => claimOf(f)));
    // no grain stated: the named table's description and key say what a row is
    if (!grains.length && tables.size) {
      claims.push(...tableFacts.map(f => claimOf(f)));
      if (!wantsKey) claims.push(...keyFacts.map(f => claimOf(f)));
    }
  }
  return claims;
};

const count: Answerer = ctx => {
  const contracts = ofKind(ctx, 'contract').filter(f => !f.id.includes('#'));
  const wantsColumns = /\bcolumns?\b|\bfields?\b|\battributes?\b/.test(ctx.q);
  if (wantsColumns && ctx.mentions.tables.length) {
    return ofKind(ctx, 'table')
      .filter(f => ctx.mentions.tables.includes(f.table!))
      .map(f => {
        const n = /It has (\d+) columns/.exec(f.text)?.[1];
        return claimOf(f, n ? `Table ${f.table} has ${n} columns.` : f.text);
      });
  }
  if (
    !/\btables?\b|\bcolumns?\b|\bfields?\b|\bdatasets?\b|\boutput ports?\b|\battributes?\b/.test(
      ctx.q,
    )
  ) {
    return [];
  }
  return contracts.map(f => {
    const m = /has (\d+) tables? with (\d+) columns in total/.exec(f.text);
    if (!m) return claimOf(f);
    const name = /^Contract (.+?) version/.exec(f.text)?.[1] ?? 'the contract';
    return claimOf(
      f,
      wantsColumns
        ? `Contract ${name} has ${m[2]} columns in total across ${m[1]} tables.`
        : `Contract ${name} has ${m[1]} tables with ${m[2]} columns in total.`,
    );
  });
};

const listTables: Answerer = ctx =>
  ofKind(ctx, 'contract')
    .filter(f => !f.id.includes('#'))
    .map(f => {
      const list = /its output port tables are: (.+)$/.exec(f.text)?.[1];
      return claimOf(f, list ? `The output port tables are: ${list}` : f.text);
    });

/**
 * "Which table holds X": the tables whose names, descriptions and columns say
 * X; else the table of the column that says X, with that column.
 */
const whichTable: Answerer = ctx => {
  const topic = topicTerms(ctx.question);
  if (!topic.length) return [];
  const tables = pickEntities(
    rankEntities(ctx.facts, topic, { kind: 'table' }),
  );
  const [column] = pickEntities(
    rankEntities(ctx.facts, topic, { kind: 'column' }),
    1,
  );
  // "where is the shipping cost stored": one column that says it all beats tables that say it through their columns
  const columnSaysMore =
    column && column.coverage > (tables[0]?.coverage ?? 0) + LIST_WITHIN;
  if (tables.length && !columnSaysMore)
    return tables.flatMap(r => {
      const t = tableParts(r.fact);
      if (!t) return [];
      // "where is the shipping cost of a sales order stored": the table, and its column that says the rest
      const rest = topicTerms(ctx.question, nameWords([t.table]));
      const [inside] = rest.length
        ? pickEntities(
            rankEntities(ctx.facts, rest, {
              kind: 'column',
              tables: [t.table],
            }),
            1,
          )
        : [];
      return [
        claimOf(r.fact, tableSummary(t)),
        ...(inside && inside.coverage === 1
          ? [columnClaim(ctx, inside.fact)]
          : []),
      ];
    });
  const table =
    column && ofKind(ctx, 'table').find(f => f.table === column.fact.table);
  const t = table && tableParts(table);
  return t
    ? [claimOf(table, tableSummary(t)), columnClaim(ctx, column.fact)]
    : [];
};

/**
 * "What does the vendor table hold?", "describe the orders table": a part that
 * names tables and asks nothing more specific gets what the tables' facts say.
 */
function aboutNamedTables(ctx: AnswerContext): Claim[] {
  if (!ctx.mentions.tables.length || ctx.mentions.columns.length) return [];
  if (topicTerms(ctx.question, tableWords(ctx)).length) return [];
  return ofKind(ctx, 'table')
    .filter(f => ctx.mentions.tables.includes(f.table!))
    .map(f => claimOf(f));
}

/** "Which tables are there" lists them; "which tables hold X" looks for X. */
const tables: Answerer = ctx =>
  topicTerms(ctx.question).length ? whichTable(ctx) : listTables(ctx);

const access: Answerer = ctx => {
  const roles = ofKind(ctx, 'role');
  const columns = ctx.mentions.columns.map(c => c.column.toLowerCase());
  const specific = columns.length
    ? roles.filter(f => columns.some(c => f.text.toLowerCase().includes(c)))
    : [];
  const picked = specific.length ? specific : roles;
  if (/\boutput ports?\b/.test(ctx.q))
    return [...listTables(ctx), ...picked.map(f => claimOf(f))];
  return picked.map(f => claimOf(f));
};

const lineage: Answerer = ctx => {
  const facts = ofKind(ctx, 'lineage');
  const down =
    /\bdownstream\b|\bconsum|\bused by\b|\bwho uses\b|\bdepends? on (it|this)\b|\bfeeds?\b|\bdependents?\b/.test(
      ctx.q,
    );
  const up =
    /\bupstream\b|\bdepends? on\b(?! (it|this)\b)|\bsources?\b|\bcome from\b|\bfed by\b|\bderived\b|\bbuilt (from|on)\b|\binputs?\b/.test(
      ctx.q,
    );
  // Who uses it, without lineage: the contract's intended usage says so.
  if (!facts.length && down && !up)
    return ofKind(ctx, 'contract')
      .filter(f => f.id.endsWith('#usage'))
      .map(f => claimOf(f));
  // Neither direction asked, or both: all of the lineage.
  if (up === down) return facts.map(f => claimOf(f));
  const prefix = up ? 'lineage:up:' : 'lineage:down:';
  return facts.filter(f => f.id.startsWith(prefix)).map(f => claimOf(f));
};

/** Doc paragraphs and owner notes that name a column, for "what does X include?". */
function contextFor(ctx: AnswerContext, column: Fact): Claim[] {
  const name = column.column!.toLowerCase();
  const pattern = new RegExp(
    `(^|[^a-z0-9_])${name.replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    )}([^a-z0-9_]|$)`,
    'i',
  );
  return ctx.facts
    .filter(
      f =>
        (f.kind === 'note' &&
          (f.column === column.column ||
            (f.column === undefined && pattern.test(f.text)))) ||
        (f.kind === 'doc' && pattern.test(f.text)),
    )
    .slice(0, 2)
    .map(f => claimOf(f, docSentencesAbout(f, pattern)));
}

/** The sentences of a paragraph that name the column (the whole paragraph if none). */
function docSentencesAbout(fact: Fact, pattern: RegExp): string {
  if (fact.kind !== 'doc' || fact.text.length <= 320) return fact.text;
  const sentences = fact.text.split(/(?<=[.!?])\s+/);
  const hit = sentences.filter(s => pattern.test(s));
  return hit.length ? hit.join(' ') : fact.text;
}

/** "What statuses can an order have?", "possible values": the values, not only the meaning. */
const ASKS_VALUES =
  /\b(possible|allowed|valid|permitted|accepted) values\b|\b(what|which) values\b|\b(what|which) (\w+ )?\w+s can\b|\bcan (it|they) (take|have|be)\b/;

/**
 * The code(s) a part names, in the best-placed candidate column that lists
 * them, with the other candidates that give the same codes the same meaning
 * (`orders.status` and `order_status_events.status`: 5 means shipped).
 */
function namedCode(ctx: AnswerContext, columns: Fact[]) {
  const coded = columns.flatMap(f => {
    const c = columnParts(f);
    if (!c) return [];
    const list = codeList(c.description);
    const codes = codesIn(ctx.question, list);
    return codes.length ? [{ fact: f, parts: c, list, codes }] : [];
  });
  const first = coded[0];
  if (!first) return undefined;
  const key = (x: typeof first) =>
    x.codes.map(c => `${c.code}=${c.meaning.toLowerCase()}`).join('|');
  const same = coded.filter(x => key(x) === key(first));
  return { ...first, same };
}

/** Columns that hold a code the part names, when it names no column: "what does status 5 mean". */
function columnsWithCodes(ctx: AnswerContext): Fact[] {
  const candidates = ofKind(ctx, 'column').filter(f => {
    const c = columnParts(f);
    return !!c && codesIn(ctx.question, codeList(c.description)).length > 0;
  });
  if (candidates.length <= 1) return candidates;
  // the column whose table and name the rest of the question says best
  const topic = topicTerms(ctx.question);
  const ranked = rankEntities(candidates, topic, { kind: 'column' });
  return ranked.length ? ranked.map(r => r.fact) : candidates;
}

const column: Answerer = ctx => {
  let columns = targetColumns(ctx);
  const coded = namedCode(
    ctx,
    columns.length ? columns : columnsWithCodes(ctx),
  );
  if (coded) {
    const claims: Claim[] = coded.codes.map(code => ({
      text: codeMeaning(
        coded.same.map(x => x.parts),
        code,
      ),
      citations: coded.same.map(x => x.fact.id),
    }));
    for (const text of sentencesOutsideCodes(coded.parts, coded.list))
      claims.push(claimOf(coded.fact, text));
    return claims;
  }
  if (!columns.length) return aboutNamedTables(ctx);
  columns = columns.slice(0, 3);
  const claims: Claim[] = [];
  const values = ASKS_VALUES.test(ctx.q);
  for (const f of columns) {
    const c = columnParts(f);
    if (!c) {
      claims.push(columnClaim(ctx, f));
      continue;
    }
    for (const text of columnMeaning(c)) claims.push(claimOf(f, text));
    if (values && c.examples.length)
      claims.push(claimOf(f, `Examples: ${c.examples.join(', ')}.`));
    const cls = classificationOf(ctx, f);
    if (cls) claims.push(claimOf(cls));
    if (columns.length === 1) claims.push(...contextFor(ctx, f));
  }
  return claims;
};

const dataType: Answerer = ctx =>
  targetColumns(ctx)
    .slice(0, 3)
    .flatMap(f => {
      const c = columnParts(f);
      const text = c && columnType(c);
      return text ? [claimOf(f, text)] : [];
    });

/** "What does X reference", "how is A linked to B": the columns whose description says what they refer to. */
const reference: Answerer = ctx => {
  let columns = targetColumns(ctx).filter(f => {
    const c = columnParts(f);
    return !!c && !!referenceSentence(c);
  });
  if (!columns.length && ctx.mentions.tables.length >= 2) {
    // "how are line items linked to orders": a column of one named table that refers to another
    const [from, ...to] = ctx.mentions.tables;
    const targets = to.flatMap(t => contentTerms(splitIdentifier(t).join(' ')));
    columns = ofKind(ctx, 'column').filter(f => {
      const c = columnParts(f);
      const s = c?.table === from && referenceSentence(c);
      return !!s && contentTerms(s).some(w => targets.includes(w));
    });
  }
  return columns
    .slice(0, 3)
    .flatMap(f => columnReference(columnParts(f)!).map(t => claimOf(f, t)));
};

/**
 * Tables the question names by two or more adjacent words of their name
 * ("sales order" for `salesorderheader`), when it names none in full.
 */
function looselyNamedTables(ctx: AnswerContext): string[] {
  const words = rawTerms(ctx.q).map(w => lemma(w));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++)
    pairs.add(`${words[i]} ${words[i + 1]}`);
  const named = new Set(ctx.facts.flatMap(f => (f.table ? [f.table] : [])));
  return [...named].filter(table => {
    const parts = splitIdentifier(table).map(w => lemma(w));
    for (let i = 0; i + 1 < parts.length; i++)
      if (pairs.has(`${parts[i]} ${parts[i + 1]}`)) return true;
    return false;
  });
}

/** "Which columns hold X": the columns whose names and descriptions say X. */
const columnsHolding: Answerer = ctx => {
  const within = rankEntities(
    ctx.facts,
    topicTerms(ctx.question, tableWords(ctx)),
    {
      kind: 'column',
      tables: ctx.mentions.tables,
    },
  );
  let picked = ctx.mentions.tables.length
    ? pickEntities(within, MAX_LISTED)
    : [];
  // "the tax on a sales order": two words of a table's name, said in its order, point at that table
  const loosely = ctx.mentions.tables.length ? [] : looselyNamedTables(ctx);
  if (!picked.length && loosely.length)
    picked = pickEntities(
      rankEntities(ctx.facts, topicTerms(ctx.question), {
        kind: 'column',
        tables: loosely,
        ignore: new Set(nameWords(loosely)),
      }),
      MAX_LISTED,
    );
  // "the phone number of a person" may sit in another table than `person`
  if (!picked.length)
    picked = pickEntities(
      rankEntities(ctx.facts, topicTerms(ctx.question), { kind: 'column' }),
      MAX_LISTED,
    );
  return picked.map(r => columnClaim(ctx, r.fact));
};

const product: Answerer = ctx => {
  const contract = ofKind(ctx, 'contract');
  const part = (key: string) => contract.filter(f => f.id.endsWith(`#${key}`));
  if (/\blimitations?\b|\bcaveats?\b/.test(ctx.q))
    return part('limitations').map(f => claimOf(f));
  if (
    /\bused for\b|\buse cases?\b|\busage\b|\bwhat (can|should) i use\b/.test(
      ctx.q,
    )
  ) {
    return [...part('usage'), ...part('purpose')].map(f => claimOf(f));
  }
  if (/\bdomain\b/.test(ctx.q))
    return ofKind(ctx, 'domain').map(f => claimOf(f));
  if (/\btags?\b/.test(ctx.q)) return ofKind(ctx, 'tag').map(f => claimOf(f));
  return [
    ...ofKind(ctx, 'product'),
    ...part('purpose'),
    ...ofKind(ctx, 'domain'),
  ].map(f => claimOf(f));
};

/**
 * "Show me example emails": the honest answer is the column's facts with its
 * example values. Whether the asker may see them is the validator's call
 * (their clearance against the column's classification), not this model's.
 */
const values: Answerer = ctx => {
  const columns = mentionedColumns(ctx);
  const named = ofKind(ctx, 'column').filter(f => columns.has(columnKey(f)));
  const picked = named.length
    ? named
    : columnsHolding(ctx)
        .map(c => ctx.facts.find(f => f.id === c.citations[0]))
        .filter((f): f is Fact => f?.kind === 'column');
  return picked.slice(0, 3).map(f => claimOf(f));
};

export const ANSWERERS: Record<Intent, Answerer> = {
  values,
  count,
  lineage,
  owner,
  access,
  sla,
  quality,
  classification,
  keys,
  reference,
  dataType,
  whichTable,
  columnsHolding,
  tables,
  column,
  product,
};

/** Facts about the named columns ranked by the part's words: "can order_total be negative?" → its quality rule. */
function aboutNamedColumns(ctx: AnswerContext): Claim[] {
  const named = mentionedColumns(ctx);
  const about = ctx.facts.filter(f => f.column && named.has(columnKey(f)));
  const topic = topicTerms(ctx.question, [
    ...nameWords(ctx.mentions.columns.map(c => c.column)),
    ...tableWords(ctx),
  ]);
  if (topic.length) {
    const index = new FieldIndex({ fields: ['text'] });
    index.add(about.map(f => ({ id: f.id, text: stripExamples(f.text) })));
    const best = index.query(topic.join(' '), { expansion: 0.5, limit: 1 })[0];
    const fact = best && about.find(f => f.id === best.id);
    if (fact && fact.kind !== 'column') return [claimOf(fact)];
  }
  return column(ctx);
}

/**
 * For parts no intent covers: the named columns' facts; else a doc paragraph,
 * note or contract statement that holds most of the part's words; else a table
 * or column that says all of it.
 */
export const fallback: Answerer = ctx => {
  if (ctx.mentions.columns.length) return aboutNamedColumns(ctx);
  const named = aboutNamedTables(ctx);
  if (named.length) return named;
  const topic = topicTerms(ctx.question);
  if (topic.length < 2) return [];
  let best: { fact: Fact; share: number } | undefined;
  for (const f of ctx.facts) {
    const statement =
      f.kind === 'doc' ||
      f.kind === 'note' ||
      (f.kind === 'contract' && f.id.includes('#'));
    if (!statement) continue;
    const words = new Set(contentTerms(f.text));
    const share = topic.filter(t => words.has(t)).length / topic.length;
    if (!best || share > best.share) best = { fact: f, share };
  }
  // a part that asked for something (an owner, an SLA) is not answered by a table that happens to match
  if (ctx.intents.length)
    return best && best.share >= 0.6 ? [claimOf(best.fact)] : [];
  const ranked = [
    ...rankEntities(ctx.facts, topic, { kind: 'table' }),
    ...rankEntities(ctx.facts, topic, { kind: 'column' }),
  ].sort((a, b) => b.coverage - a.coverage || b.score - a.score);
  const top = ranked[0];
  // a table or column that says all of it, unless a statement says as much
  if (top && top.coverage >= 1 && (!best || best.share < 1)) {
    const t = tableParts(top.fact);
    return [
      t ? claimOf(top.fact, tableSummary(t)) : columnClaim(ctx, top.fact),
    ];
  }
  return best && best.share >= 0.6 ? [claimOf(best.fact)] : [];
};
