/**
 * What a trained domain model buys on questions it never saw: the owner-
 * reviewed questions are split by a seeded hash (`splitOf('reviews', …)`);
 * `dpa train` learns from the tune part only, and the held-back test part is
 * answered through the full ask pipeline (answer model + the domain's
 * validator) by the untrained and the trained answer model, judged like the
 * answer suites (`judgeAnswer`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import DpaAnswerProvider from '../providers/answerProvider';
import { judgeAnswer, type AnswerOutputJson } from '../lib/asserts';
import {
  readReviewedAnswers,
  trainDomain,
  type ReviewedAnswer,
} from '../lib/domainModels';
import { splitKeys, splitOf, type SplitPart } from '../lib/splits';

export interface CaseOutcome {
  question: string;
  before: boolean;
  after: boolean;
}

export interface DomainModelFigures {
  domain: string;
  trained: number;
  heldBack: number;
  before: number;
  after: number;
  expansions: Record<string, string>;
  cases: CaseOutcome[];
}

const partOf = (r: ReviewedAnswer): SplitPart =>
  splitOf('reviews', splitKeys.reviews(r));

/** The reviewed answers of a part, in file order. */
export function reviewedPart(
  reviewed: ReviewedAnswer[],
  part: SplitPart,
): ReviewedAnswer[] {
  return reviewed.filter(r => partOf(r) === part);
}

async function passes(
  provider: DpaAnswerProvider,
  r: ReviewedAnswer,
): Promise<boolean> {
  const res = await provider.callApi(r.question, {
    vars: { contract: r.contract, question: r.question },
  } as never);
  if (res.error || typeof res.output !== 'string') return false;
  return judgeAnswer(JSON.parse(res.output) as AnswerOutputJson, {
    kind: 'answer',
    facts: r.facts,
  }).pass;
}

/**
 * Trains `domain` on the tune part of the reviewed answers in `files` and
 * measures the held-back part before and after. `measure` picks the part
 * measured (the test part for every reported figure).
 */
export async function domainModelFigures(
  domain: string,
  files: string[],
  measure: SplitPart = 'test',
): Promise<DomainModelFigures> {
  const reviewed = readReviewedAnswers(files);
  const tune = reviewedPart(reviewed, 'tune');
  const measured = reviewedPart(reviewed, measure);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dpa-train-'));
  try {
    // the tune part as an exported review suite: the same path `dpa train --reviews` reads
    const tuneFile = path.join(dir, 'tune.yaml');
    writeFileSync(
      tuneFile,
      stringify({
        tests: tune.map(r => ({
          vars: { contract: r.contract, question: r.question },
          metadata: {
            expect: { kind: 'answer', facts: r.facts },
            ...(r.answer ? { reference: r.answer } : {}),
          },
        })),
      }),
    );
    const trained = trainDomain({
      domain,
      reviews: [tuneFile],
      outDir: dir,
      challengerFile: path.join(dir, `${domain}-trained.yaml`),
    });
    const untrainedProvider = new DpaAnswerProvider({ config: {} });
    const trainedProvider = new DpaAnswerProvider({
      config: { answer: { name: trained.name, spec: trained.spec } },
    });
    const cases: CaseOutcome[] = [];
    for (const r of measured)
      cases.push({
        question: r.question,
        before: await passes(untrainedProvider, r),
        after: await passes(trainedProvider, r),
      });
    return {
      domain,
      trained: trained.artifact.material.verifiedAnswers,
      heldBack: measured.length,
      before: cases.filter(c => c.before).length,
      after: cases.filter(c => c.after).length,
      expansions: Object.fromEntries(
        Object.entries(trained.artifact.expansions).map(([k, e]) => [k, e.to]),
      ),
      cases,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as the script prints them. */
export function figuresText(f: DomainModelFigures): string {
  const pct = (n: number) =>
    f.heldBack ? `${((100 * n) / f.heldBack).toFixed(1)}%` : 'n/a';
  return [
    `domain ${f.domain}: trained on ${f.trained} reviewed answers (tune part), measured on ${f.heldBack} held-back reviewed questions (test part)`,
    `  untrained answer model: ${f.before}/${f.heldBack} correct (${pct(
      f.before,
    )})`,
    `  trained answer model:   ${f.after}/${f.heldBack} correct (${pct(
      f.after,
    )})`,
    `  learned expansions: ${
      Object.entries(f.expansions)
        .map(([k, v]) => `${k} → ${v}`)
        .join(', ') || 'none'
    }`,
    ...f.cases.map(
      c =>
        `  ${c.before ? 'ok  ' : 'FAIL'} → ${c.after ? 'ok  ' : 'FAIL'}  ${
          c.question
        }`,
    ),
  ].join('\n');
}
