import type { AnswerOutput, Fact } from '../models/types';

/** Realistic contract facts for an orders data product (built by hand, as the fact builder would). */
export const orderFacts: Fact[] = [
  {
    id: 'product:orders',
    kind: 'product',
    text: 'Orders is the sales domain data product with one row per customer order.',
  },
  {
    id: 'col:orders.status',
    kind: 'column',
    table: 'orders',
    column: 'status',
    classification: 'internal',
    text: 'Column orders.status (integer): order lifecycle status. 1 = placed, 2 = paid, 3 = packed, 4 = cancelled, 5 = shipped.',
  },
  {
    id: 'col:orders.net_amount',
    kind: 'column',
    table: 'orders',
    column: 'net_amount',
    text: 'Column orders.net_amount (decimal): net order value, gross minus discounts minus tax, in EUR.',
  },
  {
    id: 'col:orders.gross_amount',
    kind: 'column',
    table: 'orders',
    column: 'gross_amount',
    text: 'Column orders.gross_amount (decimal): order value before discounts and tax, in EUR.',
  },
  {
    id: 'col:orders.customer_id',
    kind: 'column',
    table: 'orders',
    column: 'customer_id',
    text: 'Column orders.customer_id (string): identifier of the customer who placed the order; joins to customers.customer_id.',
  },
  {
    id: 'col:returns.customer_id',
    kind: 'column',
    table: 'returns',
    column: 'customer_id',
    text: 'Column returns.customer_id (string): identifier of the customer who returned items.',
  },
  {
    id: 'col:returns.refund_amount',
    kind: 'column',
    table: 'returns',
    column: 'refund_amount',
    text: 'Column returns.refund_amount (decimal): amount refunded to the customer, in EUR.',
  },
  {
    id: 'sla:frequency',
    kind: 'sla',
    text: 'The orders table is refreshed every 24 hours at 02:00 UTC.',
  },
  {
    id: 'col:customers.email',
    kind: 'column',
    table: 'customers',
    column: 'email',
    pii: true,
    classification: 'confidential',
    text: 'Column customers.email (string): contact e-mail. Examples: jane.doe@example.com, max@example.org.',
  },
  {
    id: 'col:customers.salary_band',
    kind: 'column',
    table: 'customers',
    column: 'salary_band',
    classification: 'restricted',
    text: 'Column customers.salary_band (string): pay band of the customer contact. Examples: "E7-GOLD", "E9-PLATINUM".',
  },
  {
    id: 'support:channel',
    kind: 'support',
    text: 'Support channel: email data-team@example.com, Slack #orders-data.',
  },
];

export function answer(
  text: string,
  citations: string[][] | string[],
): AnswerOutput {
  const cites = (
    Array.isArray(citations[0]) ? citations : [citations]
  ) as string[][];
  const claims =
    cites.length === 1
      ? [{ text, citations: cites[0] }]
      : text
          .split(/(?<=\.)\s+/)
          .map((t, i) => ({ text: t, citations: cites[i] ?? [] }));
  return { answer: text, claims, abstained: false };
}
