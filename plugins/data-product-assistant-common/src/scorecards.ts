/**
 * Model scorecards: which answer model and validator serve each business
 * domain, their evaluation metrics, and every promotion attempt recorded in
 * the promotion registry (`evals/registry/`).
 */

/** Which model of a domain: the answer model or its validator. */
export type ScorecardRole = 'answer' | 'validator';

/** Metric name → value, e.g. `answer_accuracy`, `validator_recall.pii`, `governance_leaks`. */
export type ScorecardMetrics = Record<string, number>;

/** A domain's serving model of one role. */
export interface ServingModel {
  /** The registry record's challenger name, or the model's name in app-config. */
  name: string;
  /** The spec's content hash (12 hex digits), as stored with every answer. */
  version: string;
  /** `builtin` or `openai`. */
  provider: string;
  /** `registry`: promoted by `dpa promote`; `config`: app-config's model for the domain. */
  source: 'registry' | 'config';
  /** When the serving record was promoted (registry only). */
  promotedAt?: string;
  /** The serving registry record's id (registry only). */
  recordId?: string;
  /** The metrics the promoted model scored in its promotion run (registry only). */
  metrics?: ScorecardMetrics;
  /**
   * Its metrics in the latest evaluation run (`dpa eval`, as CI runs it), when
   * that run measured this very model; absent when it measured another one.
   */
  latestRun?: EvalRunMetrics;
}

/** One model's metrics in an evaluation run (`evals/results/<run>/metrics.json`). */
export interface EvalRunMetrics {
  /** The run's folder name. */
  run: string;
  /** When the run's metrics were written (ISO 8601). */
  time: string;
  /** The suite provider label the metrics were recorded under, e.g. `sales-served`. */
  label: string;
  /** As the run wrote them; keys the portal does not know are shown under their own name. */
  metrics: ScorecardMetrics;
  /** Whether a hosted model was called (false: built-in models only). */
  hostedCalled?: boolean;
}

/** One model of a promotion run. */
export interface PromotionModelSummary {
  name: string;
  specHash: string;
  metrics: ScorecardMetrics;
}

/** One threshold as the promotion gate applied it. */
export interface PromotionThreshold {
  metric: string;
  /** `hard` (governance), `floor` (absolute quality floor), `quality` (relative to the champion). */
  kind: 'hard' | 'floor' | 'quality';
  op?: '>=' | '<=' | '==';
  value?: number;
  margin?: number;
  direction?: 'higher' | 'lower';
  /** Case-by-case comparison with the champion (exact McNemar on the discordant cases). */
  paired?: {
    cases: number;
    bothPass: number;
    bothFail: number;
    championOnly: number;
    challengerOnly: number;
    pValue: number;
    pWorse: number;
  };
  champion: number | null;
  challenger: number | null;
  passed: boolean;
  skipped?: boolean;
  reason: string;
}

/** One `dpa promote` run of a domain, promoted or refused. */
export interface PromotionHistoryEntry {
  id: string;
  /** ISO 8601 UTC. */
  time: string;
  role: ScorecardRole;
  verdict: 'promoted' | 'refused';
  reasons: string[];
  champion: PromotionModelSummary;
  challenger: PromotionModelSummary;
  /** Null when the evaluation ran outside a git checkout. */
  gitSha: string | null;
  datasetHash: string;
  promptfooVersion: string;
  thresholds: PromotionThreshold[];
}

/** The scorecard of one business domain. */
export interface DomainScorecard {
  domain: string;
  champions: Record<ScorecardRole, ServingModel>;
  /** Newest first. */
  history: PromotionHistoryEntry[];
}

/** `GET /scorecards`. */
export interface ScorecardsResponse {
  /** Sorted by domain name. */
  domains: DomainScorecard[];
  /** The latest evaluation run found, if any (its folder name and time). */
  latestRun?: { run: string; time: string };
}
