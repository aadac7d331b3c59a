import { describe, expect, it } from 'vitest';
import { citationLabel, humanize } from './citationLabel';

const label = (id: string, extra = {}) =>
  citationLabel({ id, text: 'fact', ...extra });

describe('citationLabel', () => {
  it('names facts as a person reads them, from their kind', () => {
    expect(
      label('col:orders.status', {
        kind: 'column',
        table: 'orders',
        column: 'status',
      }),
    ).toBe('Column orders.status');
    expect(label('owner', { kind: 'owner' })).toBe('Owner');
    expect(label('sla:timeOfAvailability', { kind: 'sla' })).toBe(
      'SLA: time of availability',
    );
    expect(label('support:#sales-data', { kind: 'support' })).toBe(
      'Support channel #sales-data',
    );
    expect(label('note:1f2e', { kind: 'note' })).toBe('Knowledge note');
    expect(
      label('note:1f2e', { kind: 'note', table: 'orders', column: 'status' }),
    ).toBe('Knowledge note on orders.status');
    expect(label('role:sales_pii_reader', { kind: 'role' })).toBe(
      'Access role sales_pii_reader',
    );
  });

  it('reads the kind from the id for records stored before citations carried it', () => {
    expect(label('col:orders.customer_email')).toBe(
      'Column orders.customer_email',
    );
    expect(label('class:orders.customer_email')).toBe(
      'Classification of orders.customer_email',
    );
    expect(label('key:orders')).toBe('Primary key of orders');
    expect(label('table:orders')).toBe('Table orders');
    expect(label('q:orders.status#0')).toBe('Quality rule on orders.status');
    expect(label('q:orders#1')).toBe('Quality rule on table orders');
    expect(label('sla:latency#1')).toBe('SLA: latency');
    expect(label('contract:sales-orders#purpose')).toBe('Contract purpose');
    expect(label('doc:2')).toBe('Documentation, paragraph 3');
    expect(label('lineage:up:component:default/x')).toBe(
      'Upstream product component:default/x',
    );
    expect(label('col:orders.status~2')).toBe('Column orders.status');
    // unknown: the id itself
    expect(label('something-new')).toBe('something-new');
  });

  it('humanizes property names', () => {
    expect(humanize('timeOfAvailability')).toBe('time of availability');
    expect(humanize('end_of_life')).toBe('end of life');
  });
});
