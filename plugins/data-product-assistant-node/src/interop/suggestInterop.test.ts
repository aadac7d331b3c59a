import { describe, expect, it } from 'vitest';
import {
  loadAnswerKey,
  loadDemoProducts,
  pairKey,
  refKey,
} from '@dpa/test/fixtures/demoCatalog';
import { logit, pairFeatures, SCORER_WEIGHTS } from './builtinScorer';
import { buildInteropIndex, suggestInterop } from './suggestInterop';
import type { ColumnRef } from './types';

const products = loadDemoProducts();
const index = buildInteropIndex(products);
const key = loadAnswerKey();
const scan = index.scanPairs();
const byPair = new Map(scan.pairs.map(p => [pairKey(p.from, p.to), p]));

const ref = (s: string): ColumnRef => {
  const [product, table, column] = s.split('.');
  return { product, table, column };
};

describe('blocking index on the demo mesh', () => {
  it.each([
    ['sales-orders.orders.cust_id', 'customer-profiles.customers.customer_id'],
    [
      'sales-order-lines.order_lines.sku',
      'warehouse-inventory.stock_levels.product_code',
    ],
    ['shipments.shipment_items.product_code', 'product-catalog.products.sku'],
    ['sales-orders.orders.shipment_ref', 'shipments.shipments.tracking_id'],
    ['invoices.invoices.shipment_ref', 'shipments.shipments.tracking_id'],
  ])('finds %s ~ %s among few candidates', (from, to) => {
    const { pairs, stats } = index.rankFor(ref(from).product, {
      includeNone: true,
    });
    const hit = pairs.find(
      p => pairKey(p.from, p.to) === pairKey(ref(from), ref(to)),
    );
    expect(hit?.kind).toBe('join-key');
    expect(stats.candidatePairs).toBeLessThan(stats.allPairs / 5);
  });

  it('compares far fewer pairs than all-pairs in a full scan', () => {
    expect(scan.stats.allPairs).toBe(14289);
    expect(scan.stats.candidatePairs).toBeLessThan(scan.stats.allPairs / 10);
  });

  it('finds what a brute-force all-pairs scan finds', () => {
    const brute = index.allPairsScan();
    const found = new Set(scan.pairs.map(p => pairKey(p.from, p.to)));
    const missed = brute.pairs.filter(p => !found.has(pairKey(p.from, p.to)));
    expect(missed.length / brute.pairs.length).toBeLessThanOrEqual(0.02);
  });
});

describe('relationship model on the demo mesh', () => {
  it('recalls at least 90% of the intended relationships', () => {
    const found = key.relationships.filter(r => {
      const p = byPair.get(pairKey(r.from, r.to));
      return p && p.kind !== 'none';
    });
    expect(found.length / key.relationships.length).toBeGreaterThanOrEqual(0.9);
  });

  it('labels intended join keys as join keys and shared concepts as same-concept', () => {
    const wrong = key.relationships.filter(
      r => byPair.get(pairKey(r.from, r.to))?.kind !== r.kind,
    );
    expect(wrong.map(r => `${refKey(r.from)} ~ ${refKey(r.to)}`)).toEqual([]);
  });

  it('never suggests a trap (same name, different meaning) as a join key', () => {
    const suggested = key.traps.filter(
      t => byPair.get(pairKey(t.a, t.b))?.kind === 'join-key',
    );
    expect(suggested).toEqual([]);
  });

  it('keeps generic names (status, id, type, amount, code) alone from carrying a pair', () => {
    const generic = scan.pairs.filter(
      p =>
        ['status', 'id', 'type', 'amount', 'code'].includes(p.from.column) &&
        p.from.column === p.to.column,
    );
    expect(generic).toEqual([]);
  });

  it('gives evidence strings for a suggestion', () => {
    const p = byPair.get(
      pairKey(
        ref('sales-orders.orders.cust_id'),
        ref('customer-profiles.customers.customer_id'),
      ),
    )!;
    expect(p.evidence).toContain(
      'same glossary term https://glossary.example.com/terms/customer',
    );
    expect(p.evidence).toContain(
      'names match after expansion: cust_id ~ customer_id',
    );
    expect(p.evidence).toContain('types compatible: string/string');
    expect(p.evidence).toContain('example values share the shape uuid');
    // calibrated (calibration.ts): among the most confident, never certain
    const confidences = scan.pairs.map(s => s.confidence);
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.confidence).toBeLessThan(1);
    expect(
      confidences.filter(c => c > p.confidence).length,
    ).toBeLessThanOrEqual(confidences.length / 5);
  });

  it('spreads confidences: calibrated, in (0, 1), no wall of 100%', () => {
    const confidences = scan.pairs.map(p => p.confidence);
    expect(Math.max(...confidences)).toBeLessThan(0.995);
    expect(Math.min(...confidences)).toBeGreaterThan(0);
    expect(new Set(confidences).size).toBeGreaterThan(confidences.length / 2);
    // the order is the confidence order
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });
});

