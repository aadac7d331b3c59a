import { describe, expect, it } from 'vitest';
import { demoProfile } from '../__testUtils__/fixtures';
import { buildFacts } from './buildFacts';
import { columnParts, tableParts } from './factParts';

describe('factParts', () => {
  const facts = buildFacts(demoProfile('sales/sales-orders'));
  const byId = new Map(facts.map(f => [f.id, f]));

  it('reads a column fact back into its parts (types with parentheses, examples, glossary)', () => {
    const total = columnParts(byId.get('col:orders.order_total')!)!;
    expect(total.types).toBe('number, numeric(12,2)');
    expect(total.businessName).toBe('Order total');
    expect(total.description).toMatch(/^Gross order value/);
    expect(total.examples.length).toBeGreaterThan(0);
    expect(byId.get('col:orders.order_total')!.text).toContain(
      `${total.header}: ${total.description}`,
    );
    const id = columnParts(byId.get('col:order_status_events.order_id')!)!;
    expect(id.description).not.toContain('Glossary');
  });

  it('reads a table fact back into its description and grain, and nothing else', () => {
    const t = tableParts(byId.get('table:orders')!)!;
    expect(t.grain).toMatch(/^One row per customer order/);
    expect(t.description).not.toMatch(/Grain|It has/);
    expect(columnParts(byId.get('table:orders')!)).toBeUndefined();
    expect(tableParts(byId.get('owner')!)).toBeUndefined();
  });
});
