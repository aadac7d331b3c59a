import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../spec';

/** The artifact format `trainDomainModel` writes; readers refuse any other. */
export const DOMAIN_ARTIFACT_VERSION = 1;

export const domainExpansionSchema = z
  .object({
    /** Product wording the question word stands for (a fact word or a table's name). */
    to: z.string().min(1),
    /** Share of the verified questions with the word whose cited facts hold `to`. */
    confidence: z.number().min(0).max(1),
    /** How many verified questions the mapping was learned from. */
    support: z.number().int().positive(),
  })
  .strict();

/**
 * A domain model: what `dpa train` learns from one domain's contracts,
 * glossary links, owners' knowledge notes and verified answers. Plain JSON,
 * content-hashed (`domainArtifactHash`); a challenger spec names the file and
 * the hash, so the spec's version changes with the artifact.
 */
export const domainArtifactSchema = z
  .object({
    kind: z.literal('dpa-domain-model'),
    artifactVersion: z.literal(DOMAIN_ARTIFACT_VERSION),
    domain: z.string().min(1),
    /** sha256 over the canonical training material: which data it was trained on. */
    trainingHash: z.string().regex(/^[0-9a-f]{64}$/),
    material: z
      .object({
        products: z.array(z.string()),
        facts: z.number().int().min(0),
        verifiedAnswers: z.number().int().min(0),
        notes: z.number().int().min(0),
        glossaryLinks: z.number().int().min(0),
      })
      .strict(),
    /** Question word (lemma) → the product wording it stands for in this domain. */
    expansions: z.record(z.string(), domainExpansionSchema),
    /** The domain's own words (table, column and glossary names, owners' notes, learned question words). */
    scope: z.array(z.string()),
    /** Glossary terms linked from the domain's columns (`authoritativeDefinitions`). */
    glossary: z.array(
      z.object({ term: z.string(), columns: z.array(z.string()) }).strict(),
    ),
    /** Verified question → answer pairs, shown to hosted models as examples. */
    examples: z.array(
      z
        .object({
          question: z.string(),
          answer: z.string(),
          product: z.string(),
        })
        .strict(),
    ),
    /** Builtin validator thresholds calibrated on the domain's verified answers. */
    validator: z
      .object({
        minCoverage: z.number().min(0).max(1),
        /** Verified answers the calibration saw, and how many the threshold approves. */
        calibratedOn: z.number().int().min(0),
        approved: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

export type DomainModelArtifact = z.infer<typeof domainArtifactSchema>;
export type DomainExpansion = z.infer<typeof domainExpansionSchema>;

/** sha256 (hex) over the artifact's canonical JSON: what a challenger spec pins. */
export function domainArtifactHash(artifact: unknown): string {
  return createHash('sha256').update(canonicalJson(artifact)).digest('hex');
}

export type DomainArtifactCheck =
  | { ok: true; artifact: DomainModelArtifact }
  | { ok: false; problems: string[] };

/**
 * Whether a file's content may serve a domain: it parses as an artifact, its
 * hash is the one the spec pins (nobody edited it after the gate ran), and it
 * was trained on that domain's material (a model learned from another
 * domain's answers never serves this one).
 */
export function checkDomainArtifact(
  input: unknown,
  expected: { hash: string; domain: string },
): DomainArtifactCheck {
  const parsed = domainArtifactSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      ok: false,
      problems: [
        `not a domain model artifact: ${i.path.join('.') || '(root)'}: ${
          i.message
        }`,
      ],
    };
  }
  const problems: string[] = [];
  const actual = domainArtifactHash(parsed.data);
  if (actual !== expected.hash)
    problems.push(
      `artifact hash ${actual.slice(
        0,
        12,
      )} is not the pinned ${expected.hash.slice(
        0,
        12,
      )}: the file changed after it was trained`,
    );
  if (parsed.data.domain !== expected.domain)
    problems.push(
      `artifact was trained on domain "${parsed.data.domain}", not "${expected.domain}"`,
    );
  return problems.length
    ? { ok: false, problems }
    : { ok: true, artifact: parsed.data };
}
