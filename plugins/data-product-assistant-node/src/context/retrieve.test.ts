import { describe, expect, it } from 'vitest';
import { buildFacts } from './buildFacts';
import {
  adventureWorksProfile,
  adventureWorksText,
} from '../__testUtils__/fixtures';
import { findMentions } from './mentions';
import { packFacts } from './pack';
import { retrieveFacts } from './retrieve';
import { selectContext } from './selectContext';
import { countTokens, factTokens } from './tokens';
import { detectIntents } from './intent';
import { answerExtractively } from '../models/builtin/answerModel';

describe('retrieval and packing on AdventureWorks', () => {
  const facts = buildFacts(adventureWorksProfile());
  const contractTokens = countTokens(adventureWorksText());

  it.each([
    ['What is the primary key of salesorderdetail?', 'key:salesorderdetail'],
    ['Which columns hold email addresses?', 'col:emailaddress.emailaddress'],
    ['What does nationalidnumber mean?', 'col:employee.nationalidnumber'],
    [
      'How many tables are there?',
      'contract:6aeafdc1-ed62-4c8f-bf0a-da1061c98cdb',
    ],
  ])(
    '%s: packs at most a third of the contract and keeps what the answer cites',
    (question, expected) => {
      const context = selectContext(question, facts, { tokenBudget: 2000 });
      expect(context.tokens).toBeLessThanOrEqual(contractTokens / 3);
      const ids = context.facts.map(f => f.id);
      expect(ids).toContain(expected);
      const out = answerExtractively({ question, facts: context.facts });
      expect(out.abstained).toBe(false);
      for (const id of out.claims.flatMap(c => c.citations))
        expect(ids).toContain(id);
      expect(out.claims.flatMap(c => c.citations)).toContain(expected);
    },
  );

  it('splits identifiers and matches prefixes ("business entity" → businessentityid)', () => {
    const ranked = retrieveFacts('business entity contact type', facts, {
      limit: 5,
    });
    expect(ranked[0].fact.id).toMatch(/businessentitycontact|contacttype/);
  });

  it('finds table and column names in a question, longest match first', () => {
    const m = findMentions(
      'What is the primary key of the sales order detail table?',
      facts,
    );
    expect(m.tables).toEqual(['salesorderdetail']);
    expect(findMentions('what is employee.birthdate', facts).columns).toEqual([
      { table: 'employee', column: 'birthdate' },
    ]);
  });

  it('keeps essential facts even past the budget and fills the rest by rank', () => {
    const ranked = retrieveFacts('order quantity', facts, {
      intents: detectIntents('order quantity'),
    });
    const essential = facts.filter(f => f.kind === 'product');
    const packed = packFacts(ranked, { tokenBudget: 200, essential });
    expect(packed.facts[0].id).toBe('product');
    expect(packed.tokens).toBeLessThanOrEqual(200 + factTokens(essential[0]));
    expect(packed.dropped).toBeGreaterThan(0);
  });
});
