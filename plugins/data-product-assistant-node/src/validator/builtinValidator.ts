import { modelRef } from '../models/spec';
import type {
  ModelSpec,
  ValidateRequest,
  ValidatorModel,
  Verdict,
  VerdictReason,
} from '../models/types';
import { checkGovernance } from './governance';
import { checkGroundedness } from './groundedness';
import { detectInjection } from './injection';
import { checkScope } from './scope';
import { decideVerdict, failClosedVerdict } from './verdictPolicy';

/** Switches read from `spec.options`; every check is on unless set to false. */
export interface BuiltinValidatorOptions {
  groundedness?: boolean;
  /** All governance checks (PII, secrets, restricted values). */
  governance?: boolean;
  pii?: boolean;
  secrets?: boolean;
  restrictedValues?: boolean;
  scope?: boolean;
  injection?: boolean;
  /** Share of a claim's content words its citations must hold (default 0.85). */
  minCoverage?: number;
}

function readOptions(spec: ModelSpec): BuiltinValidatorOptions {
  const o = spec.options ?? {};
  const flag = (k: string) =>
    typeof o[k] === 'boolean' ? (o[k] as boolean) : undefined;
  return {
    groundedness: flag('groundedness'),
    governance: flag('governance'),
    pii: flag('pii'),
    secrets: flag('secrets'),
    restrictedValues: flag('restrictedValues'),
    scope: flag('scope'),
    injection: flag('injection'),
    minCoverage: typeof o.minCoverage === 'number' ? o.minCoverage : undefined,
  };
}

/** Runs the rule-based checks; exported for callers that need the verdict synchronously. */
export function validateWithRules(
  req: ValidateRequest,
  opts: BuiltinValidatorOptions = {},
): Verdict {
  const reasons: VerdictReason[] = [];
  const { answer } = req;
  let groundedness = 1;
  if (opts.groundedness !== false) {
    const g = checkGroundedness(answer, req.facts, {
      minCoverage: opts.minCoverage,
      question: req.question,
    });
    reasons.push(...g.reasons);
    groundedness = g.groundedness;
  }
  // What the reader is shown: the answer, and any claim it does not already hold (a claim
  // written into the answer verbatim would only be scanned twice).
  const text = [
    answer.answer,
    ...answer.claims.map(c => c.text).filter(t => !answer.answer.includes(t)),
  ].join('\n');
  if (opts.governance !== false) {
    reasons.push(
      ...dedupe(
        checkGovernance(text, req.facts, req.clearance, req.question, {
          pii: opts.pii,
          secrets: opts.secrets,
          restrictedValues: opts.restrictedValues,
        }),
      ),
    );
  }
  if (opts.scope !== false)
    reasons.push(
      ...checkScope(answer, req.question, req.facts, req.scope, req.domain),
    );
  if (opts.injection !== false) {
    for (const f of detectInjection(text)) {
      reasons.push({
        code: 'injection',
        message: `The answer contains a prompt-injection artefact (${
          f.kind
        }): "${f.text.slice(0, 80)}".`,
        severity: f.severity,
      });
    }
  }
  return decideVerdict(answer, reasons, groundedness);
}

function dedupe(reasons: VerdictReason[]): VerdictReason[] {
  const seen = new Set<string>();
  return reasons.filter(r => {
    const k = `${r.code}|${r.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The built-in, local, rule-based validator. `spec.options` switches checks off. */
export function createBuiltinValidator(spec: ModelSpec): ValidatorModel {
  const opts = readOptions(spec);
  return {
    ref: modelRef(spec.model || 'validator-rules', spec),
    local: true,
    async validate(req) {
      let verdict: Verdict;
      try {
        verdict = validateWithRules(req, opts);
      } catch (e) {
        verdict = failClosedVerdict(e);
      }
      return {
        verdict,
        usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      };
    },
  };
}
