import { MAX_QUESTION_LENGTH } from '@dpa/plugin-data-product-assistant-common';

/**
 * What is wrong with a question before it is sent, in words for the helper
 * text; `undefined` when it can be sent. Mirrors the backend's own checks
 * (trimmed, non-empty, at most {@link MAX_QUESTION_LENGTH} characters).
 */
export function validateQuestion(question: string): string | undefined {
  const trimmed = question.trim();
  if (trimmed.length === 0) {
    return 'Type a question first.';
  }
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    const over = trimmed.length - MAX_QUESTION_LENGTH;
    return `The question is too long: ${trimmed.length} of at most ${MAX_QUESTION_LENGTH} characters. Shorten it by ${over}.`;
  }
  return undefined;
}
