import { ContractIssue } from '@dpa/plugin-data-product-assistant-common';

/** The backend's 422 body for a data product whose contract is invalid. */
export interface ContractValidationErrorBody {
  error: { name: 'ContractValidationError'; message: string };
  source?: string;
  issues?: ContractIssue[];
}

/**
 * A data product's contract failed validation. Carries every issue so the UI
 * can list them instead of a single message.
 */
export class ContractValidationError extends Error {
  readonly name = 'ContractValidationError' as const;
  /** HTTP status of the response, 422. */
  readonly statusCode: number;
  /** URL of the contract that failed. */
  readonly source?: string;
  readonly issues: ContractIssue[];

  constructor(options: {
    message: string;
    source?: string;
    issues?: ContractIssue[];
    statusCode?: number;
  }) {
    super(options.message);
    this.source = options.source;
    this.issues = options.issues ?? [];
    this.statusCode = options.statusCode ?? 422;
  }

  static isContractValidationError(
    error: unknown,
  ): error is ContractValidationError {
    return (
      error instanceof ContractValidationError ||
      (typeof error === 'object' &&
        error !== null &&
        (error as { name?: unknown }).name === 'ContractValidationError' &&
        Array.isArray((error as { issues?: unknown }).issues))
    );
  }
}
