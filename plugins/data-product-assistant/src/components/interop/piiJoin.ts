import type { InteropMapping } from '@dpa/plugin-data-product-assistant-common';

/**
 * Why accepting this mapping joins on personal data, in the validator's or
 * the explanation's words; undefined when it does not. Accepting such a
 * mapping makes a relation anyone who reads both products sees.
 */
export function piiJoinWarning(
  mapping: Pick<InteropMapping, 'validation' | 'explanation'>,
): string | undefined {
  const issue = mapping.validation.issues.find(i =>
    i.code.startsWith('pii-join-key'),
  );
  if (issue) return issue.message;
  return mapping.explanation.caveats.find(c => c.code === 'pii-join-key')
    ?.message;
}
