import type {
  ColumnProfile,
  ContractProfile,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { typeCompatibility, typeFamily } from './text';
import type {
  ColumnRef,
  InteropExplanation,
  ScoredPair,
  SuggestionIssue,
  SuggestionValidation,
} from './types';

export interface ProductRecord {
  id: string;
  domain?: string;
  contract: ContractProfile;
}

export type ProductLookup = (id: string) => ProductRecord | undefined;

export function productLookup(products: ProductRecord[]): ProductLookup {
  const byId = new Map(products.map(p => [p.id, p]));
  return id => byId.get(id);
}

const unquote = (s: string) =>
  s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
const IDENT = String.raw`("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)`;

function findTable(
  lookup: ProductLookup,
  product: string,
  table: string,
): TableProfile | undefined {
  return lookup(product)?.contract.tables.find(
    t => t.name === table || t.physicalName === table,
  );
}

function findColumn(
  lookup: ProductLookup,
  ref: ColumnRef,
): ColumnProfile | undefined {
  return findTable(lookup, ref.product, ref.table)?.columns.find(
    c => c.name === ref.column,
  );
}

/**
 * Every table and column the explanation names must exist: tables in
 * `FROM`/`JOIN` (as `<product>.<table>`), columns as `<alias>.<column>`, and
 * `<product>.<table>.<column>` references in the summary.
 */
export function groundedness(
  explanation: InteropExplanation,
  lookup: ProductLookup,
): { score: number; missing: string[] } {
  const missing: string[] = [];
  let total = 0;
  const aliases = new Map<string, TableProfile | undefined>();
  const tableRe = new RegExp(
    String.raw`\b(?:FROM|JOIN)\s+${IDENT}\.${IDENT}(?:\s+(?:AS\s+)?([A-Za-z_][A-Za-z0-9_]*))?`,
    'gi',
  );
  for (const m of explanation.sql.matchAll(tableRe)) {
    total++;
    const product = unquote(m[1]);
    const table = unquote(m[2]);
    const found = findTable(lookup, product, table);
    if (!found) missing.push(`${product}.${table}`);
    if (m[3] && !/^(ON|WHERE|JOIN|LEFT|INNER)$/i.test(m[3]))
      aliases.set(m[3], found);
  }
  const colRe = new RegExp(
    String.raw`\b([A-Za-z_][A-Za-z0-9_]*)\.${IDENT}`,
    'g',
  );
  const sqlWithoutTables = explanation.sql.replace(tableRe, '');
  for (const m of sqlWithoutTables.matchAll(colRe)) {
    if (!aliases.has(m[1])) continue;
    total++;
    const table = aliases.get(m[1]);
    const column = unquote(m[2]);
    if (!table?.columns.some(c => c.name === column))
      missing.push(`${m[1]}.${column}`);
  }
  for (const m of explanation.summary.matchAll(
    /\b([a-z0-9][\w-]*)\.(\w+)\.(\w+)\b/g,
  )) {
    total++;
    if (!findColumn(lookup, { product: m[1], table: m[2], column: m[3] }))
      missing.push(m[0]);
  }
  return { score: total ? (total - missing.length) / total : 1, missing };
}

/**
 * Checks one suggestion before it is shown: the columns exist and their types
 * are compatible, governance (a join on personal data, especially across
 * domains), and that the explanation names only tables and columns that exist.
 * `blocked` on errors, `flagged` on warnings, `approved` otherwise.
 */
/** Any error blocks a suggestion; any warning flags it; otherwise it is approved. */
function statusOf(issues: SuggestionIssue[]): SuggestionValidation['status'] {
  if (issues.some(i => i.severity === 'error')) return 'blocked';
  if (issues.some(i => i.severity === 'warning')) return 'flagged';
  return 'approved';
}

export function validateSuggestion(
  suggestion: ScoredPair & { explanation?: InteropExplanation },
  products: ProductRecord[] | ProductLookup,
): SuggestionValidation {
  const lookup =
    typeof products === 'function' ? products : productLookup(products);
  const issues: SuggestionIssue[] = [];
  const from = findColumn(lookup, suggestion.from);
  const to = findColumn(lookup, suggestion.to);
  for (const [ref, col] of [
    [suggestion.from, from],
    [suggestion.to, to],
  ] as const) {
    if (!col) {
      issues.push({
        code: 'unknown-column',
        severity: 'error',
        message: `${ref.product}.${ref.table}.${ref.column} does not exist in the product's contract`,
      });
    }
  }
  if (from && to) {
    const fa = typeFamily(from.logicalType, from.physicalType);
    const fb = typeFamily(to.logicalType, to.physicalType);
    const compat = typeCompatibility(fa, fb);
    if (compat === 'incompatible') {
      issues.push({
        code: 'type-incompatible',
        severity: suggestion.kind === 'join-key' ? 'error' : 'warning',
        message: `types ${fa} and ${fb} cannot be joined`,
      });
    } else if (compat === 'castable') {
      issues.push({
        code: 'type-cast',
        severity: 'info',
        message: `types ${fa} and ${fb} need a cast to join`,
      });
    }
    const personal = [from, to].filter(
      c => c.pii || c.classification === 'restricted',
    );
    if (personal.length) {
      const domainA =
        lookup(suggestion.from.product)?.domain ??
        lookup(suggestion.from.product)?.contract.domain;
      const domainB =
        lookup(suggestion.to.product)?.domain ??
        lookup(suggestion.to.product)?.contract.domain;
      const crossDomain = !!domainA && !!domainB && domainA !== domainB;
      issues.push({
        code: crossDomain ? 'pii-join-key-cross-domain' : 'pii-join-key',
        severity: crossDomain ? 'warning' : 'info',
        message: crossDomain
          ? `joining ${domainA} and ${domainB} data on personal data (${personal
              .map(c => c.name)
              .join(', ')}) needs a data-protection review`
          : `the join column ${personal
              .map(c => c.name)
              .join(', ')} holds personal or restricted data`,
      });
    }
  }
  let score = 1;
  if (suggestion.explanation) {
    const g = groundedness(suggestion.explanation, lookup);
    score = g.score;
    if (g.missing.length) {
      issues.push({
        code: 'ungrounded-reference',
        severity: 'error',
        message: `the explanation names what the contracts do not hold: ${g.missing.join(
          ', ',
        )}`,
      });
    }
  }
  return { status: statusOf(issues), issues, groundedness: score };
}
