import type {
  ColumnProfile,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import type { ColumnEntry, ProductInfo } from './columnFeatures';
import { typeCompatibility } from './text';
import type {
  InteropCaveat,
  InteropExplanation,
  RelationshipKind,
} from './types';

/** Identifier as SQL: bare when it is a plain word, double-quoted otherwise. */
export function sqlIdent(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? name
    : `"${name.replace(/"/g, '""')}"`;
}

/** `<product>.<table>`: the product's schema and the table's schema-object name. */
export function qualifiedTable(product: string, table: string): string {
  return `${sqlIdent(product)}.${sqlIdent(table)}`;
}

const productName = (p: ProductInfo) => p.contract.name ?? p.id;
const tableLabel = (t: TableProfile) => t.businessName ?? t.name;

function sentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const first = text
    .split(/(?<=[.;])\s/)[0]
    .replace(/[.;]\s*$/, '')
    .trim();
  return first ? first.charAt(0).toLowerCase() + first.slice(1) : undefined;
}

/** Columns worth selecting beside the join column: keys first, then descriptive non-personal columns. */
function usefulColumns(
  table: TableProfile,
  exclude: string,
  count: number,
): ColumnProfile[] {
  const safe = (c: ColumnProfile) =>
    c.name !== exclude &&
    !c.pii &&
    c.classification !== 'restricted' &&
    c.classification !== 'confidential';
  const keys = table.columns.filter(c => c.primaryKey && safe(c));
  const rest = table.columns.filter(c => !c.primaryKey && safe(c));
  // descriptive columns first: names, dates and timestamps say most about a row
  rest.sort((x, y) => rank(x) - rank(y));
  return [...keys, ...rest].slice(0, count);
}

function rank(c: ColumnProfile): number {
  if (/name|title|label/.test(c.name)) return 0;
  if (/(_at|_ts|date|time)$/.test(c.name)) return 1;
  if (/status|type|code|channel|tier/.test(c.name)) return 3;
  return 2;
}

function castExpr(alias: string, col: ColumnEntry, other: ColumnEntry): string {
  const ref = `${alias}.${sqlIdent(col.column.name)}`;
  if (typeCompatibility(col.family, other.family) !== 'castable') return ref;
  if (col.family === 'integer' && other.family === 'string')
    return `CAST(${ref} AS VARCHAR)`;
  if (col.family === 'timestamp' && other.family === 'date')
    return `CAST(${ref} AS DATE)`;
  return ref;
}

/** Cardinality of the join from the keys: `one` when the column is unique in its table. */
function side(e: ColumnEntry): 'one' | 'many' {
  return e.keyKind === 'unique' ? 'one' : 'many';
}

function conceptLabel(a: ColumnEntry, b: ColumnEntry): string {
  const gloss = a.glossary.find(g => b.glossary.includes(g));
  if (gloss) return gloss.split('/').pop()!.replace(/[-_]/g, ' ');
  const shared = a.concept.filter(c => b.concept.includes(c));
  if (shared.length) return shared.join(' ');
  return b.head ?? a.head ?? (b.concept.join(' ') || b.column.name);
}

