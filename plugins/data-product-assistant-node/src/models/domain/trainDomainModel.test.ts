import { describe, expect, it } from 'vitest';
import { parseContract } from '../../contract/parseContract';
import { buildFacts } from '../../context/buildFacts';
import { profileFromContract } from '../../profile/buildProfile';
import { createAnswerModel } from '../createModels';
import { specVersion } from '../spec';
import { checkDomainArtifact, domainArtifactHash } from './artifact';
import { trainDomainModel, type DomainTrainingInput } from './trainDomainModel';
import { trainedAnswerSpec } from './trainedSpec';

// A small lending contract written for these tests; its readers say "rental" for a loan.
const CONTRACT = `
apiVersion: v3.1.0
kind: DataContract
id: library-loans
name: Library loans
version: 1.0.0
status: active
domain: lending
schema:
  - name: loans
    description: Loans of books to library members.
    properties:
      - { name: loan_id, logicalType: string, physicalType: uuid, primaryKey: true, description: Identifier of the loan. }
      - { name: state, logicalType: integer, physicalType: int2, description: 'Loan state: 0 = open, 1 = returned, 2 = overdue.' }
      - name: fee
        logicalType: number
        physicalType: 'numeric(8,2)'
        description: Late fee charged for the loan, in EUR.
        authoritativeDefinitions:
          - { type: businessDefinition, url: 'https://glossary.example.com/terms/late-fee' }
      - { name: due_on, logicalType: date, physicalType: date, description: Day the loan must be back at the desk. }
`;

function product() {
  const parsed = parseContract(CONTRACT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const profile = profileFromContract(parsed.contract, 'library.yaml');
  return { profile, facts: buildFacts(profile) };
}

const p = product();
const ref = p.profile.entityRef;
const VERIFIED = [
  {
    entityRef: ref,
    question: 'What does rental state 2 mean?',
    answer: 'Loan state 2 means overdue.',
    citations: ['col:loans.state'],
  },
  {
    entityRef: ref,
    question: 'Which late fee does a rental carry?',
    answer: 'The late fee charged for the loan, in EUR.',
    citations: ['col:loans.fee'],
  },
];
const input = (verified = VERIFIED): DomainTrainingInput => ({
  domain: 'lending',
  products: [p],
  verified,
});
const HELD_BACK = 'When must a rental be back?';

describe('trainDomainModel', () => {
  it('learns what the domain words stand for from verified answers, deterministically', () => {
    const a = trainDomainModel(input());
    expect(a.domain).toBe('lending');
    expect(a.expansions.rental).toMatchObject({
      to: expect.stringMatching(/^loans?$/),
      support: 2,
      confidence: 1,
    });
    expect(a.scope).toEqual(expect.arrayContaining(['rental', 'loan', 'fee']));
    expect(a.glossary).toEqual([{ term: 'late fee', columns: ['loans.fee'] }]);
    expect(a.examples).toHaveLength(2);
    expect(a.validator.calibratedOn).toBe(2);
    expect(a.validator.approved).toBe(2);
    expect(domainArtifactHash(trainDomainModel(input()))).toBe(
      domainArtifactHash(a),
    );
    // other material, another training hash
    expect(trainDomainModel(input(VERIFIED.slice(0, 1))).trainingHash).not.toBe(
      a.trainingHash,
    );
  });

  it('learns nothing from a word seen once, and refuses answers about other products', () => {
    expect(trainDomainModel(input(VERIFIED.slice(0, 1))).expansions).toEqual(
      {},
    );
    expect(() =>
      trainDomainModel(
        input([{ ...VERIFIED[0], entityRef: 'component:default/elsewhere' }]),
      ),
    ).toThrow(/not a data product of domain lending/);
  });

  it('answers a held-back question the untrained model cannot place', async () => {
    const artifact = trainDomainModel(input());
    const spec = trainedAnswerSpec(artifact, 'models/lending.json');
    const untrained = await createAnswerModel('builtin-answer', {
      provider: 'builtin',
      model: 'answer-extractive',
    }).answer({ question: HELD_BACK, facts: p.facts, domain: 'lending' });
    const trained = await createAnswerModel('lending-trained', spec, {
      artifact,
    }).answer({ question: HELD_BACK, facts: p.facts, domain: 'lending' });
    const cited = (o: typeof trained) =>
      o.output.claims.flatMap(c => c.citations);
    expect(cited(untrained)).not.toContain('col:loans.due_on');
    expect(trained.output.abstained).toBe(false);
    expect(cited(trained)).toContain('col:loans.due_on');
    // the artifact's hash is part of the spec, so of the model's version
    expect(specVersion(spec)).not.toBe(
      specVersion(
        trainedAnswerSpec(
          trainDomainModel(input(VERIFIED.slice(0, 1))),
          'models/lending.json',
        ),
      ),
    );
  });

  it('will not serve a trained spec without its artifact', () => {
    const spec = trainedAnswerSpec(trainDomainModel(input()), 'x.json');
    expect(() => createAnswerModel('lending-trained', spec)).toThrow(
      /was not loaded/,
    );
  });
});

describe('checkDomainArtifact', () => {
  const artifact = trainDomainModel(input());
  const hash = domainArtifactHash(artifact);

  it('accepts the artifact as trained', () => {
    expect(checkDomainArtifact(artifact, { hash, domain: 'lending' }).ok).toBe(
      true,
    );
  });

  it('refuses an artifact edited after training', () => {
    const tampered = JSON.parse(JSON.stringify(artifact));
    tampered.expansions.rental.to = 'fee';
    const check = checkDomainArtifact(tampered, { hash, domain: 'lending' });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.join()).toMatch(/file changed/);
  });

  it("refuses an artifact trained on another domain's data", () => {
    const check = checkDomainArtifact(artifact, { hash, domain: 'sales' });
    expect(!check.ok && check.problems.join()).toMatch(
      /trained on domain "lending", not "sales"/,
    );
  });

  it('refuses what is not an artifact', () => {
    expect(
      checkDomainArtifact({ kind: 'other' }, { hash, domain: 'lending' }).ok,
    ).toBe(false);
  });
});
