import { describe, expect, it } from 'vitest';
import { checkClaim, checkGroundedness, extractFormulas } from './groundedness';
import { answer, orderFacts } from './fixtures.test-helpers';

const supported = (text: string, cites: string[]) =>
  checkClaim({ text, citations: cites }, 0, orderFacts, { abstained: false }).supported;

describe('groundedness: faithful answers and their swapped twins', () => {
  const pairs: Array<{ name: string; faithful: [string, string[]]; swapped: [string, string[]] }> = [
    {
      name: 'status code ↔ meaning',
      faithful: ['Status 5 means the order was shipped.', ['col:orders.status']],
      swapped: ['Status 5 means the order was cancelled.', ['col:orders.status']],
    },
    {
      name: 'meaning ↔ code, reversed order',
      faithful: ['Cancelled orders have status 4.', ['col:orders.status']],
      swapped: ['Cancelled orders have status 5.', ['col:orders.status']],
    },
    {
      name: 'wrong column for the described quantity',
      faithful: ['net_amount is the order value after subtracting discounts and tax.', ['col:orders.net_amount']],
      swapped: ['gross_amount is the order value after subtracting discounts and tax.', ['col:orders.net_amount']],
    },
    {
      name: 'wrong column, cited the right fact',
      faithful: ['gross_amount is the order value before discounts and tax.', ['col:orders.gross_amount']],
      swapped: ['gross_amount is the order value after discounts and tax.', ['col:orders.gross_amount']],
    },
    {
      name: 'formula missing a term',
      faithful: ['The net amount is gross minus discounts minus tax.', ['col:orders.net_amount']],
      swapped: ['The net amount is gross minus discounts.', ['col:orders.net_amount']],
    },
    {
      name: 'formula with the wrong operator',
      faithful: ['net_amount equals gross minus discounts minus tax, in EUR.', ['col:orders.net_amount']],
      swapped: ['net_amount equals gross plus discounts minus tax, in EUR.', ['col:orders.net_amount']],
    },
    {
      name: 'wrong number',
      faithful: ['The orders table is refreshed every 24 hours.', ['sla:frequency']],
      swapped: ['The orders table is refreshed every 12 hours.', ['sla:frequency']],
    },
    {
      name: 'wrong unit',
      faithful: ['Orders are updated daily at 02:00 UTC.', ['sla:frequency']],
      swapped: ['The orders table is refreshed every 24 minutes.', ['sla:frequency']],
    },
    {
      name: 'similar column in another table',
      faithful: ['returns.customer_id identifies the customer who returned items.', ['col:returns.customer_id']],
      swapped: ['returns.customer_id joins to customers.customer_id.', ['col:returns.customer_id']],
    },
    {
      name: 'wrong currency',
      faithful: ['refund_amount is the amount refunded to the customer, in EUR.', ['col:returns.refund_amount']],
      swapped: ['refund_amount is the amount refunded to the customer, in USD.', ['col:returns.refund_amount']],
    },
  ];
  for (const p of pairs) {
    it(p.name, () => {
      expect(supported(...p.faithful), `faithful: ${p.faithful[0]}`).toBe(true);
      expect(supported(...p.swapped), `swapped: ${p.swapped[0]}`).toBe(false);
    });
  }

  it('a correct statement citing the wrong fact is not supported', () => {
    expect(supported('Status 5 means the order was shipped.', ['col:orders.status'])).toBe(true);
    expect(supported('Status 5 means the order was shipped.', ['col:orders.net_amount'])).toBe(false);
    expect(supported('net_amount is gross minus discounts minus tax.', ['col:orders.gross_amount'])).toBe(false);
    expect(supported('The orders table is refreshed every 24 hours.', ['product:orders'])).toBe(false);
  });

  it('judges each claim on its own citations, not the whole context', () => {
    // True of the product, but the cited fact is about returns.
    expect(supported('customer_id joins to customers.customer_id.', ['col:returns.customer_id'])).toBe(false);
    expect(supported('customer_id joins to customers.customer_id.', ['col:orders.customer_id'])).toBe(true);
  });

  it('unknown fact ids and missing citations are ungrounded; abstentions are not', () => {
    expect(supported('Status 5 means shipped.', ['col:orders.nope'])).toBe(false);
    expect(supported('Status 5 means shipped.', [])).toBe(false);
    expect(supported('The contract does not say how returns are refunded.', [])).toBe(true);
  });

  it('reports groundedness as the share of supported claims', () => {
    const a = answer('Status 5 means shipped. Status 4 means shipped.', [['col:orders.status'], ['col:orders.status']]);
    const g = checkGroundedness(a, orderFacts);
    expect(g.groundedness).toBe(0.5);
    expect(g.reasons).toHaveLength(1);
    expect(g.reasons[0]).toMatchObject({ code: 'ungrounded', claim: 1, severity: 'warning' });
  });

  it('extracts formulas with conjunctions', () => {
    expect(extractFormulas('gross minus discounts and tax')[0].operands).toHaveLength(3);
    expect(extractFormulas('net_amount = gross_amount - discount_amount - tax_amount')[0].operands).toHaveLength(3);
  });
});
