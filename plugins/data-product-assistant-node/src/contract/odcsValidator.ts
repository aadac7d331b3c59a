import Ajv2019, {
  type ErrorObject,
  type ValidateFunction,
} from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { ContractIssue } from '@dpa/plugin-data-product-assistant-common';
import odcsSchema from '../../schemas/odcs-json-schema-v3.1.0.json';

let compiled: ValidateFunction | undefined;

/** The official schema is compiled once per process: compiling costs ~100 ms. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(odcsSchema);
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is missing required field "${p.missingProperty}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[])
        .map(v => JSON.stringify(v))
        .join(', ')}`;
    case 'type':
      return `must be of type ${p.type}`;
    case 'additionalProperties':
      return `has unknown field "${p.additionalProperty}"`;
    case 'unevaluatedProperties':
      return `has unknown field "${p.unevaluatedProperty}"`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * `oneOf`/`anyOf` failures repeat every branch's errors; keep the specific
 * ones a person can act on and drop the combinator summaries.
 */
function actionable(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter(
    e =>
      !['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', '$ref'].includes(
        e.keyword,
      ),
  );
  return specific.length > 0 ? specific : errors;
}

/** Validates a parsed document against the ODCS v3.1 JSON schema. */
export function validateOdcs(document: unknown): ContractIssue[] {
  const validate = validator();
  if (validate(document)) return [];
  const seen = new Set<string>();
  const issues: ContractIssue[] = [];
  for (const error of actionable(validate.errors ?? [])) {
    const issue = {
      path: error.instancePath || '/',
      message: describe(error),
    };
    const key = `${issue.path} ${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
