import {
  classificationLevels,
  type Classification,
  type ColumnProfile,
  type ContractProfile,
  type QualityRule,
  type TableProfile,
} from '@dpa/plugin-data-product-assistant-common';

type Raw = Record<string, unknown>;

const asRecord = (v: unknown): Raw =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};
const strings = (v: unknown): string[] =>
  asArray(v)
    .map(asString)
    .filter((s): s is string => s !== undefined);

const operators: Array<[string, string]> = [
  ['mustBe', 'must be'],
  ['mustNotBe', 'must not be'],
  ['mustBeGreaterThan', 'must be greater than'],
  ['mustBeGreaterOrEqualTo', 'must be greater than or equal to'],
  ['mustBeLessThan', 'must be less than'],
  ['mustBeLessOrEqualTo', 'must be less than or equal to'],
  ['mustBeBetween', 'must be between'],
  ['mustNotBeBetween', 'must not be between'],
];

function qualityRule(raw: Raw, id: string): QualityRule {
  const subject =
    asString(raw.metric) ??
    asString(raw.rule) ??
    asString(raw.query) ??
    asString(raw.implementation) ??
    asString(raw.name) ??
    'check';
  const op = operators.find(([key]) => raw[key] !== undefined);
  const threshold = op
    ? ` ${op[1]} ${strings(raw[op[0]]).join(' and ') || asString(raw[op[0]])}`
    : '';
  const unit = raw.unit ? ` ${asString(raw.unit)}` : '';
  const rule =
    raw.type === 'text' && raw.description
      ? String(raw.description)
      : `${subject}${threshold}${unit}`;
  return {
    id,
    name: asString(raw.name),
    description: asString(raw.description),
    dimension: asString(raw.dimension),
    severity: asString(raw.severity),
    rule,
  };
}

const qualityRules = (v: unknown, prefix: string): QualityRule[] =>
  asArray(v).map((q, i) => qualityRule(asRecord(q), `${prefix}#${i}`));

function classification(v: unknown): Classification | undefined {
  const s = asString(v)?.toLowerCase();
  return classificationLevels.find(level => level === s);
}

function column(raw: Raw, tableName: string): ColumnProfile {
  const name = asString(raw.name) ?? '';
  const tags = strings(raw.tags);
  const piiTypes = tags
    .filter(t => t.toLowerCase().startsWith('pii:'))
    .map(t => t.slice(4));
  return {
    name,
    businessName: asString(raw.businessName),
    description: asString(raw.description),
    logicalType: asString(raw.logicalType),
    physicalType: asString(raw.physicalType),
    primaryKey: raw.primaryKey === true,
    primaryKeyPosition:
      typeof raw.primaryKeyPosition === 'number' && raw.primaryKeyPosition >= 0
        ? raw.primaryKeyPosition
        : undefined,
    required: raw.required === true,
    unique: raw.unique === true,
    classification: classification(raw.classification),
    pii: piiTypes.length > 0 || tags.some(t => t.toLowerCase() === 'pii'),
    piiTypes,
    tags,
    examples: strings(raw.examples),
    glossary: asArray(raw.authoritativeDefinitions)
      .map(d => asString(asRecord(d).url))
      .filter((s): s is string => !!s),
    quality: qualityRules(raw.quality, `${tableName}.${name}`),
  };
}

function table(raw: Raw): TableProfile {
  const name = asString(raw.name) ?? '';
  const columns = asArray(raw.properties).map(p => column(asRecord(p), name));
  const primaryKey = columns
    .filter(c => c.primaryKey)
    .sort((a, b) => (a.primaryKeyPosition ?? 0) - (b.primaryKeyPosition ?? 0))
    .map(c => c.name);
  return {
    name,
    physicalName: asString(raw.physicalName),
    businessName: asString(raw.businessName),
    description: asString(raw.description),
    granularity: asString(raw.dataGranularityDescription),
    primaryKey,
    tags: strings(raw.tags),
    columns,
    quality: qualityRules(raw.quality, name),
  };
}

/** Turns a schema-valid ODCS v3 document into the profile every room reads. */
export function normaliseContract(doc: Raw): ContractProfile {
  const description = asRecord(doc.description);
  // v3.0 contracts hold `team` as a bare member array; v3.1 as an object.
  const rawTeam = doc.team;
  const teamRecord = Array.isArray(rawTeam)
    ? { members: rawTeam }
    : asRecord(rawTeam);
  const members = asArray(teamRecord.members).map(m => {
    const r = asRecord(m);
    return {
      username: asString(r.username) ?? '',
      name: asString(r.name),
      role: asString(r.role),
    };
  });
  return {
    id: asString(doc.id) ?? '',
    name: asString(doc.name),
    version: asString(doc.version) ?? '',
    apiVersion: asString(doc.apiVersion) ?? '',
    status: asString(doc.status) ?? '',
    domain: asString(doc.domain),
    dataProduct: asString(doc.dataProduct),
    purpose: asString(description.purpose),
    usage: asString(description.usage),
    limitations: asString(description.limitations),
    tags: strings(doc.tags),
    tables: asArray(doc.schema).map(t => table(asRecord(t))),
    slas: asArray(doc.slaProperties).map(s => {
      const r = asRecord(s);
      return {
        property: asString(r.property) ?? '',
        value: [asString(r.value), asString(r.valueExt)]
          .filter(Boolean)
          .join(' – '),
        unit: asString(r.unit),
        element: asString(r.element),
        driver: asString(r.driver),
      };
    }),
    roles: asArray(doc.roles).map(r => {
      const role = asRecord(r);
      return {
        role: asString(role.role) ?? '',
        access: asString(role.access),
        description: asString(role.description),
        approvers: [role.firstLevelApprovers, role.secondLevelApprovers]
          .map(asString)
          .filter((s): s is string => !!s),
      };
    }),
    team:
      rawTeam === undefined
        ? undefined
        : { name: asString(teamRecord.name), members },
    support: asArray(doc.support).map(s => {
      const r = asRecord(s);
      return {
        channel: asString(r.channel) ?? '',
        tool: asString(r.tool),
        url: asString(r.url),
      };
    }),
  };
}
