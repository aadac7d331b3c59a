import type {
  ColumnProfile,
  ContractProfile,
  DataProductProfile,
  QualityRule,
  Sla,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { slaDuration } from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '../models/types';
import type { KnowledgeNote } from './knowledgeNotes';
import { detectInjection } from '../validator/injection';

export interface BuildFactsOptions {
  /** Owner-curated notes for this product. */
  notes?: KnowledgeNote[];
  /** Extra documentation (markdown); appended to `profile.docs`. */
  docs?: string;
}

/** Column facts end with this sentence when the contract lists example values. */
export const EXAMPLES_MARKER = 'Examples:';

/** The column fact text without its example values. */
export function stripExamples(text: string): string {
  const at = text.indexOf(` ${EXAMPLES_MARKER}`);
  return at < 0 ? text : text.slice(0, at);
}

const SLA_LABELS: Record<string, string> = {
  frequency: 'update frequency',
  latency: 'latency (maximum data delay)',
  retention: 'retention period',
  timeofavailability: 'time of availability',
  generalavailability: 'general availability date',
  endofsupport: 'end of support date',
  endoflife: 'end of life date',
  availability: 'availability',
  throughput: 'throughput',
  errorrate: 'error rate',
};

/** Human label of an SLA property, e.g. `frequency` → `update frequency`. */
export function slaLabel(property: string): string {
  return SLA_LABELS[property.toLowerCase()] ?? property;
}

function slaValue(sla: Sla): string {
  return sla.unit ? slaDuration(sla.value, sla.unit) : sla.value;
}

function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return t;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function list(items: string[]): string {
  return items.join(', ');
}

export const REMOVED_INSTRUCTION = '[instruction-like text removed]';

/**
 * Contract text, docs and notes are untrusted: instruction-like passages are
 * cut out before any model sees them, and the fact is marked so reviewers and
 * the validator know it carried one.
 */
function neutraliseInstructions(fact: Fact): Fact {
  const findings = detectInjection(fact.text);
  if (!findings.length) return fact;
  let text = fact.text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    const end = sentenceEnd(text, f.end);
    text = `${text.slice(0, f.start)}${REMOVED_INSTRUCTION}${text.slice(end)}`;
  }
  return { ...fact, text, instructionLike: true };
}

/** An injected instruction runs to the end of its sentence or line. */
function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const stop = rest.search(/[.!?](\s|$)|\n/);
  return stop < 0 ? text.length : from + stop + 1;
}

/** Collects facts, making ids unique with a `~n` suffix on collision. */
class FactList {
  readonly facts: Fact[] = [];
  private readonly seen = new Map<string, number>();

  add(fact: Fact): string {
    const n = this.seen.get(fact.id) ?? 0;
    this.seen.set(fact.id, n + 1);
    const id = n === 0 ? fact.id : `${fact.id}~${n + 1}`;
    this.facts.push({ ...neutraliseInstructions(fact), id });
    return id;
  }
}

/**
 * Turns a data product profile (+ docs and owner notes) into atomic, citable
 * facts. Ids are derived from names only, so the same metadata always yields
 * the same ids.
 */
export function buildFacts(
  profile: DataProductProfile,
  options: BuildFactsOptions = {},
): Fact[] {
  const out = new FactList();
  const title = profile.title ?? profile.entityRef;

  out.add({
    id: 'product',
    kind: 'product',
    text: profile.description
      ? `Data product "${title}" (${profile.entityRef}): ${sentence(
          profile.description,
        )}`
      : `Data product "${title}" (${profile.entityRef}).`,
  });
  if (profile.owner) {
    out.add({
      id: 'owner',
      kind: 'owner',
      text: `The data product "${title}" is owned by ${ownerLabel(
        profile.owner,
      )}.`,
    });
  }
  const domain =
    profile.domain ?? profile.contracts.find(c => c.domain)?.domain;
  if (domain) {
    out.add({
      id: 'domain',
      kind: 'domain',
      text: `The data product "${title}" belongs to the ${domain} domain.`,
    });
  }
  const tags = [
    ...new Set([...profile.tags, ...profile.contracts.flatMap(c => c.tags)]),
  ];
  if (tags.length) {
    out.add({
      id: 'tags',
      kind: 'tag',
      text: `The data product is tagged: ${list(tags)}.`,
    });
  }
  for (const ref of profile.dependsOn) {
    out.add({
      id: `lineage:up:${ref}`,
      kind: 'lineage',
      text: `Upstream: this data product depends on (is fed by) ${ref}.`,
    });
  }
  for (const ref of profile.dependents) {
    out.add({
      id: `lineage:down:${ref}`,
      kind: 'lineage',
      text: `Downstream: ${ref} depends on (consumes) this data product.`,
    });
  }

  for (const contract of profile.contracts) addContract(out, contract);

  const docs = [profile.docs, options.docs].filter(Boolean).join('\n\n');
  splitParagraphs(docs).forEach((paragraph, i) =>
    out.add({ id: `doc:${i}`, kind: 'doc', text: paragraph }),
  );

  for (const note of options.notes ?? []) {
    const [table, column] = note.column?.includes('.')
      ? note.column.split('.', 2)
      : [undefined, note.column];
    out.add({
      id: `note:${note.id}`,
      kind: 'note',
      text: `Owner note${
        note.column ? ` about ${note.column}` : ''
      }: ${sentence(note.text)}`,
      table,
      column,
      provenance: { author: note.author, createdAt: note.createdAt },
    });
  }
  return out.facts;
}

