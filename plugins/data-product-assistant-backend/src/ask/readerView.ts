import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import {
  openSealed,
  redactAboveClearance,
  type Fact,
} from '@dpa/plugin-data-product-assistant-node';
import type { StoredAsk } from '../database/AskStore';

/** Shown for an old answer when its product's facts cannot be read to redact it. */
export const UNCHECKED_ANSWER =
  'This answer was stored before answers were redacted for each reader, and its data product cannot be read now to redact it. Ask the question again.';

/**
 * A stored ask as one reader may see it: values up to their clearance and
 * never more than the asker was shown; the model output (what reviewers
 * judge) up to the reader's own clearance. Asks stored before answers were
 * sealed are redacted with the product's facts, or withheld without them.
 */
export function readerView(
  stored: StoredAsk,
  clearance: Classification,
  legacyFacts?: Fact[],
): StoredAsk {
  if (stored.sealed) {
    const opened = openSealed(stored.sealed, clearance);
    return {
      ...stored,
      answer: opened.answer,
      claims: opened.claims,
      output: { ...stored.output, ...opened.output },
      citations: opened.citations,
    };
  }
  if (!legacyFacts) {
    return {
      ...stored,
      answer: UNCHECKED_ANSWER,
      claims: [],
      output: { ...stored.output, answer: UNCHECKED_ANSWER, claims: [] },
      citations: [],
    };
  }
  const redact = (text: string) =>
    redactAboveClearance(text, legacyFacts, clearance);
  const claims = stored.claims.map(c => ({ ...c, text: redact(c.text) }));
  return {
    ...stored,
    answer: redact(stored.answer),
    claims,
    output: {
      ...stored.output,
      answer: redact(stored.output.answer),
      claims: stored.output.claims.map(c => ({ ...c, text: redact(c.text) })),
    },
    citations: stored.citations.map(c => ({ ...c, text: redact(c.text) })),
  };
}
