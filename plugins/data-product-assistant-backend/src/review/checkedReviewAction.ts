import { InputError } from '@backstage/errors';
import type { ReviewActionRequest } from '@dpa/plugin-data-product-assistant-common';

/**
 * A review action with its comment and answer trimmed, or a 400 naming every
 * rule it breaks: a correction needs an answer, only a correction carries
 * one, and a rejection says what is wrong.
 */
export function checkedReviewAction(
  input: ReviewActionRequest,
): ReviewActionRequest {
  const comment = input.comment?.trim();
  const answer = input.answer?.trim();
  const problems: string[] = [];
  if (input.action === 'correct' && !answer) {
    problems.push(
      'answer is required to correct an answer and must not be empty',
    );
  }
  if (input.action !== 'correct' && answer !== undefined) {
    problems.push('answer is only accepted with action "correct"');
  }
  if (input.action === 'reject' && !comment) {
    problems.push('comment is required to reject an answer: say what is wrong');
  }
  if (problems.length) throw new InputError(problems.join('; '));
  return {
    action: input.action,
    ...(comment !== undefined ? { comment } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(input.saveAsNote !== undefined ? { saveAsNote: input.saveAsNote } : {}),
  };
}
