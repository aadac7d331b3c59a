/**
 * Claims the built-in model writes: the answer first, then the detail, each
 * made only of words its cited fact says (or quoting it), so the validator can
 * check every one against its citation.
 */
import type { Claim, Fact } from '../types';
import type { CodeMeaning } from '../../context/codeList';
import type { ColumnParts, TableParts } from '../../context/factParts';

export const claimOf = (fact: Fact, text = fact.text): Claim => ({
  text,
  citations: [fact.id],
});

const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

const ref = (c: ColumnParts) => `${c.table}.${c.column}`;

/** `logical (physical)` from `logical, physical`. */
function typeLabel(types: string | undefined): string | undefined {
  if (!types) return undefined;
  const [logical, physical] = types.split(', ');
  return physical && physical.toLowerCase() !== logical.toLowerCase()
    ? `${logical} (${physical})`
    : logical;
}

/** A description's sentences (a list of codes stays in one sentence). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * What a column holds, as claims the validator can hold against its fact: the
 * column with its types and the description's first sentence, then each further
 * sentence, every one quoted from the fact (examples left out).
 */
export function columnMeaning(c: ColumnParts): string[] {
  const [first, ...rest] = sentencesOf(c.description);
  return first ? [`${c.header}: ${first}`, ...rest] : [sentence(c.header)];
}

/** One code's meaning in one or more columns: `orders.status: 5 means shipped.` */
export function codeMeaning(columns: ColumnParts[], code: CodeMeaning): string {
  const names = columns.map(ref);
  const subject =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
      : names[0];
  return `${subject}: ${code.code} means ${sentence(code.meaning)}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sentences of a column's description that are not its code list, quoted
 * (the first one with the column's header): what the codes are codes of, and
 * what else is said about them.
 */
export function sentencesOutsideCodes(
  c: ColumnParts,
  codes: CodeMeaning[],
): string[] {
  const lists = (s: string) =>
    codes.some(x =>
      new RegExp(`(^|[\\s:;,(|])${escape(x.code)}\\s*(=|→|->|\\|)`).test(s),
    );
  return sentencesOf(c.description)
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !lists(s))
    .slice(0, 2)
    .map(({ s, i }) => (i === 0 ? `${c.header}: ${s}` : s));
}

/** A column's data type, answer first. */
export function columnType(c: ColumnParts): string | undefined {
  const label = typeLabel(c.types);
  return label ? `The data type of ${ref(c)} is ${label}.` : undefined;
}

/** How surely a sentence says what a column refers to: a foreign key, then a reference, then a link. */
const REFERENCE = [
  /\bforeign key\b/i,
  /\brefer(s|ence|ences|enced)?\b/i,
  /\b(points?|links?) to\b/i,
];

/** The sentence of a description that says what a column refers to. */
export function referenceSentence(c: ColumnParts): string | undefined {
  const sentences = sentencesOf(c.description);
  for (const re of REFERENCE) {
    const hit = sentences.find(s => re.test(s));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A column's reference as quoted claims: the column and its first sentence,
 * then the sentence saying what it refers to, when that is another one.
 */
export function columnReference(c: ColumnParts): string[] {
  const s = referenceSentence(c);
  if (!s) return [];
  const [first] = sentencesOf(c.description);
  return first === s ? [`${c.header}: ${s}`] : [`${c.header}: ${first}`, s];
}

/** A table, answer first: the start of its fact (`Table t ("B"): description.`). */
export function tableSummary(t: TableParts): string {
  return t.description
    ? `${t.header}: ${sentence(t.description)}`
    : sentence(t.header);
}

/** An SLA fact without its `SLA property:` label: `The update frequency is 1 hour.` */
export function slaStatement(fact: Fact): string {
  const m = /^SLA \S+: the (.*)$/.exec(fact.text);
  return m ? `The ${m[1]}` : fact.text;
}
