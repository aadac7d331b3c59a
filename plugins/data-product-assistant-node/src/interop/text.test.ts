import { describe, expect, it } from 'vitest';
import {
  areRelated,
  charNgrams,
  codeList,
  relatedWords,
  sortedDice,
  isSelectiveShape,
  jaroWinkler,
  normaliseName,
  splitIdentifier,
  textTerms,
  typeCompatibility,
  typeFamily,
  valueShape,
} from './text';

describe('name normalisation', () => {
  it('splits snake_case, camelCase, kebab-case and glued generic suffixes', () => {
    expect(splitIdentifier('cust_id')).toEqual(['cust', 'id']);
    expect(splitIdentifier('customerEmailAddress')).toEqual([
      'customer',
      'email',
      'address',
    ]);
    expect(splitIdentifier('HTTPStatusCode')).toEqual([
      'http',
      'status',
      'code',
    ]);
    expect(splitIdentifier('order-line-2')).toEqual(['order', 'line', '2']);
    expect(splitIdentifier('starttime')).toEqual(['start', 'time']);
    expect(splitIdentifier('itemid')).toEqual(['item', 'id']);
    expect(splitIdentifier('valid')).toEqual(['valid']);
  });

  it('expands abbreviations to canonical words', () => {
    expect(normaliseName('cust_id')).toEqual(['customer', 'identifier']);
    expect(normaliseName('customer_ref')).toEqual(['customer', 'identifier']);
    expect(normaliseName('ord_no')).toEqual(['order', 'number']);
    expect(normaliseName('qty')).toEqual(['quantity']);
    expect(normaliseName('amt')).toEqual(['amount']);
    expect(normaliseName('order_dt')).toEqual(['order', 'date']);
    expect(normaliseName('event_ts')).toEqual(['event', 'timestamp']);
    expect(normaliseName('prod_nr')).toEqual(['product', 'number']);
    expect(normaliseName('shipAddr')).toEqual(['ship', 'address']);
    expect(normaliseName('invoice_num')).toEqual(['invoice', 'number']);
  });

  it('maps business synonyms onto one concept', () => {
    expect(normaliseName('sku')).toEqual(['product', 'identifier']);
    expect(normaliseName('tracking_id')).toEqual(['shipment', 'identifier']);
    expect(normaliseName('parcel_ref')).toEqual(['shipment', 'identifier']);
    expect(normaliseName('client_key')).toEqual(['customer', 'identifier']);
  });

  it('turns descriptions into stemmed content terms without stopwords', () => {
    expect(
      textTerms('Identifier of the customers who placed the orders'),
    ).toEqual(['identifier', 'customer', 'plac', 'order']);
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

describe('clinical vocabulary and character n-grams', () => {
  it('expands general clinical abbreviations', () => {
    expect(normaliseName('hadm_id')).toEqual([
      'hospital',
      'admission',
      'identifier',
    ]);
    expect(normaliseName('subj_id')).toEqual(['subject', 'identifier']);
    expect(normaliseName('dod')).toEqual(['death', 'date']);
    expect(normaliseName('dob')).toEqual(['birth', 'date']);
    expect(normaliseName('dx_code')).toEqual(['diagnosis', 'code']);
    expect(normaliseName('rx_start')).toEqual(['prescription', 'start']);
    expect(normaliseName('disch_time')).toEqual(['discharge', 'time']);
    expect(normaliseName('icd_code')).toEqual(['diagnosis', 'code']);
  });

  it('relates words of different vocabularies without making them equal', () => {
    expect(areRelated('patient', 'person')).toBe(true);
    expect(areRelated('admission', 'visit')).toBe(true);
    expect(areRelated('diagnosis', 'condition')).toBe(true);
    expect(areRelated('customer', 'person')).toBe(false);
    expect(relatedWords('sex')).toEqual(['gender']);
    expect(relatedWords('order')).toEqual([]);
  });

  it('compares names by character trigrams', () => {
    expect(
      sortedDice(charNgrams('admittime'), charNgrams('admit_time')),
    ).toBeGreaterThan(0.6);
    expect(
      sortedDice(charNgrams('careunit'), charNgrams('care_site')),
    ).toBeGreaterThan(0.2);
    expect(sortedDice(charNgrams('admittime'), charNgrams('gender'))).toBe(0);
    expect(sortedDice(charNgrams('x'), new Int32Array(0))).toBe(0);
  });
});
