import { describe, expect, it } from 'vitest';
import { checkClaim, checkGroundedness, extractFormulas } from './groundedness';
import { answer, orderFacts } from './fixtures.test-helpers';

const supported = (text: string, cites: string[]) =>
  checkClaim({ text, citations: cites }, 0, orderFacts, { abstained: false })
    .supported;

describe('groundedness: faithful answers and their swapped twins', () => {
  const pairs: Array<{
    name: string;
    faithful: [string, string[]];
    swapped: [string, string[]];
  }> = [
    {
      name: 'status code ↔ meaning',
      faithful: [
        'Status 5 means the order was shipped.',
        ['col:orders.status'],
      ],
      swapped: [
        'Status 5 means the order was cancelled.',
        ['col:orders.status'],
      ],
    },
    {
      name: 'meaning ↔ code, reversed order',
      faithful: ['Cancelled orders have status 4.', ['col:orders.status']],
      swapped: ['Cancelled orders have status 5.', ['col:orders.status']],
    },
    {
      name: 'wrong column for the described quantity',
      faithful: [
        'net_amount is the order value after subtracting discounts and tax.',
        ['col:orders.net_amount'],
      ],
      swapped: [
        'gross_amount is the order value after subtracting discounts and tax.',
        ['col:orders.net_amount'],
      ],
    },
    {
      name: 'wrong column, cited the right fact',
      faithful: [
        'gross_amount is the order value before discounts and tax.',
        ['col:orders.gross_amount'],
      ],
      swapped: [
        'gross_amount is the order value after discounts and tax.',
        ['col:orders.gross_amount'],
      ],
    },
    {
      name: 'formula missing a term',
      faithful: [
        'The net amount is gross minus discounts minus tax.',
        ['col:orders.net_amount'],
      ],
      swapped: [
        'The net amount is gross minus discounts.',
        ['col:orders.net_amount'],
      ],
    },
    {
      name: 'formula with the wrong operator',
      faithful: [
        'net_amount equals gross minus discounts minus tax, in EUR.',
        ['col:orders.net_amount'],
      ],
      swapped: [
        'net_amount equals gross plus discounts minus tax, in EUR.',
        ['col:orders.net_amount'],
      ],
    },
    {
      name: 'wrong number',
      faithful: [
        'The orders table is refreshed every 24 hours.',
        ['sla:frequency'],
      ],
      swapped: [
        'The orders table is refreshed every 12 hours.',
        ['sla:frequency'],
      ],
    },
    {
      name: 'wrong unit',
      faithful: ['Orders are refreshed daily at 02:00 UTC.', ['sla:frequency']],
      swapped: [
        'The orders table is refreshed every 24 minutes.',
        ['sla:frequency'],
      ],
    },
    {
      name: 'similar column in another table',
      faithful: [
        'returns.customer_id identifies the customer who returned items.',
        ['col:returns.customer_id'],
      ],
      swapped: [
        'returns.customer_id joins to customers.customer_id.',
        ['col:returns.customer_id'],
      ],
    },
    {
      name: 'wrong currency',
      faithful: [
        'refund_amount is the amount refunded to the customer, in EUR.',
        ['col:returns.refund_amount'],
      ],
      swapped: [
        'refund_amount is the amount refunded to the customer, in USD.',
        ['col:returns.refund_amount'],
      ],
    },
  ];
  for (const p of pairs) {
    it(p.name, () => {
      expect(supported(...p.faithful), `faithful: ${p.faithful[0]}`).toBe(true);
      expect(supported(...p.swapped), `swapped: ${p.swapped[0]}`).toBe(false);
    });
  }

  it('a correct statement citing the wrong fact is not supported', () => {
    expect(
      supported('Status 5 means the order was shipped.', ['col:orders.status']),
    ).toBe(true);
    expect(
      supported('Status 5 means the order was shipped.', [
        'col:orders.net_amount',
      ]),
    ).toBe(false);
    expect(
      supported('net_amount is gross minus discounts minus tax.', [
        'col:orders.gross_amount',
      ]),
    ).toBe(false);
    expect(
      supported('The orders table is refreshed every 24 hours.', [
        'product:orders',
      ]),
    ).toBe(false);
  });

  it('judges each claim on its own citations, not the whole context', () => {
    // True of the product, but the cited fact is about returns.
    expect(
      supported('customer_id joins to customers.customer_id.', [
        'col:returns.customer_id',
      ]),
    ).toBe(false);
    expect(
      supported('customer_id joins to customers.customer_id.', [
        'col:orders.customer_id',
      ]),
    ).toBe(true);
  });

  it('unknown fact ids and missing citations are ungrounded; abstentions are not', () => {
    expect(supported('Status 5 means shipped.', ['col:orders.nope'])).toBe(
      false,
    );
    expect(supported('Status 5 means shipped.', [])).toBe(false);
    expect(
      supported('The contract does not say how returns are refunded.', []),
    ).toBe(true);
  });

  it('reports groundedness as the share of supported claims', () => {
    const a = answer('Status 5 means shipped. Status 4 means shipped.', [
      ['col:orders.status'],
      ['col:orders.status'],
    ]);
    const g = checkGroundedness(a, orderFacts);
    expect(g.groundedness).toBe(0.5);
    expect(g.reasons).toHaveLength(1);
    expect(g.reasons[0]).toMatchObject({
      code: 'ungrounded',
      claim: 1,
      severity: 'warning',
    });
  });

  it('extracts formulas with conjunctions', () => {
    expect(
      extractFormulas('gross minus discounts and tax')[0].operands,
    ).toHaveLength(3);
    expect(
      extractFormulas(
        'net_amount = gross_amount - discount_amount - tax_amount',
      )[0].operands,
    ).toHaveLength(3);
  });
});

