import { CustomErrorBase } from '@backstage/errors';
import type { ContractIssue } from '@dpa/plugin-data-product-assistant-common';

/**
 * A contract that does not satisfy the ODCS schema; the router answers 422
 * with the source beside the message (which does not repeat it).
 */
export class ContractValidationError extends CustomErrorBase {
  name = 'ContractValidationError' as const;

  constructor(readonly source: string, readonly issues: ContractIssue[]) {
    super(
      `The contract is not a valid ODCS v3 contract: ${issues.length} problem${
        issues.length === 1 ? '' : 's'
      } (first: ${issues[0]?.path} ${issues[0]?.message})`,
    );
  }
}
