/**
 * `dpa train`: a domain model artifact from the domain's demo contracts and
 * its owner-reviewed answers (the cases `dpa eval export-reviews` writes to
 * evals/suites/reviews/), and the challenger spec `dpa promote` evaluates.
 * Also reads a spec's artifact back, checked, for the providers.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import {
  buildFacts,
  checkDomainArtifact,
  domainArtifactHash,
  domainArtifactRef,
  trainDomainModel,
  trainedAnswerSpec,
  type DomainModelArtifact,
  type KnowledgeNote,
  type ModelSpec,
  type TrainingProduct,
  type VerifiedAnswer,
} from '@dpa/plugin-data-product-assistant-node';
import { EVALS_DIR, relativeInside, repoRelative, SUITES_DIR } from './paths';
import { loadProduct } from './products';
import { contractsByEntity } from './reviews';

/** Bad input to `dpa train` (unknown domain, no material, unreadable file): exit 2. */
export class TrainInputError extends Error {}

export const MODELS_DIR = path.join(EVALS_DIR, 'models');
export const CHALLENGERS_DIR = path.join(EVALS_DIR, 'challengers');
const REVIEWS_DIR = path.join(SUITES_DIR, 'reviews');

/** An owner-reviewed case as `reviewSuiteYaml` writes it. */
interface ReviewedCase {
  vars?: { contract?: string; question?: string; notes?: unknown };
  metadata?: {
    review?: string;
    reference?: string;
    expect?: { kind?: string; facts?: string[] };
  };
}

/** A verified question → cited facts pair, with the product it is about. */
export interface ReviewedAnswer {
  contract: string;
  question: string;
  /** The verified answer (metadata.reference); absent in rating-only cases. */
  answer?: string;
  facts: string[];
  notes: KnowledgeNote[];
}

/** The exported review suites (default: every file of evals/suites/reviews/). */
export function reviewFiles(dir = REVIEWS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()
    .map(f => path.join(dir, f));
}

/**
 * The verified answers of exported review suites: expected-answer cases
 * (approved or corrected by an owner, or rated helpful), never those still
 * waiting for an owner (`review: pending`).
 */
export function readReviewedAnswers(files: string[]): ReviewedAnswer[] {
  const out: ReviewedAnswer[] = [];
  for (const file of files) {
    let doc: { tests?: ReviewedCase[] } | null;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new TrainInputError(
        `${repoRelative(file)} is not readable YAML: ${
          (e as Error).message.split('\n')[0]
        }`,
      );
    }
    for (const t of doc?.tests ?? []) {
      const expect = t.metadata?.expect;
      if (t.metadata?.review === 'pending' || expect?.kind !== 'answer')
        continue;
      const contract = t.vars?.contract;
      const question = t.vars?.question;
      if (!contract || contract.startsWith('UNRESOLVED:') || !question)
        continue;
      if (!expect.facts?.length) continue;
      const notes = Array.isArray(t.vars?.notes)
        ? (t.vars!.notes as KnowledgeNote[])
        : [];
      out.push({
        contract,
        question,
        answer: t.metadata?.reference,
        facts: expect.facts,
        notes,
      });
    }
  }
  return out;
}

/** The demo contracts of a domain (repository-relative paths), by the domain their product declares. */
export function domainContracts(domain: string): string[] {
  return [...contractsByEntity().values()]
    .filter(c => loadProduct(c).domain === domain)
    .sort();
}

/** Every domain of the demo catalog. */
export function knownDomains(): string[] {
  return [
    ...new Set(
      [...contractsByEntity().values()]
        .map(c => loadProduct(c).domain)
        .filter((d): d is string => Boolean(d)),
    ),
  ].sort();
}

