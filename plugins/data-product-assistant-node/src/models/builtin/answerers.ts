import type { Claim, Fact } from '../types';
import type { Intent } from '../../context/intent';
import type { Mentions } from '../../context/mentions';
import { stripExamples } from '../../context/buildFacts';
import { compactName, contentTerms, normaliseTerm, rawTerms } from '../../text';
import { expandTopic } from './topics';

/** What an answerer sees: the question, the facts, and what was detected in it. */
export interface AnswerContext {
  question: string;
  /** Lower-cased question. */
  q: string;
  facts: Fact[];
  intents: Intent[];
  mentions: Mentions;
}

export type Answerer = (ctx: AnswerContext) => Claim[];

const MAX_LISTED = 10;

const claimOf = (fact: Fact, text = fact.text): Claim => ({
  text,
  citations: [fact.id],
});

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

/** A column's facts as a claim, never with its example values. */
function columnClaim(ctx: AnswerContext, column: Fact): Claim {
  const cls = ctx.facts.find(
    f =>
      f.kind === 'classification' &&
      f.table === column.table &&
      f.column === column.column,
  );
  const text = stripExamples(column.text);
  return cls
    ? { text: `${text} ${cls.text}`, citations: [column.id, cls.id] }
    : { text, citations: [column.id] };
}

const owner: Answerer = ctx =>
  ofKind(ctx, 'owner', 'team', 'support').map(f => claimOf(f));

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
    /frequency|latency|timeofavailability/i,
  ],
];

const sla: Answerer = ctx => {
  const slas = ofKind(ctx, 'sla');
  for (const [question, property] of SLA_TOPICS) {
    if (!question.test(ctx.q)) continue;
    const hit = slas.filter(f =>
      property.test(f.id.replace(/^sla:/, '').replace(/#\d+$/, '')),
    );
    if (hit.length) return hit.map(f => claimOf(f));
  }
  return slas.map(f => claimOf(f));
};

const quality: Answerer = ctx =>
  inScope(ctx, ofKind(ctx, 'quality'))
    .slice(0, MAX_LISTED)
    .map(f => claimOf(f));

const classification: Answerer = ctx => {
  let facts = inScope(ctx, ofKind(ctx, 'classification'));
  if (/\bpii\b|\bpersonal|\bgdpr\b|\bprivacy\b/.test(ctx.q)) {
    const pii = facts.filter(f => f.pii);
    if (pii.length) facts = pii;
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
    claims.push(
      ...tableFacts
        .filter(f => /Grain:/.test(f.text))
        .slice(0, MAX_LISTED)
        .map(f => claimOf(f)),
    );
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

const tables: Answerer = ctx =>
  ofKind(ctx, 'contract')
    .filter(f => !f.id.includes('#'))
    .map(f => {
      const list = /its output port tables are: (.+)$/.exec(f.text)?.[1];
      return claimOf(f, list ? `The output port tables are: ${list}` : f.text);
    });

const access: Answerer = ctx => {
  const roles = ofKind(ctx, 'role');
  const columns = ctx.mentions.columns.map(c => c.column.toLowerCase());
  const specific = columns.length
    ? roles.filter(f => columns.some(c => f.text.toLowerCase().includes(c)))
    : [];
  const picked = specific.length ? specific : roles;
  if (/\boutput ports?\b/.test(ctx.q))
    return [...tables(ctx), ...picked.map(f => claimOf(f))];
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

const column: Answerer = ctx => {
  const columns = mentionedColumns(ctx);
  const facts = ofKind(ctx, 'column').filter(f => columns.has(columnKey(f)));
  const claims: Claim[] = [];
  for (const f of facts.slice(0, 5)) {
    claims.push(columnClaim(ctx, f));
    if (facts.length === 1) claims.push(...contextFor(ctx, f));
  }
  return claims;
};

/** Words that shape a "which columns hold X" question rather than name X. */
const FRAME = new Set(
  (
    'column columns field fields attribute attributes hold holds contain contains store stores stored have has with ' +
    'kept held found find table tables data product value values information info record records'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

const columnsHolding: Answerer = ctx => {
  const topic = contentTerms(ctx.question).filter(t => !FRAME.has(t));
  if (!topic.length) return [];
  const terms = expandTopic(topic);
  const scored: Array<{ fact: Fact; score: number }> = [];
  for (const f of inScope(ctx, ofKind(ctx, 'column'))) {
    const name = compactName(f.column ?? '');
    const nameParts = rawTerms(f.column ?? '').map(t => normaliseTerm(t) ?? '');
    const business = contentTerms(
      /^Column \S+ \("([^"]+)"/.exec(f.text)?.[1] ?? '',
    );
    const description = contentTerms(
      stripExamples(f.text).replace(/^Column \S+ \([^)]*\)/, ''),
    );
    let score = 0;
    for (const t of terms) {
      if (nameParts.includes(t) || (t.length >= 4 && name.includes(t)))
        score = Math.max(score, 3);
      else if (business.includes(t)) score = Math.max(score, 2);
      else if (description.includes(t)) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ fact: f, score });
  }
  const best = Math.max(0, ...scored.map(s => s.score));
  return scored
    .filter(s => s.score >= Math.min(best, 2))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_LISTED)
    .map(s => columnClaim(ctx, s.fact));
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
  columnsHolding,
  tables,
  column,
  product,
};

/** For questions no intent covers: a doc paragraph or note that holds most of the question's words. */
export const fallback: Answerer = ctx => {
  if (ctx.mentions.columns.length) return column(ctx);
  const terms = contentTerms(ctx.question);
  if (terms.length < 2) return [];
  let best: { fact: Fact; share: number } | undefined;
  for (const f of ctx.facts) {
    if (f.kind !== 'doc' && f.kind !== 'note' && f.kind !== 'contract')
      continue;
    const words = new Set(contentTerms(f.text));
    const share = terms.filter(t => words.has(t)).length / terms.length;
    if (!best || share > best.share) best = { fact: f, share };
  }
  return best && best.share >= 0.6 ? [claimOf(best.fact)] : [];
};
