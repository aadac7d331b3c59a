import { UsageError } from './UsageError';

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * `[kind:][namespace/]name` as Backstage's parseEntityRef reads it, kind defaulting to
 * `component` and namespace to `default` (the CLI does not depend on @backstage/catalog-model).
 */
export function parseEntityRef(ref: string, option = '--product'): EntityName {
  const value = ref.trim();
  let colon = value.indexOf(':');
  const slash = value.indexOf('/');
  // As in Backstage: a slash before the colon means the colon belongs to the name.
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? 'component' : value.slice(0, colon);
  const namespace = slash === -1 ? 'default' : value.slice(colon + 1, slash);
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (
    !kind ||
    !namespace ||
    !name ||
    /[\s/:]/.test(name) ||
    /\s/.test(kind + namespace)
  ) {
    throw new UsageError(
      `${option} "${ref}" is not an entity reference such as component:default/sales-orders`,
    );
  }
  return { kind, namespace, name };
}

/** `kind:namespace/name`, kind and namespace in lower case as Backstage writes them. */
export function stringifyEntityRef(entity: EntityName): string {
  return `${entity.kind.toLocaleLowerCase(
    'en-US',
  )}:${entity.namespace.toLocaleLowerCase('en-US')}/${entity.name}`;
}