describe('suggestInterop API', () => {
  it('returns only pairs involving the product, with the product on the from side', () => {
    const result = suggestInterop({
      products,
      product: 'sales-returns',
      top: 5,
    });
    expect(result.suggestions).toHaveLength(5);
    for (const s of result.suggestions) {
      expect(s.from.product).toBe('sales-returns');
      expect(s.to.product).not.toBe('sales-returns');
      expect(['join-key', 'same-concept']).toContain(s.kind);
      // calibrated: a suggested pair (pairwise log-odds ≥ 0) may show a low confidence
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThan(1);
      expect(s.explanation.sql).toMatch(/JOIN/);
      expect(s.validation.groundedness).toBe(1);
    }
    expect(result.stats).toEqual({
      columns: 175,
      candidatePairs: expect.any(Number),
      allPairs: 9 * (175 - 9),
    });
    const sorted = [...result.suggestions].sort(
      (a, b) => b.confidence - a.confidence,
    );
    expect(result.suggestions.map(s => s.confidence)).toEqual(
      sorted.map(s => s.confidence),
    );
  });

  it('scans the whole catalog when no product is given, each pair once', () => {
    const result = suggestInterop({ products });
    const keys = result.suggestions.map(s => pairKey(s.from, s.to));
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.stats.candidatePairs).toBe(scan.stats.candidatePairs);
  });

  it('rejects an unknown product and duplicate ids', () => {
    expect(() => index.suggestFor('nope')).toThrow(/unknown data product nope/);
    expect(() => buildInteropIndex([products[0], products[0]])).toThrow(
      /duplicate/,
    );
  });
});

