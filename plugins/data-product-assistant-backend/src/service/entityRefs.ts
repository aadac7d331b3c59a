import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/** The ref, if kind, namespace and name are ones the catalog could hold; else a 400. */
function checked(ref: CompoundEntityRef, shown: string): string {
  if (
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `"${shown.slice(
        0,
        200,
      )}" is not an entity reference such as component:default/sales-orders`,
    );
  }
  return stringifyEntityRef(ref);
}

/** `entityRef` from a request body or query: short forms default to component:default. */
export function entityRefFrom(value: string): string {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `entityRef "${value.slice(
        0,
        200,
      )}" is not an entity reference such as component:default/sales-orders`,
    );
  }
  return checked(ref, value);
}

/** The entity a `/products/:namespace/:kind/:name/…` path names (decoded slashes and colons refused). */
export function entityRefFromPath(params: Record<string, string>): string {
  const { namespace, kind, name } = params;
  return checked({ kind, namespace, name }, `${kind}:${namespace}/${name}`);
}
