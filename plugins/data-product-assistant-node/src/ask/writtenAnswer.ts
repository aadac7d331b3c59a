import type { AnswerModel } from '../models/types';
import { ask, type AskInput, type AskResult } from './askPipeline';
import { attributeClaims } from './attributeClaims';

/**
 * An answer model that "answers" with a text a person wrote, split into
 * claims cited from the facts retrieved for the question. It never leaves
 * the process, so the validator sees the text exactly as written.
 */
export function writtenAnswerModel(text: string): AnswerModel {
  return {
    // Local: the text never leaves the process to be "answered".
    ref: { name: 'written-answer', version: '1', provider: 'builtin' },
    local: true,
    async answer({ facts }) {
      return {
        output: attributeClaims(text, facts),
        usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      };
    },
  };
}

/**
 * Vets a text a reviewer approved or wrote with the same pipeline as model
 * answers: retrieval, privacy wrapping for hosted validators, the validator,
 * the fail-closed verdict policy and clearance-aware citations.
 */
export function validateWrittenAnswer(
  input: Omit<AskInput, 'answerModel'> & { answer: string },
): Promise<AskResult> {
  const { answer, ...rest } = input;
  return ask({ ...rest, answerModel: writtenAnswerModel(answer) });
}
