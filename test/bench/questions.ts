/**
 * Benchmark questions generated from a contract's structure: for each kind
 * of question a consumer asks (columns, types, keys, tables, SLAs, owners,
 * support, codes, quality, classification, access, lineage), a seeded random
 * pick of the tables, columns, SLAs and rules the contract actually has,
 * phrased with one of a few generic templates. Nothing is tuned to a
 * contract: a kind the contract has nothing for yields no question.
 */
import type {
  ColumnProfile,
  DataProductProfile,
  TableProfile,
} from '../../plugins/data-product-assistant-common/src/profile';
import { codeList } from '../../plugins/data-product-assistant-node/src/interop/text';
import { mulberry32 } from './syntheticCatalog';

export type QuestionKind =
  | 'column'
  | 'type'
  | 'key'
  | 'table'
  | 'sla'
  | 'owner'
  | 'support'
  | 'codes'
  | 'quality'
  | 'classification'
  | 'access'
  | 'lineage';

export interface BenchQuestion {
  kind: QuestionKind;
  question: string;
}

type Column = { table: TableProfile; column: ColumnProfile };

const TEMPLATES: Record<QuestionKind, string[]> = {
  column: [
    'What does the column {column} in {table} mean?',
    'What is {column} in the {table} table?',
    'Describe the field {table}.{column}.',
  ],
  type: [
    'What is the data type of {table}.{column}?',
    'Which type does {column} in {table} have?',
  ],
  key: [
    'What is the primary key of {table}?',
    'What identifies a row in {table}?',
  ],
  table: [
    'What does the table {table} contain?',
    'What does one row of {table} represent?',
  ],
  sla: [
    'What is the {sla} of this data product?',
    'What does the contract promise about {sla}?',
  ],
  owner: [
    'Who owns this data product?',
    'Which team is responsible for this data?',
  ],
  support: [
    'Where can I get help with this data product?',
    'Who should I contact about problems with this data?',
  ],
  codes: [
    'What do the values of {column} in {table} mean?',
    'Which codes can {table}.{column} take?',
  ],
  quality: [
    'What quality checks apply to {column} in {table}?',
    'What quality rules does {table} have?',
  ],
  classification: [
    'Is {column} in {table} personal data?',
    'How is {table}.{column} classified?',
    'Which columns of {table} hold personal data?',
  ],
  access: [
    'How do I get access to this data product?',
    'Which roles can read this data?',
  ],
  lineage: [
    'Which data products does this one depend on?',
    'Where does this data come from?',
  ],
};

/** `timeOfAvailability` → `time of availability`. */
const words = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/**
 * Questions about one product, at most `perKind` of each kind (fewer when the
 * contract has fewer things of that kind), deterministic for a seed.
 */
export function questionsFor(
  profile: DataProductProfile,
  options: { perKind?: number; seed?: number } = {},
): BenchQuestion[] {
  const rng = mulberry32(options.seed ?? 1);
  const perKind = options.perKind ?? 2;
  const tables = profile.contracts.flatMap(c => c.tables);
  const columns: Column[] = tables.flatMap(table =>
    table.columns.map(column => ({ table, column })),
  );
  const slas = profile.contracts.flatMap(c => c.slas);
  const pick = <T>(items: T[]): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < perKind && pool.length)
      out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
    return out;
  };
  const template = (kind: QuestionKind, exclude?: (t: string) => boolean) => {
    const list = TEMPLATES[kind].filter(t => !exclude?.(t));
    return list[Math.floor(rng() * list.length)];
  };
  const fill = (t: string, values: Record<string, string>) =>
    t.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
  const out: BenchQuestion[] = [];
  const about = (kind: QuestionKind, c: Column, exclude?: RegExp) =>
    out.push({
      kind,
      question: fill(
        template(kind, t => !!exclude?.test(t)),
        {
          table: c.table.name,
          column: c.column.name,
        },
      ),
    });
  const once = (kind: QuestionKind) =>
    pick([0]).forEach(() => out.push({ kind, question: template(kind) }));

  for (const c of pick(columns)) about('column', c);
  for (const c of pick(columns.filter(x => x.column.logicalType)))
    about('type', c);
  for (const table of pick(tables.filter(t => t.primaryKey.length)))
    out.push({
      kind: 'key',
      question: fill(template('key'), { table: table.name }),
    });
  for (const table of pick(tables))
    out.push({
      kind: 'table',
      question: fill(template('table'), { table: table.name }),
    });
  for (const sla of pick(slas))
    out.push({
      kind: 'sla',
      question: fill(template('sla'), { sla: words(sla.property) }),
    });
  if (profile.owner) once('owner');
  if (profile.contracts.some(c => c.support.length)) once('support');
  for (const c of pick(
    columns.filter(x => codeList(x.column.description).length >= 2),
  ))
    about('codes', c);
  for (const c of pick(columns.filter(x => x.column.quality.length)))
    about('quality', c, /\{table\} have/);
  for (const table of pick(tables.filter(t => t.quality.length)))
    out.push({
      kind: 'quality',
      question: fill(TEMPLATES.quality[1], { table: table.name }),
    });
  for (const c of pick(
    columns.filter(
      x =>
        x.column.pii ||
        (x.column.classification && x.column.classification !== 'internal'),
    ),
  ))
    about('classification', c);
  if (profile.contracts.some(c => c.roles.length)) once('access');
  if (profile.dependsOn.length) once('lineage');
  return out;
}
