import { describe, expect, it } from 'vitest';
import {
  InteropDecision,
  RelatedProduct,
} from '@dpa/plugin-data-product-assistant-common';
import {
  channelMapping,
  customerIdMapping,
  ordersInterop,
} from '../../__testUtils__/fixtures';
import { applyDecisions } from './applyDecisions';

const decision = (
  suggestionId: string,
  status: InteropDecision['status'],
): InteropDecision => ({
  suggestionId,
  status,
  decidedBy: 'user:default/bob',
  decidedAt: '2025-03-05T00:00:00.000Z',
  from: customerIdMapping.from,
  to: customerIdMapping.to,
  kind: 'join-key',
});

describe('applyDecisions', () => {
  it('returns the served products untouched without decisions', () => {
    const shown = applyDecisions(ordersInterop.related, {});
    expect(shown).toHaveLength(2);
    expect(shown[0]).toBe(ordersInterop.related[0]);
    expect(shown[1]).toBe(ordersInterop.related[1]);
  });

  it('sets an accepted decision on its mapping', () => {
    const shown = applyDecisions(ordersInterop.related, {
      [customerIdMapping.id]: decision(customerIdMapping.id, 'accepted'),
    });
    expect(shown[0].mappings[0].decision?.decidedBy).toBe('user:default/bob');
    expect(shown[0].mappings[1]).toBe(channelMapping);
  });

  it('drops rejected mappings and products left without any', () => {
    const shown = applyDecisions(ordersInterop.related, {
      [customerIdMapping.id]: decision(customerIdMapping.id, 'rejected'),
      'm-order-id': decision('m-order-id', 'rejected'),
    });
    expect(shown).toHaveLength(1);
    expect(shown[0].mappings.map(m => m.id)).toEqual([channelMapping.id]);
  });

  it('never shows a mapping the validator blocked', () => {
    const related: RelatedProduct[] = [
      {
        entityRef: 'component:default/x',
        bestConfidence: 0.5,
        mappings: [
          {
            ...channelMapping,
            validation: { status: 'blocked', issues: [], groundedness: 0 },
          },
        ],
      },
    ];
    expect(applyDecisions(related, {})).toEqual([]);
  });
});
