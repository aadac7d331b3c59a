import {
  championFor,
  resolveDomainModels,
  type DomainConfig,
  type ModelSpec,
  type NamedSpec,
  type RegistryRecord,
  type RegistryRole,
} from '@dpa/plugin-data-product-assistant-node';

/** A domain's serving model of one role and where it comes from. */
export interface ServedModel extends NamedSpec {
  source: 'registry' | 'config';
  /** The promoted record whose challenger serves (registry only). */
  record?: RegistryRecord;
}

export interface ServedDomainModels {
  domain: string | undefined;
  answer: ServedModel;
  validator: ServedModel;
  scope?: string[];
  tokenBudget: number;
  /** Changes whenever a different model serves either role. */
  key: string;
}

/**
 * The models serving a domain: for each role, the challenger of the latest
 * promoted registry record (`championFor`), served exactly as it was
 * evaluated; otherwise app-config's model for the domain. Scope and token
 * budget always come from app-config.
 */
export function servedDomainModels(
  config: DomainConfig,
  domain: string | undefined,
  records: readonly RegistryRecord[],
): ServedDomainModels {
  const resolved = resolveDomainModels(config, domain);
  const pick = (role: RegistryRole): ServedModel => {
    const record =
      domain !== undefined ? championFor(records, domain, role) : undefined;
    return record
      ? {
          name: record.challenger.name,
          spec: record.challenger.spec as ModelSpec,
          source: 'registry',
          record,
        }
      : { ...resolved[role], source: 'config' };
  };
  const answer = pick('answer');
  const validator = pick('validator');
  return {
    domain,
    answer,
    validator,
    scope: resolved.scope,
    tokenBudget: resolved.tokenBudget,
    key: `${answer.record?.id ?? 'config'}|${validator.record?.id ?? 'config'}`,
  };
}
