import { describe, expect, it } from 'vitest';
import type { TableProfile } from '@dpa/plugin-data-product-assistant-common';
import { borrowDescriptions } from './borrowedDescriptions';

const col = (name: string, description?: string) => ({
  name,
  description,
  primaryKey: false,
  required: false,
  unique: false,
  pii: false,
  piiTypes: [],
  tags: [],
  examples: [],
  glossary: [],
  quality: [],
});
const table = (
  name: string,
  columns: ReturnType<typeof col>[],
): TableProfile => ({
  name,
  primaryKey: [],
  tags: [],
  columns,
  quality: [],
});
const words = (name: string) => name.toLowerCase().split('_');

describe('borrowed descriptions', () => {
  const visits = table('visit', [
    col('visit_end_date', 'The end date is typically the discharge date.'),
    col('visit_end_datetime'),
    col('visit_start_date', 'The start date is the admission date.'),
    col('person_id'),
    col('note'),
  ]);
  const people = table('person', [
    col('person_id', 'Every person has a unique identifier.'),
  ]);
  const borrowed = borrowDescriptions([visits, people], words);
  const of = (t: TableProfile, name: string) =>
    borrowed.get(t.columns.find(c => c.name === name)!);

  it("takes an undocumented column's closest documented sibling in its table", () => {
    expect(of(visits, 'visit_end_datetime')).toBe(
      'The end date is typically the discharge date.',
    );
  });

  it('takes the description of the same column where its table is named for it (the key)', () => {
    expect(of(visits, 'person_id')).toBe(
      'Every person has a unique identifier.',
    );
  });

  it('borrows nothing for documented columns or columns without a close name', () => {
    expect(of(visits, 'visit_end_date')).toBeUndefined();
    expect(of(people, 'person_id')).toBeUndefined();
    expect(of(visits, 'note')).toBeUndefined();
  });
});