export function buildCaveats(
  a: ColumnEntry,
  b: ColumnEntry,
  kind: RelationshipKind,
): InteropCaveat[] {
  const caveats: InteropCaveat[] = [];
  const ta = a.tableInfo.table;
  const tb = b.tableInfo.table;
  const ga = ta.granularity ? ` (${ta.granularity.replace(/\.$/, '')})` : '';
  const gb = tb.granularity ? ` (${tb.granularity.replace(/\.$/, '')})` : '';
  const sa = side(a);
  const sb = side(b);
  if (kind === 'same-concept') {
    caveats.push({
      code: 'not-a-join-key',
      message: `${a.column.name} and ${b.column.name} describe the same concept but are not keys: values can differ between the products, so use them to compare or filter rather than to join row by row.`,
    });
  }
  if (sa === 'many' && sb === 'many') {
    caveats.push({
      code: 'many-to-many',
      message: `Many-to-many: neither ${ta.name}.${a.column.name} nor ${tb.name}.${b.column.name} is unique in its table${ga}${gb}; the join multiplies rows, so aggregate one side first.`,
    });
  } else if (sa !== sb) {
    const [one, oneG, many, manyG] =
      sa === 'one' ? [ta, ga, tb, gb] : [tb, gb, ta, ga];
    caveats.push({
      code: 'grain-one-to-many',
      message: `Grain mismatch: one row of ${one.name}${oneG} matches many rows of ${many.name}${manyG}; measures of ${one.name} repeat after the join, so do not sum them without de-duplicating.`,
    });
  }
  const piiKeys = [a, b].filter(
    e => e.column.pii || e.column.classification === 'restricted',
  );
  if (piiKeys.length) {
    caveats.push({
      code: 'pii-join-key',
      message: `The join column ${piiKeys
        .map(e => `${e.tableInfo.table.name}.${e.column.name}`)
        .join(' and ')} holds personal or restricted data${
        piiKeys.some(e => e.column.piiTypes.length)
          ? ` (${[...new Set(piiKeys.flatMap(e => e.column.piiTypes))].join(
              ', ',
            )})`
          : ''
      }: joining on it needs a legal basis and access to the restricted columns; prefer a pseudonymous key.`,
    });
  }
  const domainA = a.product.domain;
  const domainB = b.product.domain;
  const personal = (t: TableProfile) => t.columns.some(c => c.pii);
  if (
    domainA &&
    domainB &&
    domainA !== domainB &&
    personal(ta) &&
    personal(tb)
  ) {
    caveats.push({
      code: 're-identification',
      message: `Re-identification risk: the result combines personal data from the ${domainA} and ${domainB} domains (${ta.name}, ${tb.name}); linking them can identify people that neither product identifies alone. Check purpose limitation and minimise the selected columns.`,
    });
  }
  const compat = typeCompatibility(a.family, b.family);
  if (compat === 'castable') {
    caveats.push({
      code: 'type-cast',
      message: `Types differ (${a.family} vs ${b.family}): the join needs a cast, and values must use the same formatting.`,
    });
  }
  return caveats;
}

/** The built-in explanation model: deterministic templates over the two profiles. */
export function explainPair(
  a: ColumnEntry,
  b: ColumnEntry,
  kind: RelationshipKind,
  confidence: number,
): InteropExplanation {
  const pa = a.product;
  const pb = b.product;
  const ta = a.tableInfo.table;
  const tb = b.tableInfo.table;
  const concept = conceptLabel(a, b);
  const verb =
    kind === 'join-key' ? 'is a join key to' : 'carries the same concept as';
  const summary = `${pa.id}.${ta.name}.${a.column.name} ${verb} ${pb.id}.${
    tb.name
  }.${b.column.name} (${concept}; confidence ${confidence.toFixed(2)}).`;

  const purposeA = sentence(pa.contract.purpose) ?? sentence(ta.description);
  const purposeB = sentence(pb.contract.purpose) ?? sentence(tb.description);
  const usage = [pa.contract.usage, pb.contract.usage].find(
    u =>
      u &&
      /join/i.test(u) &&
      (u.toLowerCase().includes(concept.split(' ')[0]) ||
        u.toLowerCase().includes(tb.name.replace(/s$/, ''))),
  );
  const enables =
    kind === 'join-key'
      ? `Joining ${productName(pa)} (${tableLabel(ta)}${
          purposeA ? `: ${purposeA}` : ''
        }) with ${productName(pb)} (${tableLabel(tb)}${
          purposeB ? `: ${purposeB}` : ''
        }) on the ${concept} puts the facts of both products side by side, e.g. ${tableLabel(
          tb,
        ).toLowerCase()} attributes for every ${tableLabel(
          ta,
        ).toLowerCase()} row.${usage ? ` Documented usage: ${usage}` : ''}`
      : `${productName(pa)} and ${productName(
          pb,
        )} both record the ${concept} (${ta.name}.${a.column.name}, ${
          tb.name
        }.${
          b.column.name
        }); aligning them lets you compare or reconcile the two products${
          purposeA && purposeB ? ` (${purposeA}; ${purposeB})` : ''
        }.`;

  const left = usefulColumns(ta, a.column.name, 2);
  const right = usefulColumns(tb, b.column.name, 2);
  const select = [
    `a.${sqlIdent(a.column.name)}`,
    ...left.map(c => `a.${sqlIdent(c.name)}`),
    ...right.map(c => `b.${sqlIdent(c.name)}`),
  ];
  const sql = [
    kind === 'same-concept'
      ? '-- same concept, not a key: values can differ between the products'
      : undefined,
    `SELECT ${select.join(', ')}`,
    `FROM ${qualifiedTable(pa.id, ta.name)} AS a`,
    `JOIN ${qualifiedTable(pb.id, tb.name)} AS b`,
    `  ON ${castExpr('a', a, b)} = ${castExpr('b', b, a)}`,
  ]
    .filter(Boolean)
    .join('\n');

  return { summary, enables, sql, caveats: buildCaveats(a, b, kind) };
}
