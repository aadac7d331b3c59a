import type { Config } from '@backstage/config';

export interface BudgetSettings {
  perUser: {
    /** Asks per user in any 60 s window. */
    asksPerMinute: number;
    /** Asks per user per UTC day; unset: no daily limit. */
    asksPerDay?: number;
  };
  perDomainDailyCostUsd: {
    /** Cap of domains not listed (and of products without a domain); unset: no cap. */
    default?: number;
    byDomain: Record<string, number>;
  };
}

export const DEFAULT_ASKS_PER_MINUTE = 30;

function positiveInteger(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `dataProductAssistant.budgets.${key} must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}

/** `dataProductAssistant.budgets`; a wrong value stops the backend at startup. */
export function readBudgetSettings(root: Config): BudgetSettings {
  const config = root.getOptionalConfig('dataProductAssistant.budgets');
  const settings: BudgetSettings = {
    perUser: { asksPerMinute: DEFAULT_ASKS_PER_MINUTE },
    perDomainDailyCostUsd: { byDomain: {} },
  };
  if (!config) return settings;
  settings.perUser.asksPerMinute =
    positiveInteger(config, 'perUser.asksPerMinute') ?? DEFAULT_ASKS_PER_MINUTE;
  settings.perUser.asksPerDay = positiveInteger(config, 'perUser.asksPerDay');
  const costs = config.getOptionalConfig('perDomainDailyCostUsd');
  for (const key of costs?.keys() ?? []) {
    const value = costs!.getNumber(key);
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(
        `dataProductAssistant.budgets.perDomainDailyCostUsd.${key} must be a number of US dollars of at least 0, got ${value}`,
      );
    }
    if (key === 'default') settings.perDomainDailyCostUsd.default = value;
    else settings.perDomainDailyCostUsd.byDomain[key] = value;
  }
  return settings;
}
