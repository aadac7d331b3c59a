import { describe, expect, it } from 'vitest';
import { buildFacts } from '../context/buildFacts';
import { demoProfile } from '../__testUtils__/fixtures';
import { redactAboveClearance, sensitiveValues } from './sensitiveValues';

const facts = buildFacts(demoProfile('sales/sales-orders'));
const text = 'Examples: jane.doe@example.com and m.rossi@example.org.';

describe('redactAboveClearance', () => {
  it('finds the example values of restricted columns', () => {
    expect(sensitiveValues(facts).map(v => v.value)).toEqual(
      expect.arrayContaining(['jane.doe@example.com', 'm.rossi@example.org']),
    );
  });

  it('redacts values above the reader clearance and keeps them for cleared readers', () => {
    const internal = redactAboveClearance(text, facts, 'internal');
    expect(internal).not.toContain('jane.doe@example.com');
    expect(internal).not.toContain('m.rossi@example.org');
    expect(internal).toMatch(/\[redacted [a-z ]+\]/);
    expect(redactAboveClearance(text, facts, 'restricted')).toBe(text);
  });

  it('leaves text without sensitive values alone', () => {
    expect(
      redactAboveClearance('Owned by the sales team.', facts, 'public'),
    ).toBe('Owned by the sales team.');
  });
});
