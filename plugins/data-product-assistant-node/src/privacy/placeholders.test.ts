import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fact } from '../models/types';
import {
  createVault,
  maskFacts,
  maskText,
  revealUpTo,
  unmask,
} from './placeholders';
import { extractFactValues } from './factValues';

const facts: Fact[] = [
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
    text: 'Column customers.salary_band (string): pay band. Examples: "E7-GOLD", "E9-PLATINUM".',
  },
  {
    id: 'note:1',
    kind: 'note',
    text: 'Jane asked about jane.doe@example.com; band E7-GOLD rows are masked. Call +44 20 7946 0958.',
  },
  {
    id: 'support:slack',
    kind: 'support',
    text: 'Support: data-team@example.com on #orders-data.',
  },
];

describe('extractFactValues', () => {
  it('reads example lists, quoted or not', () => {
    expect(extractFactValues(facts[0].text)).toEqual([
      'jane.doe@example.com',
      'max@example.org',
    ]);
    expect(extractFactValues(facts[1].text)).toEqual([
      'E7-GOLD',
      'E9-PLATINUM',
    ]);
    expect(extractFactValues('Example values: [red, green]')).toEqual([
      'red',
      'green',
    ]);
    expect(extractFactValues('Customer tier, e.g. "GOLD", "SILVER".')).toEqual([
      'GOLD',
      'SILVER',
    ]);
  });

  it('does not read "example" inside URLs or host names as an example list (regression)', () => {
    const glossary =
      'Column customers.email (string): contact e-mail. Glossary: https://glossary.example.com/terms/email-address.';
    expect(extractFactValues(glossary)).toEqual([]);
    expect(
      extractFactValues(
        `${glossary} Examples: jane.doe@example.com, max@example.org.`,
      ),
    ).toEqual(['jane.doe@example.com', 'max@example.org']);
    expect(
      extractFactValues('See example.com or sample.org/values for details.'),
    ).toEqual([]);
  });

  it('leaves glossary URLs of PII columns unmasked (regression)', () => {
    const fact: Fact = {
      ...facts[0],
      text: 'Column customers.email (string): contact e-mail. Glossary: https://glossary.example.com/terms/email-address. Examples: jane.doe@example.com.',
    };
    const { facts: masked, vault } = maskFacts([fact]);
    expect(masked[0].text).toContain(
      'https://glossary.example.com/terms/email-address',
    );
    expect(masked[0].text).not.toContain('jane.doe@example.com');
    expect(vault.entries.map(e => e.value)).toEqual(['jane.doe@example.com']);
  });
});

describe('maskFacts / unmask', () => {
  it('masks sensitive column values everywhere and detected PII, keeps support contacts', () => {
    const { facts: masked, vault } = maskFacts(facts);
    const all = masked.map(f => f.text).join('\n');
    expect(all).not.toContain('jane.doe@example.com');
    expect(all).not.toContain('E7-GOLD');
    expect(all).not.toContain('7946 0958');
    expect(all).toContain('data-team@example.com');
    expect(masked[2].text).toMatch(/⟦EMAIL_\d⟧.*⟦VALUE_\d⟧.*⟦PHONE_1⟧/);
    const band = vault.entries.find(e => e.value === 'E7-GOLD')!;
    expect(band).toMatchObject({
      classification: 'restricted',
      column: 'salary_band',
      source: 'column-value',
    });
    // The same value always gets the same placeholder.
    expect(masked[1].text).toContain(band.placeholder);
    expect(masked[2].text).toContain(band.placeholder);
  });

  it('applies the vault to the question and restores only what may be revealed', () => {
    const { vault } = maskFacts(facts);
    const q = maskText(
      'Is jane.doe@example.com in band E7-GOLD? Mail me at bob@corp.example.com',
      vault,
    );
    expect(q).not.toMatch(/jane\.doe|E7-GOLD|bob@/);
    const answer = `${q} — yes`;
    const forInternal = unmask(answer, vault, {
      reveal: revealUpTo('internal'),
    });
    expect(forInternal).toContain('[redacted email]');
    expect(forInternal).toContain('[redacted value]');
    const forConfidential = unmask(answer, vault, {
      reveal: revealUpTo('confidential'),
    });
    expect(forConfidential).toContain('jane.doe@example.com');
    expect(forConfidential).not.toContain('E7-GOLD');
    expect(unmask(answer, vault, { reveal: () => true })).toBe(
      'Is jane.doe@example.com in band E7-GOLD? Mail me at bob@corp.example.com — yes',
    );
    expect(unmask('see ⟦EMAIL_99⟧', vault)).toBe('see [redacted email]');
  });

  const safeText = fc.string({
    unit: fc.constantFrom(...'abcXYZ 019@.-_⟦⟧\n'.split('')),
    maxLength: 60,
  });
  const value = fc.string({
    unit: fc.constantFrom(...'abcXYZ019@.-'.split('')),
    minLength: 3,
    maxLength: 8,
  });

  it('property: unmask(mask(x)) round-trips when everything is revealed', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 4 }),
        fc.array(safeText, { maxLength: 4 }),
        safeText,
        (values, texts, q) => {
          const fs: Fact[] = texts.map((t, i) => ({
            id: `f${i}`,
            kind: 'doc',
            text: t,
          }));
          const { facts: masked, vault } = maskFacts(fs, {
            values: values.map(v => ({
              value: v,
              classification: 'restricted',
            })),
          });
          masked.forEach((m, i) =>
            expect(unmask(m.text, vault, { reveal: () => true })).toBe(
              texts[i],
            ),
          );
          expect(
            unmask(maskText(q, vault), vault, { reveal: () => true }),
          ).toBe(q);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: no masked value survives in the masked text', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        safeText,
        safeText,
        (values, a, b) => {
          const text = `${a}${values.join(a)}${b}`;
          const { facts: masked, vault } = maskFacts(
            [{ id: 'f', kind: 'doc', text }],
            {
              values: values.map(v => ({
                value: v,
                classification: 'restricted',
              })),
            },
          );
          const pieces = masked[0].text.split(/⟦[A-Z_]+_\d+⟧/);
          for (const e of vault.entries) {
            if (e.source === 'literal') continue;
            for (const p of pieces) expect(p).not.toContain(e.value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts from an empty vault by default and accepts one', () => {
    const vault = createVault();
    maskFacts([{ id: 'x', kind: 'doc', text: 'mail a.b@example.com' }], {
      vault,
    });
    expect(vault.entries).toHaveLength(1);
  });
});
