import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * How callers name a data product: an entity ref string (short forms default
 * to `component:default`, as in a request body or the MCP action's input), or
 * its kind, namespace and name (as in a `/products/:namespace/:kind/:name` path).
 */
export type EntityRefInput = string | CompoundEntityRef;

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

/**
 * The canonical `kind:namespace/name` of what a caller named, or an
 * InputError (400). Every service normalises the refs it is given with this,
 * so the routes and the MCP action read the same product the same way.
 */
export function normalizeEntityRef(input: EntityRefInput): string {
  if (typeof input !== 'string') {
    const { kind, namespace, name } = input;
    // Each part as the path gave it: decoded slashes and colons are refused.
    return checked(input, `${kind}:${namespace}/${name}`);
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(input, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `entityRef "${input.slice(
        0,
        200,
      )}" is not an entity reference such as component:default/sales-orders`,
    );
  }
  return checked(ref, input);
}
