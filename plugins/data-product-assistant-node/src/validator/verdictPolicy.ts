import type { AnswerOutput, Verdict, VerdictReason } from '../models/types';

/** Reason codes that mean text must not be shown, even in an abstention. */
const LEAK_CODES = new Set(['pii', 'secret', 'restricted-value', 'injection']);

/**
 * Turns reasons into a verdict: abstentions stay `abstained` unless they leak
 * (a block-severity leak reason → `blocked`); otherwise any block → `blocked`,
 * any warning → `flagged`, else `approved`.
 */
export function decideVerdict(
  answer: Pick<AnswerOutput, 'abstained' | 'refused'>,
  reasons: VerdictReason[],
  groundedness: number,
): Verdict {
  const g = Math.max(
    0,
    Math.min(1, Number.isFinite(groundedness) ? groundedness : 0),
  );
  const blocks = reasons.some(r => r.severity === 'block');
  if (answer.abstained || answer.refused) {
    const leaks = reasons.some(
      r => r.severity === 'block' && LEAK_CODES.has(r.code),
    );
    return {
      status: leaks ? 'blocked' : 'abstained',
      reasons,
      groundedness: g,
    };
  }
  if (blocks) return { status: 'blocked', reasons, groundedness: g };
  if (reasons.some(r => r.severity === 'warning'))
    return { status: 'flagged', reasons, groundedness: g };
  return { status: 'approved', reasons, groundedness: g };
}

/**
 * The verdict when validation itself failed (validator down, output unparseable):
 * never approved. `blocked` when `block` is set (e.g. for hosted models with governance risk).
 */
export function failClosedVerdict(
  error: unknown,
  options: { block?: boolean } = {},
): Verdict {
  const msg = error instanceof Error ? error.message : String(error);
  return {
    status: options.block ? 'blocked' : 'flagged',
    reasons: [
      {
        code: 'validator-error',
        message: `The answer could not be validated: ${msg}`,
        severity: options.block ? 'block' : 'warning',
      },
    ],
    groundedness: 0,
  };
}
