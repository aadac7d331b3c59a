import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataProductAssistant?: {
    /**
     * `spec.type` values that make an entity a data product.
     * @visibility frontend
     */
    dataProductTypes?: string[];
    /** Members of these groups may promote models. */
    adminGroups?: string[];
    /**
     * Local folders whose files may be read through `file:` URLs (contracts
     * and docs next to a local catalog file). Empty: no local reading.
     */
    localFiles?: {
      allow?: string[];
      /** Largest file read, in bytes (default 5 MiB). */
      maxBytes?: number;
    };
    /**
     * Worker threads that run asks with built-in models beside the event loop
     * (default: one fewer than the machine's cores, at most 4; 0: every ask
     * runs on the event loop).
     */
    engineThreads?: number;
    /**
     * How long, in milliseconds, a contract or doc read is used before an ask
     * reads it again (a conditional read; default 5000; 0: on every ask).
     */
    contractRecheckMs?: number;
    /**
     * Named model specs. `builtin-answer` and `builtin-validator` always exist.
     * A spec's version is the hash of its content.
     */
    models?: {
      [name: string]: {
        /**
         * `builtin` (local, deterministic), or the id of a provider a backend
         * module registers, e.g. `openai` (any OpenAI-compatible endpoint, from
         * @dpa/plugin-data-product-assistant-backend-module-openai).
         */
        provider: string;
        /** For builtin: `answer-extractive` or `validator-rules`; for openai: the model name. */
        model: string;
        /** OpenAI-compatible base URL (OpenAI, Azure OpenAI, Ollama, vLLM, LiteLLM). */
        baseUrl?: string;
        /** Name of the environment variable that holds the API key. */
        apiKeyEnv?: string;
        systemPrompt?: string;
        temperature?: number;
        maxTokens?: number;
        timeoutMs?: number;
        maxRetries?: number;
        /** USD per million tokens. */
        prices?: { input: number; output: number };
        /** Provider-specific switches, e.g. builtin validator checks. */
        options?: { [key: string]: unknown };
      };
    };
    /** Models, prompt and scope per business domain (`spec.domain`). */
    domains?: {
      [domain: string]: DomainSettings;
    };
    /** Used for every domain not listed under `domains`. */
    defaults?: DomainSettings;
    /** Suggest interoperability. */
    interop?: {
      /**
       * When the full scan runs (Backstage scheduler definition). Default:
       * every 30 minutes, 10 minute timeout, 1 minute initial delay.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Related products per product when a request names no `top` (1-200). Default 20. */
      top?: number;
      /**
       * How long a stored contract snapshot is trusted before its source is
       * asked again (conditionally, with its ETag). Default 300.
       */
      contractMaxAgeSeconds?: number;
      /**
       * How long the catalog processor keeps the list of accepted
       * relationships. Default 5.
       */
      relationsCacheSeconds?: number;
    };
    /** The evaluation runs `dpa eval` writes (and CI keeps). */
    evals?: {
      /**
       * Folder of the runs (`evals/results`: one folder per run with a
       * `metrics.json`); the newest run is shown on the model scorecards.
       * Relative paths resolve against the backend's working directory.
       */
      resultsDir?: string;
    };
    /** The promotion registry written by `dpa promote`. */
    registry?: {
      /**
       * Folder of the promotion records (`evals/registry`); relative paths
       * resolve against the backend's working directory. Unset: app-config's
       * models always serve.
       */
      dir?: string;
      /**
       * The gate's thresholds file every record is re-checked against
       * (default: `thresholds.yaml` beside `dir`, i.e. `evals/thresholds.yaml`).
       * A record gated by other thresholds, or any record when the file is
       * missing, is refused and the configured model serves.
       */
      thresholdsFile?: string;
      /** How often the folder is checked for new records. Default 5. */
      checkIntervalSeconds?: number;
    };
    /**
     * Governance budgets, counted from the stored asks (so they hold across
     * backend instances). Past a limit an ask is refused with HTTP 429 and
     * `Retry-After`; nothing is stored for a refused ask.
     */
    budgets?: {
      perUser?: {
        /** Asks per user in any 60 s window. Default 30. */
        asksPerMinute?: number;
        /** Asks per user per UTC day (resets at 00:00 UTC). Unset: no daily limit. */
        asksPerDay?: number;
      };
      /**
       * Daily cost cap in USD per domain (`spec.domain`), summed over the
       * day's asks (UTC). `default` caps domains not listed and products
       * without a domain; unset: no cap.
       */
      perDomainDailyCostUsd?: {
        default?: number;
        [domain: string]: number | undefined;
      };
    };
    /** Who may see values of confidential or restricted columns. */
    clearance?: {
      /** Classification everyone may see values of. Default: internal. */
      default?: 'public' | 'internal' | 'confidential' | 'restricted';
      groups?: Array<{
        /** A group entity ref, e.g. group:default/privacy-office. */
        group: string;
        level: 'public' | 'internal' | 'confidential' | 'restricted';
      }>;
    };
  };
}

interface DomainSettings {
  /** A name under `models` (or builtin-answer). */
  answerModel: string;
  /** A name under `models` (or builtin-validator); configured separately from the answer model. */
  validatorModel: string;
  systemPrompt?: string;
  /** Topics this domain's model answers; other questions are refused. */
  scope?: string[];
  /** Tokens of context sent to the answer model. */
  tokenBudget?: number;
}
