import { describe, expect, it } from 'vitest';
import { countTokens } from '../../context/tokens';
import { DOMAIN_ARTIFACT_VERSION, type DomainModelArtifact } from './artifact';
import { domainPromptContext } from './promptContext';

const example = (i: number, product = 'component:default/loans') => ({
  question: `What does rental state ${i} mean?`,
  answer: `Loan state ${i} is one of the documented loan states of the desk.`,
  product,
});

const ARTIFACT: DomainModelArtifact = {
  kind: 'dpa-domain-model',
  artifactVersion: DOMAIN_ARTIFACT_VERSION,
  domain: 'lending',
  trainingHash: 'a'.repeat(64),
  material: {
    products: ['component:default/loans'],
    facts: 2,
    verifiedAnswers: 12,
    notes: 0,
    glossaryLinks: 1,
  },
  expansions: { rental: { to: 'loan', confidence: 1, support: 2 } },
  scope: ['loan', 'rental'],
  glossary: [{ term: 'late fee', columns: ['loans.fee'] }],
  examples: [
    example(9, 'component:default/other'),
    ...Array.from({ length: 11 }, (_, i) => example(i)),
  ],
  validator: { minCoverage: 0.9, calibratedOn: 12, approved: 12 },
};

describe('domainPromptContext', () => {
  it('adds examples only while the whole fits', () => {
    for (const maxTokens of [40, 120, 250, 1000]) {
      const text = domainPromptContext(ARTIFACT, {
        question: 'What does rental state 3 mean?',
        entityRef: 'component:default/loans',
        maxTokens,
      });
      expect(countTokens(text)).toBeLessThanOrEqual(maxTokens);
    }
  });
});
