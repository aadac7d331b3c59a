import { describe, expect, it } from 'vitest';
import {
  missingSpans,
  nameSpans,
  splitSentences,
  unrelatedNames,
} from './relations';

describe('relations helpers', () => {
  it('splits glued sentences but not initials or abbreviations', () => {
    expect(
      splitSentences(
        'She sang in Whale.David Lee Roth is a singer. He met S. P. L. Sørensen in St. Louis.',
      ),
    ).toEqual([
      'She sang in Whale.',
      'David Lee Roth is a singer.',
      'He met S. P. L. Sørensen in St. Louis.',
    ]);
  });

  it('finds capitalised names, with connectors, skipping sentence-initial function words', () => {
    expect(
      nameSpans(
        'Both David Lee Roth and Cia Berg joined the Rock and Roll Hall of Fame.',
      ).map(s => s.text),
    ).toEqual(['David Lee Roth and Cia Berg', 'Rock and Roll Hall of Fame']);
    expect(nameSpans('Photographer and crime novelist.')).toEqual([]);
  });

  it('checks spans and co-mention with pronoun bridging', () => {
    expect(
      missingSpans(
        'Panama City Air Force Base',
        'Tyndall Air Force Base is 12 mi east of Panama City.',
      ),
    ).toEqual(['Panama City Air Force Base']);
    const k =
      'David Lee Roth is an American singer. In 2007, he was inducted into the Hall of Fame. Cia Berg is Swedish.';
    expect(
      unrelatedNames('David Lee Roth is in the Hall of Fame.', [k]),
    ).toEqual([]);
    expect(unrelatedNames('Cia Berg is in the Hall of Fame.', [k])).toEqual([
      ['Cia Berg', 'Hall of Fame'],
    ]);
    // Names from different cited facts: the claim combines what it cites.
    expect(
      unrelatedNames('Cia Berg met Anna Lind.', [
        'Cia Berg is Swedish.',
        'Anna Lind is Swedish.',
      ]),
    ).toEqual([]);
  });
});
