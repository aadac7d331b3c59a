import type {
  AskCitation,
  CitationKind,
} from '@dpa/plugin-data-product-assistant-common';

/** Fact id prefixes as the engine builds them, for records stored before citations carried their kind. */
const PREFIXES: Array<[RegExp, CitationKind]> = [
  [/^col:/, 'column'],
  [/^class:/, 'classification'],
  [/^q:/, 'quality'],
  [/^table:/, 'table'],
  [/^key:/, 'key'],
  [/^sla:/, 'sla'],
  [/^role:/, 'role'],
  [/^support:/, 'support'],
  [/^note:/, 'note'],
  [/^doc:/, 'doc'],
  [/^lineage:/, 'lineage'],
  [/^contract:/, 'contract'],
  [/^owner$/, 'owner'],
  [/^domain$/, 'domain'],
  [/^tags$/, 'tag'],
  [/^team$/, 'team'],
  [/^product$/, 'product'],
];

/** The part of an id after its prefix, without a `~2` de-duplication suffix. */
const rest = (id: string) => id.replace(/^[a-z]+:/, '').replace(/~\d+$/, '');

/** `timeOfAvailability` → `time of availability`, `frequency` → `frequency`. */
export function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** What the cited fact is about: its own kind, else read from its id. */
export function citationKind(
  citation: Pick<AskCitation, 'id' | 'kind'>,
): CitationKind | undefined {
  return citation.kind ?? PREFIXES.find(([re]) => re.test(citation.id))?.[1];
}

/** `orders.status` from the citation's table and column, else from its id. */
function columnRef(citation: AskCitation): string {
  if (citation.table && citation.column)
    return `${citation.table}.${citation.column}`;
  if (citation.column) return citation.column;
  return rest(citation.id).replace(/#.*$/, '');
}

/**
 * A citation as a person reads it: "Column orders.status", "SLA: time of
 * availability", "Owner", "Support channel #sales-data", "Knowledge note".
 * Unknown kinds keep their id.
 */
export function citationLabel(citation: AskCitation): string {
  const id = citation.id;
  switch (citationKind(citation)) {
    case 'column':
      return `Column ${columnRef(citation)}`;
    case 'classification':
      return `Classification of ${columnRef(citation)}`;
    case 'quality': {
      const target = rest(id).replace(/#.*$/, '');
      return citation.column || target.includes('.')
        ? `Quality rule on ${columnRef({ ...citation, id: `q:${target}` })}`
        : `Quality rule on table ${citation.table ?? target}`;
    }
    case 'table':
      return `Table ${citation.table ?? rest(id)}`;
    case 'key':
      return `Primary key of ${citation.table ?? rest(id)}`;
    case 'sla':
      return `SLA: ${humanize(rest(id).replace(/#\d+$/, ''))}`;
    case 'role':
      return `Access role ${rest(id)}`;
    case 'support':
      return `Support channel ${rest(id)}`;
    case 'owner':
      return 'Owner';
    case 'team':
      return 'Contract team';
    case 'domain':
      return 'Domain';
    case 'tag':
      return 'Tags';
    case 'product':
      return 'Data product description';
    case 'lineage':
      return id.startsWith('lineage:up:')
        ? `Upstream product ${id.slice('lineage:up:'.length)}`
        : `Downstream product ${id.slice('lineage:down:'.length)}`;
    case 'contract': {
      const part = /#(\w+)$/.exec(id)?.[1];
      return part ? `Contract ${humanize(part)}` : 'Contract';
    }
    case 'doc': {
      const n = Number(rest(id));
      return Number.isInteger(n)
        ? `Documentation, paragraph ${n + 1}`
        : 'Documentation';
    }
    case 'note':
      return citation.column
        ? `Knowledge note on ${columnRef(citation)}`
        : 'Knowledge note';
    default:
      return id;
  }
}