/** The training input of a domain: its products (with the notes its reviews carry) and their verified answers. */
export function domainTrainingMaterial(
  domain: string,
  reviewed: ReviewedAnswer[],
): { products: TrainingProduct[]; verified: VerifiedAnswer[] } {
  const contracts = domainContracts(domain);
  if (!contracts.length)
    throw new TrainInputError(
      `unknown domain "${domain}" (known: ${knownDomains().join(', ')})`,
    );
  const inDomain = reviewed.filter(r => {
    try {
      return loadProduct(r.contract).domain === domain;
    } catch {
      return false;
    }
  });
  if (!inDomain.length)
    throw new TrainInputError(
      `no owner-reviewed answers for domain "${domain}": export them with dpa eval export-reviews, or pass --reviews FILE`,
    );
  const notesByContract = new Map<string, Map<string, KnowledgeNote>>();
  for (const r of inDomain) {
    const m = notesByContract.get(r.contract) ?? new Map();
    for (const n of r.notes) m.set(n.id, n);
    notesByContract.set(r.contract, m);
  }
  const products: TrainingProduct[] = contracts.map(contract => {
    const { profile, facts } = loadProduct(contract);
    const notes = [...(notesByContract.get(contract)?.values() ?? [])].map(
      n => ({ ...n, entityRef: profile.entityRef }),
    );
    return notes.length
      ? { profile, facts: buildFacts(profile, { notes }), notes }
      : { profile, facts };
  });
  const byContract = new Map(
    contracts.map((c, i) => [c, products[i]] as const),
  );
  const seen = new Set<string>();
  const verified: VerifiedAnswer[] = [];
  for (const r of inDomain) {
    const product = byContract.get(r.contract);
    if (!product) continue;
    const key = `${r.contract}\0${r.question.trim().toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cited = product.facts.filter(f => r.facts.includes(f.id));
    verified.push({
      entityRef: product.profile.entityRef,
      question: r.question,
      answer: r.answer ?? cited.map(f => f.text).join(' '),
      citations: r.facts,
    });
  }
  return { products, verified };
}

/** Where a spec's artifact file is: relative paths resolve against the evals folder. */
export function artifactPath(file: string, evalsDir = EVALS_DIR): string {
  return path.resolve(evalsDir, file);
}

/** How an artifact file is named in a spec: relative to the evals folder when inside it. */
const specPath = (file: string) => relativeInside(EVALS_DIR, file);

export interface TrainOptions {
  domain: string;
  /** Exported review suites (default: evals/suites/reviews/*.yaml). */
  reviews?: string[];
  /** Folder of the artifact (default evals/models). */
  outDir?: string;
  /** The challenger spec file (default evals/challengers/<domain>-trained.yaml). */
  challengerFile?: string;
  /** The answer model to serve the artifact with (default: the built-in one). */
  base?: { name: string; spec: ModelSpec };
}

export interface TrainResult {
  artifact: DomainModelArtifact;
  hash: string;
  artifactFile: string;
  challengerFile: string;
  spec: ModelSpec;
  name: string;
  /** The validator challenger with the calibrated coverage threshold, when it differs from the default. */
  validatorChallengerFile?: string;
}

/** The builtin validator's coverage threshold when a spec sets none (see `GroundednessOptions`). */
const DEFAULT_MIN_COVERAGE = 0.85;

/** Trains a domain's model and writes its artifact and challenger spec. */
export function trainDomain(options: TrainOptions): TrainResult {
  const files = options.reviews ?? reviewFiles();
  for (const f of files)
    if (!existsSync(f))
      throw new TrainInputError(`reviews file ${f} does not exist`);
  const material = domainTrainingMaterial(
    options.domain,
    readReviewedAnswers(files),
  );
  let artifact: DomainModelArtifact;
  try {
    artifact = trainDomainModel({ domain: options.domain, ...material });
  } catch (e) {
    throw new TrainInputError((e as Error).message);
  }
  const hash = domainArtifactHash(artifact);
  const outDir = path.resolve(options.outDir ?? MODELS_DIR);
  mkdirSync(outDir, { recursive: true });
  const artifactFile = path.join(
    outDir,
    `${options.domain}-${hash.slice(0, 12)}.json`,
  );
  writeFileSync(artifactFile, `${JSON.stringify(artifact, null, 2)}\n`);
  const name = options.base
    ? `${options.base.name}-${options.domain}-trained`
    : `${options.domain}-trained`;
  const spec = trainedAnswerSpec(
    artifact,
    specPath(artifactFile),
    options.base?.spec,
  );
  const challengerFile = path.resolve(
    options.challengerFile ?? path.join(CHALLENGERS_DIR, `${name}.yaml`),
  );
  mkdirSync(path.dirname(challengerFile), { recursive: true });
  writeFileSync(
    challengerFile,
    [
      `# The ${options.domain} domain's trained answer model (dpa train --domain ${options.domain}):`,
      `# ${artifact.material.verifiedAnswers} verified answers, ${
        Object.keys(artifact.expansions).length
      } learned expansions. Promote with`,
      `# npx dpa promote --domain ${options.domain} --challenger ${repoRelative(
        challengerFile,
      )} --role answer`,
      stringify({ name, spec }, { lineWidth: 0 }),
    ].join('\n'),
  );
  // the calibrated threshold is a validator of its own, promoted (or not) through the validator gate
  let validatorChallengerFile: string | undefined;
  const { minCoverage, calibratedOn, approved } = artifact.validator;
  if (calibratedOn > 0 && minCoverage !== DEFAULT_MIN_COVERAGE) {
    validatorChallengerFile = path.join(
      path.dirname(challengerFile),
      `${options.domain}-calibrated-validator.yaml`,
    );
    writeFileSync(
      validatorChallengerFile,
      [
        `# The builtin validator with the coverage threshold calibrated on the ${options.domain} domain's`,
        `# ${calibratedOn} verified answers (approves ${approved}); dpa train --domain ${options.domain}. Promote with`,
        `# npx dpa promote --domain ${
          options.domain
        } --challenger ${repoRelative(
          validatorChallengerFile,
        )} --role validator`,
        stringify(
          {
            name: `${options.domain}-calibrated-validator`,
            spec: {
              provider: 'builtin',
              model: 'validator-rules',
              options: { minCoverage },
            },
          },
          { lineWidth: 0 },
        ),
      ].join('\n'),
    );
  }
  return {
    artifact,
    hash,
    artifactFile,
    challengerFile,
    spec,
    name,
    ...(validatorChallengerFile ? { validatorChallengerFile } : {}),
  };
}

/**
 * The artifact a spec names, read and checked: its content must hash to the
 * pinned hash and it must have been trained on `domain`. Undefined for a
 * spec without one; throws (naming the problem) otherwise.
 */
export function loadSpecArtifact(
  spec: ModelSpec,
  domain: string | undefined,
  evalsDir = EVALS_DIR,
): DomainModelArtifact | undefined {
  const ref = domainArtifactRef(spec);
  if (!ref) return undefined;
  const file = artifactPath(ref.file, evalsDir);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `domain model ${ref.file} cannot be read: ${
        (e as Error).message.split('\n')[0]
      }`,
    );
  }
  const check = checkDomainArtifact(input, {
    hash: ref.hash,
    domain: domain ?? '(no domain)',
  });
  if (!check.ok)
    throw new Error(
      `domain model ${ref.file} refused: ${check.problems.join('; ')}`,
    );
  return check.artifact;
}
