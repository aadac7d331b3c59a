import { InputError } from '@backstage/errors';
import { MAX_QUESTION_LENGTH } from '@dpa/plugin-data-product-assistant-common';

/** The question as asked, trimmed; a blank or over-long one is a 400, whoever asks (route or MCP action). */
export function checkedQuestion(question: string): string {
  const trimmed = question.trim();
  if (!trimmed) throw new InputError('question must not be empty');
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    throw new InputError(
      `question is too long: the limit is ${MAX_QUESTION_LENGTH} characters`,
    );
  }
  return trimmed;
}
