import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockServices } from '@backstage/backend-test-utils';
import {
  BUILTIN_ANSWER_SPEC,
  buildFacts,
  domainArtifactHash,
  parseContract,
  parseDomainConfig,
  profileFromContract,
  trainDomainModel,
  trainedAnswerSpec,
  type DomainModelArtifact,
} from '@dpa/plugin-data-product-assistant-node';
import { DomainModelService } from '../ask/DomainModelService';
import { ModelRegistry } from './ModelRegistry';
import {
  registryRecord,
  writeRecord,
  writeThresholds,
} from './__testUtils__/registryRecords';

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
    properties:
      - { name: loan_id, logicalType: string, physicalType: uuid, primaryKey: true, description: Identifier of the loan. }
      - { name: state, logicalType: integer, physicalType: int2, description: 'Loan state: 0 = open, 1 = returned, 2 = overdue.' }
      - { name: fee, logicalType: number, physicalType: numeric, description: 'Late fee charged for the loan, in EUR.' }
      - { name: due_on, logicalType: date, physicalType: date, description: Day the loan must be back at the desk. }
`;

function lendingArtifact(domain: string): DomainModelArtifact {
  const parsed = parseContract(CONTRACT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const profile = profileFromContract(parsed.contract, 'loans.yaml');
  const facts = buildFacts(profile);
  const v = (question: string, citation: string) => ({
    entityRef: profile.entityRef,
    question,
    answer: facts.find(f => f.id === citation)!.text,
    citations: [citation],
  });
  return trainDomainModel({
    domain,
    products: [{ profile, facts }],
    verified: [
      v('What does rental state 2 mean?', 'col:loans.state'),
      v('Which late fee does a rental carry?', 'col:loans.fee'),
    ],
  });
}

describe('trained answer models in the registry', () => {
  let root: string;
  let dir: string;
  const logger = mockServices.logger.mock();

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'dpa-trained-'));
    dir = path.join(root, 'registry');
    mkdirSync(dir);
    mkdirSync(path.join(root, 'models'));
    writeThresholds(root);
    logger.warn.mockClear();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Writes the artifact beside the registry and a promotion of the spec naming it for `recordDomain`. */
  function promote(artifact: DomainModelArtifact, recordDomain: string) {
    const file = `models/${artifact.domain}.json`;
    writeFileSync(path.join(root, file), JSON.stringify(artifact));
    const record = registryRecord({
      time: '2026-06-01T10:00:00.000Z',
      domain: recordDomain,
      role: 'answer',
      champion: { name: 'builtin-answer', spec: BUILTIN_ANSWER_SPEC },
      challenger: {
        name: `${artifact.domain}-trained`,
        spec: trainedAnswerSpec(artifact, file),
      },
    });
    writeRecord(dir, record);
    return { record, file: path.join(root, file) };
  }

  const service = (registry: ModelRegistry) =>
    new DomainModelService({
      domainConfig: parseDomainConfig({}),
      logger,
      registry,
    });

  it("serves a domain's promoted trained model with its artifact", async () => {
    const artifact = lendingArtifact('lending');
    const { record } = promote(artifact, 'lending');
    const registry = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
    expect((await registry.records()).map(r => r.id)).toEqual([record.id]);
    expect(domainArtifactHash(registry.artifactOf(record.id))).toBe(
      domainArtifactHash(artifact),
    );
    const models = await service(registry).modelsFor('lending');
    expect(models.answer.ref.name).toBe('lending-trained');
    expect(models.answer.retrievalQuestion).toBeDefined();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("refuses a record whose artifact was trained on another domain's data; the default serves", async () => {
    promote(lendingArtifact('sales'), 'lending');
    const registry = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
    expect(await registry.records()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Refusing model registry record .*trained on domain "sales", not "lending".*The configured model serves instead/,
      ),
    );
    const models = await service(registry).modelsFor('lending');
    expect(models.answer.ref.name).toBe('builtin-answer');
  });

  it('refuses a record once its artifact is edited, and serves the default', async () => {
    const { file } = promote(lendingArtifact('lending'), 'lending');
    const registry = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
    expect(await registry.records()).toHaveLength(1);
    const tampered = lendingArtifact('lending');
    tampered.expansions.rental = { to: 'fee', confidence: 1, support: 2 };
    writeFileSync(file, JSON.stringify(tampered, null, 1));
    expect(await registry.records()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/the file changed after it was trained/),
    );
    expect((await service(registry).modelsFor('lending')).answer.ref.name).toBe(
      'builtin-answer',
    );
  });

  it('refuses a record whose artifact is missing', async () => {
    const { file } = promote(lendingArtifact('lending'), 'lending');
    rmSync(file);
    const registry = new ModelRegistry({ dir, logger, checkIntervalMs: 0 });
    expect(await registry.records()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/domain model models\/lending.json cannot be read/),
    );
  });
});