/** How each descriptive contract field is introduced in its fact. */
const DESCRIBED_LABELS = {
  purpose: 'Purpose',
  usage: 'Intended usage',
  limitations: 'Limitations',
} as const;

function addContract(out: FactList, contract: ContractProfile) {
  const columnCount = contract.tables.reduce((n, t) => n + t.columns.length, 0);
  const name = contract.name ?? contract.dataProduct ?? contract.id;
  out.add({
    id: `contract:${contract.id}`,
    kind: 'contract',
    text:
      `Contract ${name} version ${contract.version} (ODCS ${contract.apiVersion}, status ${contract.status}) ` +
      `has ${contract.tables.length} ${
        contract.tables.length === 1 ? 'table' : 'tables'
      } ` +
      `with ${columnCount} columns in total; its output port tables are: ${list(
        contract.tables.map(t => t.name),
      )}.`,
  });
  const described: Array<[keyof typeof DESCRIBED_LABELS, string | undefined]> =
    [
      ['purpose', contract.purpose],
      ['usage', contract.usage],
      ['limitations', contract.limitations],
    ];
  for (const [key, value] of described) {
    if (!value?.trim()) continue;
    const label = DESCRIBED_LABELS[key];
    out.add({
      id: `contract:${contract.id}#${key}`,
      kind: 'contract',
      text: `${label}: ${sentence(value)}`,
    });
  }

  for (const table of contract.tables) addTable(out, table);

  const slaCounts = new Map<string, number>();
  for (const sla of contract.slas) {
    const key = sla.property;
    const n = slaCounts.get(key) ?? 0;
    slaCounts.set(key, n + 1);
    const qualifiers = [
      sla.element ? `for ${sla.element}` : undefined,
      sla.driver ? `driver: ${sla.driver}` : undefined,
    ].filter(Boolean);
    out.add({
      id: n === 0 ? `sla:${key}` : `sla:${key}#${n}`,
      kind: 'sla',
      text: `SLA ${key}: the ${slaLabel(key)} is ${slaValue(sla)}${
        qualifiers.length ? ` (${qualifiers.join(', ')})` : ''
      }.`,
    });
  }

  for (const role of contract.roles) {
    const parts = [
      `Access role ${role.role} grants ${role.access ?? 'unspecified'} access`,
    ];
    let text = parts[0];
    if (role.description)
      text += `: ${role.description.trim().replace(/[.]$/, '')}`;
    text += '.';
    text += role.approvers.length
      ? ` Access requests are approved by ${list(role.approvers)}.`
      : ' No approvers are listed.';
    out.add({ id: `role:${role.role}`, kind: 'role', text });
  }

  for (const channel of contract.support) {
    const via = [channel.tool, channel.url].filter(Boolean).join(', ');
    out.add({
      id: `support:${channel.channel}`,
      kind: 'support',
      text: `Support channel ${channel.channel}${via ? ` (${via})` : ''}.`,
    });
  }

  if (contract.team && (contract.team.name || contract.team.members.length)) {
    const members = contract.team.members.map(m =>
      [m.name ? `${m.name} (${m.username})` : m.username, m.role]
        .filter(Boolean)
        .join(' – '),
    );
    out.add({
      id: 'team',
      kind: 'team',
      text: `The contract team${
        contract.team.name ? ` ${contract.team.name}` : ''
      }${members.length ? ` has members: ${members.join('; ')}` : ''}.`,
    });
  }
}

function addTable(out: FactList, table: TableProfile) {
  const t = table.name;
  const header = [
    table.businessName ? `"${table.businessName}"` : undefined,
    table.physicalName && table.physicalName !== t
      ? `physical name ${table.physicalName}`
      : undefined,
  ].filter(Boolean);
  let text = `Table ${t}${header.length ? ` (${header.join(', ')})` : ''}`;
  text += table.description ? `: ${sentence(table.description)}` : '.';
  if (table.granularity) text += ` Grain: ${sentence(table.granularity)}`;
  text += ` It has ${table.columns.length} columns.`;
  if (table.tags.length) text += ` Tags: ${list(table.tags)}.`;
  out.add({ id: `table:${t}`, kind: 'table', text, table: t });

  const pk = primaryKey(table);
  if (pk.length) {
    out.add({
      id: `key:${t}`,
      kind: 'key',
      text:
        pk.length === 1
          ? `The primary key of table ${t} is ${pk[0]}.`
          : `The primary key of table ${t} is the composite key (${list(pk)}).`,
      table: t,
    });
  }

  table.quality.forEach((rule, i) =>
    out.add({
      id: `q:${t}#${i}`,
      kind: 'quality',
      text: qualityText(`table ${t}`, rule),
      table: t,
    }),
  );

  for (const column of table.columns) addColumn(out, t, column);
}

