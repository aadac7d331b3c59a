import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Entity } from '@backstage/catalog-model';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const fixturesDir = path.join(__dirname, 'fixtures');

/** An entity as the catalog serves it after reading it from a file location. */
export function fromFile(file: string): Entity {
  const entity = parse(readFileSync(file, 'utf8')) as Entity;
  entity.metadata.namespace ??= 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    'backstage.io/managed-by-location': `file:${file}`,
    'backstage.io/managed-by-origin-location': `file:${file}`,
  };
  return entity;
}

/** Every data product of the demo mesh, as the catalog would hold them. */
export function demoProducts(): Entity[] {
  const root = path.join(repoRoot, 'examples/catalog/products');
  return readdirSync(root).flatMap(domain =>
    readdirSync(path.join(root, domain)).map(product =>
      fromFile(path.join(root, domain, product, 'catalog-info.yaml')),
    ),
  );
}
