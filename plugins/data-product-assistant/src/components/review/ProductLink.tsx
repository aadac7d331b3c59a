import type { JSX } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

export interface ProductLinkProps {
  /** `kind:namespace/name` of a data product. */
  entityRef: string;
}

/** A data product, linked to its catalog page; the ref itself if it does not parse. */
export function ProductLink(props: ProductLinkProps): JSX.Element {
  try {
    const ref = parseEntityRef(props.entityRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return <EntityRefLink entityRef={ref} hideIcon />;
  } catch {
    return <>{props.entityRef}</>;
  }
}