function primaryKey(table: TableProfile): string[] {
  if (table.primaryKey.length) return table.primaryKey;
  return table.columns
    .filter(c => c.primaryKey)
    .sort(
      (a, b) =>
        (a.primaryKeyPosition ?? Infinity) - (b.primaryKeyPosition ?? Infinity),
    )
    .map(c => c.name);
}

function qualityText(target: string, rule: QualityRule): string {
  const meta = [
    rule.dimension ? `dimension ${rule.dimension}` : undefined,
    rule.severity ? `severity ${rule.severity}` : undefined,
  ].filter(Boolean);
  let text = `Quality rule on ${target}${
    meta.length ? ` (${meta.join(', ')})` : ''
  }: ${rule.rule.replace(/[.]$/, '')}`;
  const about = [rule.name, rule.description].filter(Boolean).join(' – ');
  if (about) text += ` – ${about.replace(/[.]$/, '')}`;
  return `${text}.`;
}

function addColumn(out: FactList, t: string, column: ColumnProfile) {
  const c = column.name;
  const ref = `${t}.${c}`;
  const attributes = [
    column.businessName ? `"${column.businessName}"` : undefined,
    [column.logicalType, column.physicalType].filter(Boolean).join(', ') ||
      undefined,
    column.primaryKey ? 'primary key' : undefined,
    column.required ? 'required' : undefined,
    column.unique ? 'unique' : undefined,
  ].filter(Boolean);
  let text = `Column ${ref}${
    attributes.length ? ` (${attributes.join('; ')})` : ''
  }`;
  text += column.description ? `: ${sentence(column.description)}` : '.';
  // Glossary links only; implementation pointers (jdbc:, s3:, ...) are noise here.
  const glossary = column.glossary.filter(url => /^https?:/i.test(url));
  if (glossary.length) text += ` Glossary: ${list(glossary)}.`;
  if (column.examples.length) {
    text += ` ${EXAMPLES_MARKER} ${list(column.examples)}.`;
  }
  const sensitiveTag = column.tags.some(tag =>
    /^(pii|sensitive|personal)/i.test(tag),
  );
  out.add({
    id: `col:${ref}`,
    kind: 'column',
    text,
    table: t,
    column: c,
    classification: column.classification,
    pii: column.pii,
  });

  if (column.classification || column.pii || sensitiveTag) {
    const parts: string[] = [];
    if (column.classification)
      parts.push(`is classified ${column.classification}`);
    if (column.pii) {
      parts.push(
        `contains personal data (PII${
          column.piiTypes.length ? `: ${list(column.piiTypes)}` : ''
        })`,
      );
    }
    const otherTags = column.tags.filter(tag =>
      /^(sensitive|personal)/i.test(tag),
    );
    if (otherTags.length) parts.push(`is tagged ${list(otherTags)}`);
    out.add({
      id: `class:${ref}`,
      kind: 'classification',
      text: `Column ${ref} ${parts.join(' and ')}.`,
      table: t,
      column: c,
      classification: column.classification,
      pii: column.pii,
    });
  }

  column.quality.forEach((rule, i) =>
    out.add({
      id: `q:${ref}#${i}`,
      kind: 'quality',
      text: qualityText(`column ${ref}`, rule),
      table: t,
      column: c,
    }),
  );
}

/**
 * Markdown → paragraphs; list items become paragraphs of their own, and a
 * heading is kept as a prefix of the paragraphs under it.
 */
/** `group:default/sales-team` reads as `sales-team (group:default/sales-team)`. */
function ownerLabel(ref: string): string {
  const name = ref.replace(/^[^:]+:/, '').replace(/^[^/]+\//, '');
  return name === ref ? ref : `${name} (${ref})`;
}

export function splitParagraphs(markdown: string): string[] {
  const out: string[] = [];
  let heading: string | undefined;
  const clean = (text: string) =>
    text
      .replace(/\*\*|__/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const push = (text: string) => {
    const t = clean(text);
    if (t) out.push(heading ? `${heading}: ${t}` : t);
  };
  for (const block of markdown.split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    for (const line of block.split('\n')) {
      const h = /^#{1,6}\s+(.*)$/.exec(line.trim());
      const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (h) {
        push(paragraph.join(' '));
        paragraph = [];
        heading = clean(h[1]);
      } else if (item) {
        push(paragraph.join(' '));
        paragraph = [item[1]];
      } else if (paragraph.length && /^\s+\S/.test(line)) {
        paragraph.push(line);
      } else {
        paragraph.push(line);
      }
    }
    push(paragraph.join(' '));
  }
  return out;
}
