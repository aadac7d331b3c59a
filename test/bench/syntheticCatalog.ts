/**
 * A seeded synthetic data mesh for the interop benchmark: domains of
 * products, each owning an entity (its primary key) and referring to other
 * entities (mostly of its own domain, some popular ones across domains) under
 * varying names (`<e>_id`, `<abbr>_ref`, `<e>_no`, `fk_<e>`, camelCase),
 * with or without glossary links and shared example values; shared attribute
 * concepts (e-mail, country, ...); generic columns with product-specific code
 * lists (`status`, `type`, `amount`, `code`, `id` — the traps); and noise.
 */
import type {
  ColumnProfile,
  ContractProfile,
  TableProfile,
} from '../../plugins/data-product-assistant-common/src/profile';
import type { InteropProduct } from '../../plugins/data-product-assistant-node/src/interop/types';

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  products: number;
  columnsPerProduct?: number;
  domains?: number;
  seed?: number;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'vo',
  'zu',
  'bel',
  'dor',
  'fi',
  'gan',
  'hu',
  'jor',
  'kel',
  'lun',
  'mar',
  'nis',
  'pol',
  'qua',
  'ris',
  'sal',
  'tor',
  'ux',
  'vel',
  'wen',
  'yal',
  'zer',
  'bri',
  'cor',
  'dul',
];
const ATTRIBUTES: Array<{
  word: string;
  family: string;
  pii?: string;
  shape: () => string;
}> = [];
const CODE_WORDS = [
  'open',
  'closed',
  'pending',
  'active',
  'blocked',
  'draft',
  'final',
  'late',
  'early',
  'manual',
  'auto',
  'internal',
  'external',
  'primary',
  'backup',
];

function pick<T>(rng: () => number, list: T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function word(rng: () => number, syllables = 3): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(rng, SYLLABLES);
  return w;
}

function column(name: string, over: Partial<ColumnProfile>): ColumnProfile {
  return {
    name,
    primaryKey: false,
    required: false,
    unique: false,
    pii: false,
    piiTypes: [],
    tags: [],
    examples: [],
    glossary: [],
    quality: [],
    ...over,
  };
}

interface Entity {
  word: string;
  domain: number;
  owner: string;
  prefix: string;
  values: string[];
  glossary: string;
}

