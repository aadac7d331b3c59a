import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import type { AnswerOutput, Fact } from '../models/types';
import { classificationRank } from './factValues';
import {
  createVault,
  maskFacts,
  maskText,
  revealUpTo,
  unmask,
  type PlaceholderVault,
} from './placeholders';
import { sensitiveValues } from './sensitiveValues';

/**
 * An answer as stored: every sensitive value it holds is a placeholder, and
 * the vault says what each one is and how it is classified, so every reader
 * is shown the values their own clearance covers, and no more than the
 * asker was shown.
 */
export interface SealedAnswer {
  /** The asker's clearance when it was answered. */
  clearance: Classification;
  answer: string;
  output: AnswerOutput;
  citations: Array<{ id: string; text: string }>;
  vault: PlaceholderVault;
}

const baseVaults = new WeakMap<readonly Fact[], PlaceholderVault>();

/**
 * The vault of a product's sensitive column values (the fact builder's
 * examples of PII, confidential and restricted columns); built once per
 * facts array, handed out as a copy because masking adds to it.
 */
export function sealingVault(
  facts: readonly Fact[],
  extra?: PlaceholderVault,
): PlaceholderVault {
  let base = baseVaults.get(facts);
  if (!base) {
    base = maskFacts([], { values: sensitiveValues([...facts]) }).vault;
    baseVaults.set(facts, base);
  }
  const vault = createVault();
  const seen = new Set<string>();
  for (const e of [...(extra?.entries ?? []), ...base.entries]) {
    if (e.source === 'literal' || seen.has(e.value)) continue;
    seen.add(e.value);
    vault.entries.push({ ...e });
  }
  vault.entries.sort((a, b) => b.value.length - a.value.length);
  return vault;
}

/** The text with every value the vault knows as its placeholder. */
export function sealText(text: string, vault: PlaceholderVault): string {
  return maskText(text, vault, { detect: false });
}

/** The text with the placeholders this clearance covers restored, the others `[redacted <type>]`. */
export function unsealText(
  text: string,
  vault: PlaceholderVault,
  clearance: Classification,
): string {
  return unmask(text, vault, { reveal: revealUpTo(clearance) });
}

/** Only the entries the sealed texts use: the stored vault holds nothing else. */
export function pruneVault(
  vault: PlaceholderVault,
  texts: readonly string[],
): PlaceholderVault {
  const all = texts.join('\n');
  return {
    entries: vault.entries.filter(e => all.includes(e.placeholder)),
  };
}

export function lowerClearance(
  a: Classification,
  b: Classification,
): Classification {
  return classificationRank(a) <= classificationRank(b) ? a : b;
}

const mapOutput = (
  output: AnswerOutput,
  f: (text: string) => string,
): AnswerOutput => ({
  ...output,
  answer: f(output.answer),
  claims: output.claims.map(c => ({ ...c, text: f(c.text) })),
});

/** Seals an answer's texts with the vault; the vault keeps only what they use. */
export function sealAnswer(
  answer: Omit<SealedAnswer, 'vault'>,
  vault: PlaceholderVault,
): SealedAnswer {
  const seal = (text: string) => sealText(text, vault);
  const sealed = {
    clearance: answer.clearance,
    answer: seal(answer.answer),
    output: mapOutput(answer.output, seal),
    citations: answer.citations.map(c => ({ ...c, text: seal(c.text) })),
  };
  return {
    ...sealed,
    vault: pruneVault(vault, [
      sealed.answer,
      sealed.output.answer,
      ...sealed.output.claims.map(c => c.text),
      ...sealed.citations.map(c => c.text),
    ]),
  };
}

/**
 * What a reader is shown of a sealed answer: values up to their clearance
 * and the asker's, whichever is lower. `output` (the model's answer, for
 * reviewers) opens at the reader's own clearance.
 */
export function openSealed(
  sealed: SealedAnswer,
  reader: Classification,
): Omit<SealedAnswer, 'vault' | 'clearance'> & {
  claims: AnswerOutput['claims'];
} {
  const shown = lowerClearance(reader, sealed.clearance);
  const open = (text: string) => unsealText(text, sealed.vault, shown);
  return {
    answer: open(sealed.answer),
    claims: sealed.output.claims.map(c => ({ ...c, text: open(c.text) })),
    output: mapOutput(sealed.output, text =>
      unsealText(text, sealed.vault, reader),
    ),
    citations: sealed.citations.map(c => ({ ...c, text: open(c.text) })),
  };
}
