import { describe, expect, it } from 'vitest';
import { Entity } from '@backstage/catalog-model';
import { isDataProduct } from './dataProducts';

const entity = (spec?: Entity['spec']): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
  ...(spec ? { spec } : {}),
});

describe('isDataProduct', () => {
  it('accepts spec.type data-product by default', () => {
    expect(isDataProduct(entity({ type: 'data-product' }))).toBe(true);
  });

  it('rejects other types, missing spec and non-string types', () => {
    expect(isDataProduct(entity({ type: 'service' }))).toBe(false);
    expect(isDataProduct(entity())).toBe(false);
    expect(isDataProduct(entity({ type: ['data-product'] }))).toBe(false);
  });

  it('uses the configured types instead of the default', () => {
    const types = ['dataset', 'data-mart'];
    expect(isDataProduct(entity({ type: 'dataset' }), types)).toBe(true);
    expect(isDataProduct(entity({ type: 'data-product' }), types)).toBe(false);
  });
});
