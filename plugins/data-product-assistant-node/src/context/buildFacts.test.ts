import { describe, expect, it } from 'vitest';
import { buildFacts, splitParagraphs, stripExamples } from './buildFacts';
import { adventureWorksProfile, demoProfile } from '../__testUtils__/fixtures';

describe('buildFacts', () => {
  const profile = demoProfile('sales/sales-orders');
  const facts = buildFacts(profile, {
    notes: [
      {
        id: 'n1',
        entityRef: profile.entityRef,
        text: 'Cancelled orders keep their order_total.',
        column: 'orders.order_total',
        author: 'user:default/alice',
        createdAt: '2025-01-02T00:00:00Z',
      },
    ],
  });
  const byId = new Map(facts.map(f => [f.id, f]));

  it('gives every kind of metadata a stable, unique id', () => {
    expect(new Set(facts.map(f => f.id)).size).toBe(facts.length);
    for (const id of [
      'product',
      'owner',
      'domain',
      'tags',
      'contract:sales-orders',
      'contract:sales-orders#purpose',
      'table:orders',
      'col:orders.status',
      'key:orders',
      'class:orders.customer_email',
      'q:orders.status#0',
      'q:orders#0',
      'sla:frequency',
      'role:sales_analyst',
      'support:#sales-data',
      'team',
      'lineage:up:component:default/customer-profiles',
      'doc:0',
      'note:n1',
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(buildFacts(profile).map(f => f.id)).toEqual(
      buildFacts(profile).map(f => f.id),
    );
  });

  it('keeps example values only inside column facts flagged with their sensitivity', () => {
    const email = byId.get('col:orders.customer_email')!;
    expect(email).toMatchObject({
      kind: 'column',
      classification: 'restricted',
      pii: true,
    });
    expect(email.text).toContain('jane.doe@example.com');
    expect(stripExamples(email.text)).not.toContain('jane.doe@example.com');
    for (const f of facts.filter(x => x.kind !== 'column')) {
      expect(f.text).not.toContain('jane.doe@example.com');
    }
    expect(byId.get('class:orders.customer_email')!.text).toContain(
      'PII: email',
    );
  });

  it('states grain, keys, SLAs, roles, lineage and notes', () => {
    expect(byId.get('table:orders')!.text).toContain(
      'Grain: One row per customer order',
    );
    expect(byId.get('key:orders')!.text).toBe(
      'The primary key of table orders is order_id.',
    );
    expect(byId.get('sla:frequency')!.text).toContain('1 hour');
    expect(byId.get('role:sales_pii_reader')!.text).toContain(
      'Data Protection Office',
    );
    expect(byId.get('note:n1')).toMatchObject({
      kind: 'note',
      table: 'orders',
      column: 'order_total',
    });
    expect(facts.some(f => f.id.startsWith('lineage:down:'))).toBe(true);
  });

  it('counts AdventureWorks tables in the contract fact', () => {
    const aw = buildFacts(adventureWorksProfile());
    const contract = aw.find(f => f.kind === 'contract')!;
    expect(contract.text).toMatch(/has 68 tables/);
    expect(aw.filter(f => f.kind === 'table')).toHaveLength(68);
    expect(aw.find(f => f.id === 'key:salesorderdetail')!.text).toContain(
      '(salesorderid, salesorderdetailid)',
    );
  });

  it('splits markdown into paragraphs and list items', () => {
    expect(
      splitParagraphs(
        '# Title\n\nIntro text\nmore.\n\n## Caveats\n\n- one **a**\n- two',
      ),
    ).toEqual(['Title: Intro text more.', 'Caveats: one a', 'Caveats: two']);
  });
});
