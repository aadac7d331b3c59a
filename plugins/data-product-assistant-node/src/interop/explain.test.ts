import { describe, expect, it } from 'vitest';
import { loadDemoProducts } from '@dpa/test/fixtures/demoCatalog';
import { buildInteropIndex } from './suggestInterop';
import { validateSuggestion } from './validateSuggestion';
import type { InteropSuggestion } from './types';

const products = loadDemoProducts();
const index = buildInteropIndex(products);

function find(
  product: string,
  column: string,
  other: string,
  otherColumn: string,
): InteropSuggestion {
  const s = index
    .suggestFor(product)
    .suggestions.find(
      x =>
        x.from.column === column &&
        x.to.product === other &&
        x.to.column === otherColumn,
    );
  if (!s)
    throw new Error(
      `no suggestion ${product}.${column} ~ ${other}.${otherColumn}`,
    );
  return s;
}

describe('explanation', () => {
  it('drafts a SQL join over the right tables and columns, never with example values', () => {
    const s = find(
      'sales-orders',
      'cust_id',
      'customer-profiles',
      'customer_id',
    );
    const { sql } = s.explanation;
    expect(sql).toContain('FROM "sales-orders".orders AS a');
    expect(sql).toContain('JOIN "customer-profiles".customers AS b');
    expect(sql).toContain('ON a.cust_id = b.customer_id');
    expect(sql).toMatch(/^SELECT a\.cust_id, a\.\w+/);
    expect(sql).not.toMatch(/c9a6f0e2|SO-2024|@example/);
    // personal columns are not selected
    expect(sql).not.toMatch(/email|first_name|last_name|phone/);
    expect(s.explanation.summary).toContain(
      'sales-orders.orders.cust_id is a join key to customer-profiles.customers.customer_id',
    );
    expect(s.explanation.enables).toMatch(/Sales Orders/);
    expect(s.explanation.enables).toMatch(/Customer Profiles/);
  });

  it('names the grain mismatch of a one-to-many join', () => {
    const s = find('sales-order-lines', 'order_id', 'sales-orders', 'order_id');
    const grain = s.explanation.caveats.find(
      c => c.code === 'grain-one-to-many',
    );
    expect(grain?.message).toMatch(
      /one row of orders .*matches many rows of order_lines/,
    );
    expect(grain?.message).toMatch(/One row per order line/);
  });

  it('names many-to-many joins when neither column is a key', () => {
    const s = find('sales-order-lines', 'order_id', 'invoices', 'order_id');
    expect(s.explanation.caveats.map(c => c.code)).toContain('many-to-many');
  });

  it('warns about PII in the join key and re-identification across domains', () => {
    const s = find(
      'sales-orders',
      'customer_email',
      'customer-profiles',
      'email_address',
    );
    expect(s.kind).toBe('same-concept');
    const codes = s.explanation.caveats.map(c => c.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'pii-join-key',
        're-identification',
        'not-a-join-key',
      ]),
    );
    expect(
      s.explanation.caveats.find(c => c.code === 'pii-join-key')?.message,
    ).toMatch(/email/);
  });

  it('adds no PII caveat to a pseudonymous key join', () => {
    const s = find('sales-orders', 'order_id', 'invoices', 'order_id');
    expect(s.explanation.caveats.map(c => c.code)).not.toContain(
      'pii-join-key',
    );
  });
});

describe('validation', () => {
  it('flags a join on a PII key across domains', () => {
    const s = find(
      'sales-orders',
      'customer_email',
      'customer-profiles',
      'email_address',
    );
    expect(s.validation.status).toBe('flagged');
    expect(s.validation.issues.map(i => i.code)).toContain(
      'pii-join-key-cross-domain',
    );
  });

  it('approves a grounded, type-compatible join on a non-personal key', () => {
    const s = find(
      'sales-orders',
      'cust_id',
      'customer-profiles',
      'customer_id',
    );
    expect(s.validation).toEqual({
      status: 'approved',
      issues: [],
      groundedness: 1,
    });
  });

  it('blocks an explanation that names columns or tables the contracts do not hold', () => {
    const s = find(
      'sales-orders',
      'cust_id',
      'customer-profiles',
      'customer_id',
    );
    const tampered = {
      ...s,
      explanation: {
        ...s.explanation,
        sql: s.explanation.sql
          .replace('a.cust_id =', 'a.customer_uuid =')
          .replace(
            '"customer-profiles".customers',
            '"customer-profiles".clients',
          ),
      },
    };
    const v = validateSuggestion(tampered, products);
    expect(v.status).toBe('blocked');
    expect(v.groundedness).toBeLessThan(1);
    expect(
      v.issues.find(i => i.code === 'ungrounded-reference')?.message,
    ).toMatch(/customer_uuid|clients/);
  });

  it('blocks a join key between incompatible types and unknown columns', () => {
    const base = find(
      'sales-orders',
      'cust_id',
      'customer-profiles',
      'customer_id',
    );
    const wrongType = validateSuggestion(
      {
        ...base,
        explanation: undefined,
        to: {
          product: 'customer-profiles',
          table: 'customers',
          column: 'created_at',
        },
      },
      products,
    );
    expect(wrongType.issues.map(i => i.code)).toContain('type-incompatible');
    expect(wrongType.status).toBe('blocked');
    const unknown = validateSuggestion(
      {
        ...base,
        explanation: undefined,
        to: {
          product: 'customer-profiles',
          table: 'customers',
          column: 'nope',
        },
      },
      products,
    );
    expect(unknown.issues.map(i => i.code)).toContain('unknown-column');
  });
});
