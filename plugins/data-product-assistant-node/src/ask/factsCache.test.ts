import { describe, expect, it } from 'vitest';
import type { KnowledgeNote } from '../context/knowledgeNotes';
import { buildProfile } from '../profile/buildProfile';
import { FactsCache } from './factsCache';

const profile = () =>
  buildProfile(
    { ref: 'component:default/orders', title: 'Orders' },
    [],
    '# Orders',
  );

const note = (text: string): KnowledgeNote => ({
  id: 'n1',
  entityRef: 'component:default/orders',
  text,
  author: 'user:default/owner',
  createdAt: '2026-01-01T00:00:00Z',
});

describe('FactsCache', () => {
  it('builds the facts of a profile once, and again for another profile or other notes', () => {
    const cache = new FactsCache();
    const p = profile();
    const facts = cache.factsFor(p, [note('Orders are final after 30 days.')]);
    expect(facts.some(f => f.id === 'note:n1')).toBe(true);
    expect(cache.factsFor(p, [note('Orders are final after 30 days.')])).toBe(
      facts,
    );

    const edited = cache.factsFor(p, [note('Orders are final after 14 days.')]);
    expect(edited).not.toBe(facts);
    expect(edited.find(f => f.id === 'note:n1')?.text).toContain('14 days');

    const other = cache.factsFor(profile(), [
      note('Orders are final after 14 days.'),
    ]);
    expect(other).not.toBe(edited);
    expect(other).toEqual(edited);
  });

  it('hands out frozen facts', () => {
    const facts = new FactsCache().factsFor(profile());
    expect(() => facts.push(facts[0])).toThrow(TypeError);
    expect(() => {
      (facts[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });
});
