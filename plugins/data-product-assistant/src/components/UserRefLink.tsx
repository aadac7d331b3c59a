import type { JSX } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

export interface UserRefLinkProps {
  /** `user:namespace/name`, or a bare name. */
  userRef: string;
}

/** A person, linked to their catalog page; the raw value if it is no entity ref. */
export function UserRefLink(props: UserRefLinkProps): JSX.Element {
  try {
    const ref = parseEntityRef(props.userRef, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    return <EntityRefLink entityRef={ref} defaultKind="user" hideIcon />;
  } catch {
    return <>{props.userRef}</>;
  }
}
