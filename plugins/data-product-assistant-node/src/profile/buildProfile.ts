import type {
  ContractProfile,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';

/** The parts of a catalog entity a profile needs; a plain object, not a Backstage type. */
export interface ProductEntity {
  ref: string;
  title?: string;
  description?: string;
  owner?: string;
  domain?: string;
  tags?: string[];
  dependsOn?: string[];
  dependents?: string[];
}

/** Joins the catalog's view of a product with its parsed contracts and docs. */
export function buildProfile(
  entity: ProductEntity,
  contracts: Array<{ source: string; contract: ContractProfile }>,
  docs?: string,
): DataProductProfile {
  return {
    entityRef: entity.ref,
    title: entity.title,
    description: entity.description,
    owner: entity.owner,
    domain: entity.domain,
    tags: entity.tags ?? [],
    dependsOn: entity.dependsOn ?? [],
    dependents: entity.dependents ?? [],
    contracts: contracts.map(({ source, contract }) => ({
      ...contract,
      source,
    })),
    docs,
  };
}

/** A profile for a bare contract file, as the CLI and the evaluation suite see it. */
export function profileFromContract(
  contract: ContractProfile,
  source: string,
): DataProductProfile {
  return buildProfile(
    {
      ref: `component:default/${contract.dataProduct ?? contract.id}`,
      title: contract.name,
      description: contract.purpose,
      owner: contract.team?.name,
      domain: contract.domain,
      tags: contract.tags,
    },
    [{ source, contract }],
  );
}