describe('groundedness: names, relations, logic words and the question', () => {
  const doc = {
    id: 'doc:1',
    kind: 'doc' as const,
    text:
      'Boston College is a private research university located in Chestnut Hill, Massachusetts. ' +
      'Stanford University is a private research university in Stanford, California. ' +
      'Presque Isle State Park is a park on Lake Erie. Columbus is the third-most populous state capital.',
  };
  const check = (text: string, question?: string) =>
    checkClaim(
      { text, citations: ['doc:1'] },
      0,
      [doc],
      { abstained: false },
      { question },
    );

  it('names must occur as spans, not just word by word', () => {
    expect(check('Presque Isle State Park.').supported).toBe(true);
    const r = check('Lake Erie State Park.');
    expect(r.supported).toBe(false);
    expect(r.problems.join()).toMatch(/Lake Erie State Park/);
  });

  it('two related names must be mentioned together', () => {
    expect(check('Boston College is located in Chestnut Hill.').supported).toBe(
      true,
    );
    const r = check('Stanford University is located in Chestnut Hill.');
    expect(r.supported).toBe(false);
    expect(r.problems.join()).toMatch(/never mention together/);
  });

  it('logic words the facts do not use are unsupported; a bare yes/no is left alone', () => {
    expect(
      check('Both Boston College and Stanford University are in Massachusetts.')
        .supported,
    ).toBe(false);
    expect(
      check('Stanford University is not a research university.').supported,
    ).toBe(false);
    expect(check('No').supported).toBe(true);
  });

  it('new words must be in the facts; words of the question are given context', () => {
    const q = 'Columbus is the third-most populous what in the U.S.?';
    expect(check('state capital', q).supported).toBe(true);
    expect(
      check('Columbus is the third-most populous rock capital', q).supported,
    ).toBe(false);
  });

  it('"No, …" needs the facts to contradict the question or the claim to replace its word', () => {
    const ask = (question: string, text: string, cites: string[]) =>
      checkClaim(
        { text, citations: cites },
        0,
        orderFacts,
        { abstained: false },
        { question },
      ).supported;
    expect(
      ask(
        'Is gross_amount after discounts?',
        'No, gross_amount is before discounts and tax.',
        ['col:orders.gross_amount'],
      ),
    ).toBe(true);
    expect(
      ask('Is status 5 cancelled?', 'No, status 5 means shipped.', [
        'col:orders.status',
      ]),
    ).toBe(true);
    expect(
      ask('Does net_amount include tax?', 'net_amount does not include tax.', [
        'col:orders.net_amount',
      ]),
    ).toBe(true);
    expect(
      ask('What is status 5?', 'No, status 5 means shipped.', [
        'col:orders.status',
      ]),
    ).toBe(false);
  });

  it('"both" across two cited facts is fine', () => {
    expect(
      checkClaim(
        {
          text: 'Both net_amount and gross_amount are in EUR.',
          citations: ['col:orders.net_amount', 'col:orders.gross_amount'],
        },
        0,
        orderFacts,
        { abstained: false },
      ).supported,
    ).toBe(true);
  });
});
