import { describe, expect, it } from 'vitest';
import { EngineIds } from './InteropIndexCache';
import { suggestionId } from './suggestionId';

describe('EngineIds', () => {
  it('uses unique entity names and slugs of refs where names collide', () => {
    const ids = new EngineIds([
      'component:default/sales-orders',
      'component:default/payments',
      'resource:finance/payments',
      'component:default/Web.Sessions',
    ]);
    expect(ids.engineId('component:default/sales-orders')).toBe('sales-orders');
    expect(ids.engineId('component:default/payments')).toBe(
      'component-default-payments',
    );
    expect(ids.engineId('resource:finance/payments')).toBe(
      'resource-finance-payments',
    );
    expect(ids.engineId('component:default/Web.Sessions')).toBe('web-sessions');
    expect(ids.entityRef('resource-finance-payments')).toBe(
      'resource:finance/payments',
    );
  });
});

describe('suggestionId', () => {
  it('is the same in either orientation and differs per column pair', () => {
    const a = { product: 'component:default/a', table: 't', column: 'x' };
    const b = { product: 'component:default/b', table: 'u', column: 'y' };
    expect(suggestionId(a, b)).toBe(suggestionId(b, a));
    expect(suggestionId(a, b)).toMatch(/^[0-9a-f]{16}$/);
    expect(suggestionId(a, { ...b, column: 'z' })).not.toBe(suggestionId(a, b));
  });
});
