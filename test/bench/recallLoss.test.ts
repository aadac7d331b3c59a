import { describe, expect, it } from 'vitest';
import type {
  ColumnProfile,
  ContractProfile,
} from '../../plugins/data-product-assistant-common/src/profile';
import {
  buildInteropIndex,
  type InteropIndex,
} from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import type { InteropProduct } from '../../plugins/data-product-assistant-node/src/interop/types';
import { loadDemoProducts } from '../fixtures/demoCatalog';
import {
  bruteForcePairs,
  measureRecallLoss,
  pairKey,
  sampleProducts,
  type PairKey,
} from './recallLoss';
import { syntheticCatalog } from './syntheticCatalog';

/** What the literal all-pairs scan suggests for the sampled products. */
function literal(index: InteropIndex, sample: string[]): Set<PairKey> {
  const n = index.entries.length;
  const wanted = new Set(sample);
  return new Set(
    index
      .allPairsScan()
      .pairs.filter(
        p => wanted.has(p.a.product.id) || wanted.has(p.b.product.id),
      )
      .map(p => pairKey(p.a.idx, p.b.idx, n)),
  );
}

const scanned = (index: InteropIndex) =>
  new Set(
    index
      .scanPairs()
      .pairs.map(p => pairKey(p.a.idx, p.b.idx, index.entries.length)),
  );

/** Columns stripped to names and descriptions: the scorer's `bare` path. */
function stripped(products: InteropProduct[]): InteropProduct[] {
  return products.map((p, i) => ({
    ...p,
    contract: {
      ...p.contract,
      tables: p.contract.tables.map(t => ({
        ...t,
        primaryKey: i % 2 ? t.primaryKey : [],
        columns: t.columns.map((c, k) =>
          (i + k) % 3
            ? c
            : {
                ...c,
                logicalType: undefined,
                physicalType: undefined,
                examples: [],
                glossary: [],
                primaryKey: false,
                unique: false,
              },
        ),
      })),
    },
  }));
}

describe('the brute force behind interop.recall_loss', () => {
  it.each([
    ['the demo mesh', () => loadDemoProducts(), 6],
    ['a synthetic mesh', () => syntheticCatalog({ products: 60, seed: 3 }), 8],
    [
      'a synthetic mesh with bare columns',
      () => stripped(syntheticCatalog({ products: 40, seed: 4 })),
      6,
    ],
  ])(
    'finds exactly what the literal all-pairs scan finds on %s',
    { timeout: 60_000 },
    (name, products, sampled) => {
      const catalog = products();
      const index = buildInteropIndex(catalog);
      const sample = sampleProducts(
        catalog.map(p => p.id),
        sampled,
        1,
      );
      const brute = bruteForcePairs(index, sample, { checkSkipped: 2000 });
      const expected = literal(index, sample);
      expect(expected.size).toBeGreaterThan(0);
      expect([...brute.pairs].sort()).toEqual([...expected].sort());
      // and skipped most pairs where it could, or it would not scale to 10,000 products
      if (!name.includes('bare'))
        expect(brute.skipped).toBeGreaterThan(5 * brute.scored);
    },
  );
});

function product(id: string, columns: ColumnProfile[]): InteropProduct {
  const contract: ContractProfile = {
    id,
    name: id,
    version: '1.0.0',
    apiVersion: 'v3.1.0',
    status: 'active',
    domain: 'sales',
    dataProduct: id,
    tags: [],
    tables: [
      {
        name: `${id}_facts`,
        primaryKey: [],
        tags: [],
        quality: [],
        columns,
      },
    ],
    slas: [],
    roles: [],
    support: [],
  };
  return { id, domain: 'sales', contract };
}

const customerRef = (): ColumnProfile => ({
  name: 'customer_id',
  logicalType: 'string',
  description: 'Identifier of the customer who placed it.',
  primaryKey: false,
  required: true,
  unique: false,
  pii: false,
  piiTypes: [],
  tags: [],
  examples: ['CUS-000123'],
  glossary: ['https://glossary.example.com/customer'],
  quality: [],
});

describe('measureRecallLoss', () => {
  // Three products refer to the same customer: three relationships. An index
  // keeping one candidate per column lists A→B, B→A and C→A: B~C is missed.
  const products = ['a', 'b', 'c'].map(id => product(id, [customerRef()]));
  const ids = products.map(p => p.id);

  it('counts the pairs an index misses', () => {
    const narrow = buildInteropIndex(products, {
      maxCandidatesPerColumn: 1,
      minMaxPosting: 64,
    });
    const m = measureRecallLoss(narrow, ids, scanned(narrow));
    expect(m.truePairs).toBe(3);
    expect(m.missed).toBe(1);
    expect(m.loss).toBeCloseTo(1 / 3);
  });

  it('reports no loss when the index returns every suggested pair', () => {
    const index = buildInteropIndex(products);
    const m = measureRecallLoss(index, ids, scanned(index));
    expect(m.truePairs).toBe(3);
    expect(m.loss).toBe(0);
  });

  it('reports a total loss when the scan returned nothing', () => {
    const index = buildInteropIndex(products);
    expect(measureRecallLoss(index, ids, new Set()).loss).toBe(1);
  });

  it('measures a sample against the whole catalog, not the sample alone', () => {
    const index = buildInteropIndex(products);
    const m = measureRecallLoss(index, ['a'], scanned(index));
    // a~b and a~c: the partners need not be sampled
    expect(m.truePairs).toBe(2);
    expect(m.sampledProducts).toBe(1);
  });
});

describe('sampleProducts', () => {
  it('draws distinct products, the same for the same seed', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `p${i}`);
    const s = sampleProducts(ids, 20, 9);
    expect(new Set(s).size).toBe(20);
    expect(sampleProducts(ids, 20, 9)).toEqual(s);
    expect(sampleProducts(ids, 20, 10)).not.toEqual(s);
  });
});
