import { LineCounter, parseDocument } from 'yaml';
import type {
  ContractIssue,
  ContractProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { validateOdcs } from './odcsValidator';
import { normaliseContract } from './normaliseContract';

export type ParseContractResult =
  | { ok: true; contract: ContractProfile; document: Record<string, unknown> }
  | { ok: false; issues: ContractIssue[] };

const SUPPORTED_API_VERSION = /^v3\.[01]\.\d+$/;

/**
 * YAML text → schema-checked ODCS v3.0/v3.1 document → profile. Every failure
 * comes back as issues that name the problem and where it is; nothing throws.
 */
export function parseContract(text: string): ParseContractResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map(e => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return {
          path: '/',
          message: `invalid YAML at line ${line}, column ${col}: ${
            e.message.split('\n')[0]
          }`,
        };
      }),
    };
  }
  const value: unknown = doc.toJS();
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [
        {
          path: '/',
          message: 'the contract must be a YAML mapping (an ODCS document)',
        },
      ],
    };
  }
  const document = value as Record<string, unknown>;
  const issues = validateOdcs(document);
  if (issues.length > 0) return { ok: false, issues };
  if (!SUPPORTED_API_VERSION.test(String(document.apiVersion))) {
    return {
      ok: false,
      issues: [
        {
          path: '/apiVersion',
          message: `ODCS ${document.apiVersion} is not supported: use v3.0.x or v3.1.x`,
        },
      ],
    };
  }
  return { ok: true, contract: normaliseContract(document), document };
}