/** Generates the catalog; deterministic for a seed. */
export function syntheticCatalog(options: SyntheticOptions): InteropProduct[] {
  const rng = mulberry32(options.seed ?? 42);
  const perProduct = options.columnsPerProduct ?? 30;
  const domains =
    options.domains ?? Math.max(2, Math.round(options.products / 250));
  const used = new Set<string>();
  const unique = (syllables: number) => {
    for (;;) {
      const w = word(rng, syllables);
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  if (!ATTRIBUTES.length) {
    const fixed: Array<[string, string, string?]> = [
      ['email', 'string', 'email'],
      ['phone', 'string', 'phone'],
      ['country', 'string'],
      ['currency', 'string'],
      ['language', 'string'],
      ['timezone', 'string'],
      ['postal', 'string', 'address'],
      ['city', 'string'],
    ];
    for (const [w, family, pii] of fixed)
      ATTRIBUTES.push({
        word: w,
        family,
        pii,
        shape: () => (w === 'email' ? 'a.b@example.com' : 'XX'),
      });
    const arng = mulberry32(7);
    for (let i = 0; i < 150; i++) {
      const w = word(arng, 3);
      ATTRIBUTES.push({
        word: w,
        family: pick(arng, ['string', 'integer', 'number', 'date']),
        shape: () => 'x',
      });
    }
  }
  const entities: Entity[] = [];
  const products: InteropProduct[] = [];
  const domainName = (d: number) => `domain${d}`;
  const byDomain: Entity[][] = Array.from({ length: domains }, () => []);
  for (let i = 0; i < options.products; i++) {
    const d = i % domains;
    const e = unique(3);
    const prefix = e.slice(0, 3).toUpperCase();
    const entity: Entity = {
      word: e,
      domain: d,
      owner: `p${i}-${e}`,
      prefix,
      values: Array.from(
        { length: 5 },
        () =>
          `${prefix}-${1000 + Math.floor(rng() * 9000)}-${String(
            Math.floor(rng() * 1e6),
          ).padStart(6, '0')}`,
      ),
      glossary: `https://glossary.example.com/terms/${e}`,
    };
    entities.push(entity);
    byDomain[d].push(entity);
  }
  // popularity across domains: a few entities are referenced everywhere
  const popular = entities.filter((_, i) => i % 97 === 0);

  entities.forEach((own, i) => {
    const domain = domainName(own.domain);
    const main: ColumnProfile[] = [];
    const detail: ColumnProfile[] = [];
    main.push(
      column(`${own.word}_id`, {
        logicalType: 'string',
        physicalType: 'varchar(20)',
        description: `Unique identifier of the ${own.word}, format ${own.prefix}-<year>-<digits>.`,
        primaryKey: true,
        unique: true,
        required: true,
        examples: own.values.slice(0, 2),
        glossary: rng() < 0.6 ? [own.glossary] : [],
      }),
    );
    detail.push(
      column('id', {
        logicalType: 'integer',
        physicalType: 'bigint',
        description: `Surrogate key of the ${own.word} line, generated by the loader.`,
        primaryKey: true,
        unique: true,
        examples: [String(9e7 + Math.floor(rng() * 1e6))],
      }),
      column(`${own.word}_id`, {
        logicalType: 'string',
        description: `The ${own.word} this line belongs to.`,
        examples: own.values.slice(0, 1),
      }),
    );
    const refs = 6;
    for (let r = 0; r < refs; r++) {
      const target =
        rng() < 0.8 ? pick(rng, byDomain[own.domain]) : pick(rng, popular);
      if (target === own) continue;
      const t = target.word;
      const abbr = t.slice(0, 4);
      const name = pick(rng, [
        `${t}_id`,
        `${t}_id`,
        `${abbr}_ref`,
        `${t}_no`,
        `fk_${t}`,
        `${t}Key`,
        `${t}Id`,
        `${t}_code`,
      ]);
      const desc = pick(rng, [
        `Identifier of the ${t} this row refers to.`,
        `Reference to the ${t} (${t} master id).`,
        `The ${t} concerned; refers to ${target.owner}.${t}s.${t}_id.`,
        `${t} number as used by the ${domain} team.`,
      ]);
      const col = column(name, {
        logicalType: 'string',
        physicalType: 'varchar(20)',
        description: desc,
        examples: rng() < 0.7 ? [pick(rng, target.values)] : [],
        glossary: rng() < 0.5 ? [target.glossary] : [],
      });
      (r % 2 ? detail : main).push(col);
    }
    for (let a = 0; a < 4; a++) {
      const attr = pick(rng, ATTRIBUTES);
      const qual = pick(rng, ['', 'billing_', 'contact_', 'home_', 'main_']);
      const name = `${qual}${attr.word}${
        attr.family === 'date' ? '_date' : ''
      }`;
      main.push(
        column(name, {
          logicalType: attr.family,
          description: `${attr.word} of the ${own.word}${
            qual ? ` (${qual.replace('_', '')})` : ''
          }.`,
          pii: !!attr.pii,
          piiTypes: attr.pii ? [attr.pii] : [],
          classification: attr.pii ? 'restricted' : 'internal',
          examples: attr.word === 'email' ? [`${own.word}@example.com`] : [],
        }),
      );
    }
    const codes = (n: number) => {
      const list = [...CODE_WORDS].sort(() => rng() - 0.5).slice(0, n);
      return list.map(c => `${c.slice(0, 2).toUpperCase()} = ${c}`).join(', ');
    };
    const generic = [
      column('status', {
        logicalType: 'string',
        description: `State of the ${own.word}: ${codes(4)}.`,
      }),
      column('type', {
        logicalType: 'string',
        description: `Kind of ${own.word}: ${codes(3)}.`,
      }),
      column('amount', {
        logicalType: 'number',
        description: `Amount of the ${own.word} line in ${pick(rng, [
          'EUR',
          'USD',
          'the order currency',
        ])}.`,
      }),
      column('code', {
        logicalType: 'string',
        description: `Short code of the ${own.word} ${pick(rng, [
          'scan',
          'account',
          'region',
        ])}.`,
      }),
      column('created_at', {
        logicalType: 'timestamp',
        description: 'When the row was created (UTC).',
      }),
      column('updated_at', {
        logicalType: 'timestamp',
        description: 'When the row was last changed (UTC).',
      }),
    ];
    for (const g of generic) (rng() < 0.5 ? main : detail).push(g);
    while (main.length + detail.length < perProduct) {
      const n = `${word(rng, 2)}_${word(rng, 2)}`;
      const c = column(n, {
        logicalType: pick(rng, [
          'string',
          'integer',
          'number',
          'boolean',
          'date',
        ]),
        description: Array.from({ length: 6 }, () => word(rng, 2)).join(' '),
      });
      (rng() < 0.5 ? main : detail).push(c);
    }
    const table = (
      name: string,
      cols: ColumnProfile[],
      granularity: string,
    ): TableProfile => ({
      name,
      description: `${name} of ${own.word}`,
      granularity,
      primaryKey: cols.filter(c => c.primaryKey).map(c => c.name),
      tags: [],
      columns: cols,
      quality: [],
    });
    const contract: ContractProfile = {
      id: own.owner,
      name: `${own.word} product`,
      version: '1.0.0',
      apiVersion: 'v3.1.0',
      status: 'active',
      domain,
      dataProduct: own.owner,
      purpose: `Everything about ${own.word}s.`,
      tags: [],
      tables: [
        table(`${own.word}s`, main, `One row per ${own.word}.`),
        table(`${own.word}_lines`, detail, `One row per ${own.word} line.`),
      ],
      slas: [],
      roles: [],
      support: [],
    };
    products.push({ id: own.owner, domain, contract });
    void i;
  });
  return products;
}
