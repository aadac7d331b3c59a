import type { StoredAsk } from '../database/AskStore';

/** The most of an ask that is stored: no model, however verbose, fills the database. */
export const STORAGE_LIMITS = {
  textChars: 16_000,
  claims: 50,
  claimChars: 4_000,
  citations: 50,
  citationChars: 4_000,
  reasons: 50,
  reasonChars: 1_000,
  vaultEntries: 200,
} as const;

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

type Output = StoredAsk['output'];
type Citation = StoredAsk['citations'][number];

const boundOutput = (output: Output): Output => ({
  ...output,
  answer: cut(output.answer, STORAGE_LIMITS.textChars),
  claims: output.claims.slice(0, STORAGE_LIMITS.claims).map(c => ({
    text: cut(c.text, STORAGE_LIMITS.claimChars),
    citations: c.citations.slice(0, STORAGE_LIMITS.citations),
  })),
});

const boundCitations = (citations: Citation[]): Citation[] =>
  citations.slice(0, STORAGE_LIMITS.citations).map(c => ({
    id: cut(c.id, 200),
    text: cut(c.text, STORAGE_LIMITS.citationChars),
  }));

/** The ask as stored: texts, lists and the sealed copy cut to their limits. */
export function boundForStorage(ask: StoredAsk): StoredAsk {
  const output = boundOutput(ask.output);
  return {
    ...ask,
    question: cut(ask.question, STORAGE_LIMITS.textChars),
    answer: cut(ask.answer, STORAGE_LIMITS.textChars),
    output,
    claims: output.claims,
    citations: boundCitations(ask.citations),
    reasons: ask.reasons.slice(0, STORAGE_LIMITS.reasons).map(r => ({
      ...r,
      code: cut(r.code, 64),
      message: cut(r.message, STORAGE_LIMITS.reasonChars),
    })),
    sealed: ask.sealed && {
      ...ask.sealed,
      answer: cut(ask.sealed.answer, STORAGE_LIMITS.textChars),
      output: boundOutput(ask.sealed.output),
      citations: boundCitations(ask.sealed.citations),
      vault: {
        entries: ask.sealed.vault.entries.slice(0, STORAGE_LIMITS.vaultEntries),
      },
    },
  };
}
