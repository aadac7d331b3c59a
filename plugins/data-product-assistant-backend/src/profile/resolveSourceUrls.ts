import { pathToFileURL } from 'node:url';
import { getEntitySourceLocation, type Entity } from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';

/**
 * Resolves an annotation value (one or more comma-separated, relative or
 * absolute URLs) against the location the entity was read from.
 */
export function resolveSourceUrls(
  entity: Entity,
  value: string,
  integrations: ScmIntegrationRegistry,
): string[] {
  const location = getEntitySourceLocation(entity);
  const base =
    location.type === 'file'
      ? pathToFileURL(location.target).toString()
      : location.target;
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .map(url =>
      location.type === 'file'
        ? new URL(url, base).toString()
        : integrations.resolveUrl({ url, base }),
    );
}
