import { describe, expect, it } from 'vitest';
import { charNgrams, jaroWinkler, sortedDice, splitCase } from '../text';
import {
  areRelated,
  catalogAbbreviations,
  codeList,
  relatedWords,
  isSelectiveShape,
  normaliseName,
  textTerms,
  typeCompatibility,
  typeFamily,
  valueShape,
} from './text';

describe('name normalisation', () => {
  const catalog = catalogAbbreviations(
    [
      'Identifier of the customer who placed the order.',
      'Customer identifier, as in the customer master.',
      'Quantity of items ordered; quantity returned.',
      'Number of the invoice; the invoice number printed on it.',
    ],
    [
      { name: 'order_ts', context: 'Order timestamp. When it was placed.' },
      { name: 'sku', context: 'Stock keeping unit of the item.' },
    ],
  );

  it('splits names and lemmatises their words', () => {
    expect(normaliseName('customerEmailAddresses')).toEqual([
      'customer',
      'email',
      'address',
    ]);
    expect(normaliseName('shipped_at')).toEqual(['ship', 'at']);
    expect(normaliseName('starttime')).toEqual(['start', 'time']);
  });

  it('expands abbreviations from the catalog, never from a hand-written table', () => {
    expect(normaliseName('cust_id', catalog)).toEqual(['customer', 'id']);
    expect(normaliseName('qty', catalog)).toEqual(['quantity']);
    expect(normaliseName('invoice_num', catalog)).toEqual([
      'invoice',
      'number',
    ]);
    expect(normaliseName('event_ts', catalog)).toEqual(['event', 'timestamp']);
    expect(normaliseName('sku', catalog)).toEqual(['stock', 'keep', 'unit']);
    // column-role words stay as they are: `ref` is not "refer", `no` not "note"
    expect(normaliseName('order_ref', catalog)).toEqual(['order', 'ref']);
    // without the catalog's words there is nothing to expand from
    expect(normaliseName('cust_id')).toEqual(['cust', 'id']);
  });

  it('sets a role word apart from a glued name that does not split into words', () => {
    // `custdate`: no word split (`cust` is no word), but it ends in `date`
    expect(normaliseName('custdate', catalog)).toEqual(['customer', 'date']);
    expect(normaliseName('indate')).toEqual(['in', 'date']);
    // a word, or a glued name that splits into words, stays as the lexicon has it
    expect(normaliseName('update')).toEqual(['update']);
    expect(normaliseName('starttime')).toEqual(['start', 'time']);
  });

  it('turns descriptions into lemmatised content terms without stop words', () => {
    expect(
      textTerms('Identifier of the customers who placed the orders'),
    ).toEqual(['identifier', 'customer', 'place', 'order']);
  });
});

describe('types, shapes and code lists', () => {
  it('maps logical and physical types to families', () => {
    expect(typeFamily('string', 'varchar(36)')).toBe('string');
    expect(typeFamily('integer', 'smallint')).toBe('integer');
    expect(typeFamily(undefined, 'numeric(12,2)')).toBe('number');
    expect(typeFamily('timestamp')).toBe('timestamp');
    expect(typeFamily('date', 'date')).toBe('date');
    expect(typeCompatibility('string', 'string')).toBe('same');
    expect(typeCompatibility('date', 'timestamp')).toBe('castable');
    expect(typeCompatibility('string', 'date')).toBe('incompatible');
  });

  it('describes example values by shape', () => {
    expect(valueShape('SO-2024-000123')).toBe('A-9-9');
    expect(valueShape('TSH-BLK-M-001')).toBe('A-A-A-9');
    expect(valueShape('c9a6f0e2-3b1d-4c55-9e0a-6f2d8b7e1a10')).toBe('uuid');
    expect(valueShape('jane.doe@example.com')).toBe('email');
    expect(valueShape('2024-03-14T09:26:53Z')).toBe('timestamp');
    expect(valueShape('42')).toBe('integer');
    expect(isSelectiveShape('A-9-9')).toBe(true);
    expect(isSelectiveShape('A')).toBe(false);
    expect(isSelectiveShape('integer')).toBe(false);
  });

  it('reads documented code lists', () => {
    expect(
      codeList('Order status code: 1 = placed, 2 = paid, 3 = packed'),
    ).toEqual(['1', '2', '3']);
    expect(
      codeList('A = active, S = suspended (fraud check), C = closed'),
    ).toEqual(['A', 'C', 'S']);
    expect(codeList('Free text')).toEqual([]);
  });

  it('computes Jaro-Winkler similarity', () => {
    expect(jaroWinkler('organisation', 'organization')).toBeGreaterThan(0.95);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('related words and character n-grams', () => {
  it('relates words WordNet relates, without making them equal', () => {
    expect(areRelated('patient', 'person')).toBe(true);
    expect(areRelated('client', 'customer')).toBe(true);
    expect(areRelated('customer', 'person')).toBe(false);
    expect(areRelated('order', 'order')).toBe(false);
    expect(relatedWords('telephone')).toContain('phone');
  });

  it('compares names by character trigrams', () => {
    const grams = (n: string) => charNgrams(splitCase(n));
    expect(sortedDice(grams('admittime'), grams('admit_time'))).toBeGreaterThan(
      0.6,
    );
    expect(sortedDice(grams('careunit'), grams('care_site'))).toBeGreaterThan(
      0.2,
    );
    expect(sortedDice(grams('admittime'), grams('gender'))).toBe(0);
    expect(sortedDice(grams('x'), new Int32Array(0))).toBe(0);
  });
});