describe('text-only input (no types, keys, examples or glossary)', () => {
  const col = (name: string, description: string) => ({
    name,
    description,
    primaryKey: false,
    required: false,
    unique: false,
    pii: false,
    piiTypes: [],
    tags: [],
    examples: [],
    glossary: [],
    quality: [],
  });
  const product = (
    id: string,
    table: string,
    tableDescription: string,
    columns: ReturnType<typeof col>[],
  ) => ({
    id,
    contract: {
      id,
      name: id,
      version: '1.0.0',
      apiVersion: 'v3.1.0',
      status: 'active',
      domain: id,
      dataProduct: id,
      tags: [],
      tables: [
        {
          name: table,
          description: tableDescription,
          primaryKey: [],
          tags: [],
          columns,
          quality: [],
        },
      ],
      slas: [],
      roles: [],
      support: [],
    },
  });
  const ehr = product(
    'ehr',
    'stays',
    'One row per hospital stay of a patient.',
    [
      col('subj_id', 'The patient this stay belongs to.'),
      col('disch_time', 'When the patient left the hospital.'),
      col('dx_code', 'Principal diagnosis of the stay, coded.'),
    ],
  );
  const cdm = product('cdm', 'visit', 'Visits of persons to a care site.', [
    col('person_id', 'The person who had the visit.'),
    col(
      'visit_end_datetime',
      'Date and time the visit ended, when the person was discharged.',
    ),
    col(
      'condition_source_value',
      'Source code of the condition diagnosed during the visit.',
    ),
    col('care_site_id', 'Care site where the visit took place.'),
  ]);
  const bare = buildInteropIndex([ehr, cdm] as never);

  it.each([
    ['subj_id', 'person_id'],
    ['disch_time', 'visit_end_datetime'],
    ['dx_code', 'condition_source_value'],
  ])(
    'ranks %s ~ %s first by text similarity, through the blocking index',
    (from, to) => {
      const { pairs } = bare.rankFor('ehr', { includeNone: true });
      const best = pairs.find(p => p.from.column === from);
      expect(best?.to.column).toBe(to);
      expect(best?.features.bare).toBe(true);
      expect(best?.features.lexical).toBeGreaterThan(0);
    },
  );

  it('reads a kind of the concept in a description as a mention of it (patient → person)', () => {
    const clinic = buildInteropIndex([
      product('clinic', 'encounters', 'Encounters.', [
        col('member_ref', 'Reference of the patient seen.'),
      ]),
      cdm,
    ] as never);
    const column = (name: string) =>
      clinic.entries.find(e => e.column.name === name)!;
    const f = pairFeatures(column('member_ref'), column('person_id'));
    expect(f.crossMention).toBeGreaterThan(0);
  });

  it('ranks a key named alike in several tables where the tables correspond', () => {
    const twoTables = {
      ...cdm,
      contract: {
        ...cdm.contract,
        tables: [
          {
            ...cdm.contract.tables[0],
            name: 'note',
            description: 'Free-text notes written about persons.',
            columns: [
              col('person_id', 'The person the note is about.'),
              col('note_text', 'Text of the note.'),
              col('note_date', 'Date the note was written.'),
            ],
          },
          ...cdm.contract.tables,
        ],
      },
    };
    const { pairs } = buildInteropIndex([ehr, twoTables] as never).rankFor(
      'ehr',
      { includeNone: true },
    );
    const best = pairs.find(
      p => p.from.column === 'subj_id' && p.to.column === 'person_id',
    );
    expect(best?.to.table).toBe('visit');
  });

  it('prefers the identifier both products repeat in every table (entity keys) to one named once', () => {
    // invented: each ehr table carries pat_ref; the cdm names its entity key in every table too
    const tables = (names: string[], columns: ReturnType<typeof col>[]) =>
      names.map(name => ({
        name,
        description: `The ${name}.`,
        primaryKey: [],
        tags: [],
        columns,
        quality: [],
      }));
    const withTables = (
      p: ReturnType<typeof product>,
      list: ReturnType<typeof tables>,
    ) => ({ ...p, contract: { ...p.contract, tables: list } });
    const ehrMany = withTables(
      ehr,
      tables(
        ['stays', 'labs', 'orders'],
        [col('pat_ref', 'Reference of the patient.')],
      ),
    );
    const cdmMany = withTables(cdm, [
      ...tables(
        ['visit', 'measurement', 'drug'],
        [col('person_id', 'The person the record is about.')],
      ),
      ...tables(
        ['cohort'],
        [col('patient_group_id', 'Group of the patient in a cohort.')],
      ),
    ]);
    const built = buildInteropIndex([ehrMany, cdmMany] as never);
    const entry = (name: string) =>
      built.entries.find(e => e.column.name === name)!;
    expect(entry('pat_ref').hub).toBe(true);
    expect(entry('person_id').hub).toBe(true);
    expect(entry('patient_group_id').hub).toBe(false);
    const f = pairFeatures(entry('pat_ref'), entry('person_id'));
    expect(f.hubs).toBe(true);
    expect(logit(f)).toBeGreaterThan(
      logit({ ...f, hubs: false }) + SCORER_WEIGHTS.hubsBare - 1e-9,
    );
    expect(pairFeatures(entry('pat_ref'), entry('patient_group_id')).hubs).toBe(
      false,
    );
  });

  it('compares a name repeated across tables with every copy of what its copies matched', () => {
    // invented: blocking keeps one candidate per column, so most copies of client_id go unseen
    const inTables = (
      p: ReturnType<typeof product>,
      list: Array<[string, ReturnType<typeof col>[]]>,
    ) => ({
      ...p,
      contract: {
        ...p.contract,
        tables: list.map(([name, columns]) => ({
          name,
          description: `The ${name}.`,
          primaryKey: [],
          tags: [],
          columns,
          quality: [],
        })),
      },
    });
    const shop = inTables(product('shop', 't', '', []), [
      [
        'orders',
        [
          col('client_ref', 'The client who placed the order.'),
          col('order_total', 'Amount of the order.'),
        ],
      ],
      [
        'returns',
        [
          col('client_ref', 'The client who sent the goods back.'),
          col('return_reason', 'Why the goods came back.'),
        ],
      ],
    ]);
    const crm = inTables(product('crm', 't', '', []), [
      ['purchases', [col('client_id', 'The client who bought.')]],
      ['refunds', [col('client_id', 'The client refunded.')]],
      ['visits', [col('client_id', 'The client visiting.')]],
      ['complaints', [col('client_id', 'The client complaining.')]],
    ]);
    const tight = buildInteropIndex([shop, crm] as never, {
      maxCandidatesBare: 1,
    });
    const { pairs } = tight.rankFor('shop', { includeNone: true });
    const copies = (table: string) =>
      pairs
        .filter(
          p =>
            p.from.table === table &&
            p.from.column === 'client_ref' &&
            p.to.column === 'client_id',
        )
        .map(p => p.to.table)
        .sort();
    const all = ['complaints', 'purchases', 'refunds', 'visits'];
    expect(copies('orders')).toEqual(all);
    expect(copies('returns')).toEqual(all);
  });

  it('counts names ending in the same kind of word as type evidence, identifiers only by the same word', () => {
    const column = (name: string) =>
      bare.entries.find(e => e.column.name === name)!;
    expect(
      pairFeatures(column('disch_time'), column('visit_end_datetime')).tailSame,
    ).toBe(true);
    // `code` and `id` are both identifier tails, of different things
    expect(
      pairFeatures(column('dx_code'), column('care_site_id')).tailSame,
    ).toBe(false);
    expect(
      pairFeatures(column('subj_id'), column('care_site_id')).tailSame,
    ).toBe(true);
  });

  it('holds a time name against a name of another kind (a date is a date in any convention)', () => {
    const column = (name: string) =>
      bare.entries.find(e => e.column.name === name)!;
    const f = pairFeatures(
      column('disch_time'),
      column('condition_source_value'),
    );
    expect(f.timeMismatch).toBe(true);
    expect(logit(f)).toBeCloseTo(
      logit({ ...f, timeMismatch: false }) + SCORER_WEIGHTS.timeMismatchBare,
    );
    expect(
      pairFeatures(column('disch_time'), column('visit_end_datetime'))
        .timeMismatch,
    ).toBe(false);
    // identifiers against measures: no time involved
    expect(
      pairFeatures(column('dx_code'), column('condition_source_value'))
        .timeMismatch,
    ).toBe(false);
  });

  it('recomputes the features of a scanned pair on demand', () => {
    const p = scan.pairs[0];
    expect(p.features.conceptOverlap).toBeGreaterThanOrEqual(0);
    expect(p.evidence.length).toBeGreaterThan(0);
  });
});
