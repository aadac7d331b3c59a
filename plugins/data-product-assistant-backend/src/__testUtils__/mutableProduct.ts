import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import { fixturesDir, fromFile, repoRoot } from './demoEntities';

/**
 * A copy of the demo sales-orders product, under a new name, whose contract
 * a test may rewrite: the profile service reads it from disk on every ask.
 */
export function mutableProduct(name: string) {
  const dir = mkdtempSync(path.join(fixturesDir, `tmp-${name}-`));
  const source = path.join(
    repoRoot,
    'examples/catalog/products/sales/sales-orders',
  );
  cpSync(source, dir, { recursive: true });
  const entity: Entity = fromFile(path.join(dir, 'catalog-info.yaml'));
  entity.metadata.name = name;
  entity.metadata.title = `Mutable ${name}`;
  delete (entity.spec as { dependsOn?: unknown }).dependsOn;
  const contractFile = path.join(dir, 'contract.odcs.yaml');
  return {
    entity,
    entityRef: `component:default/${name}`,
    contractFile,
    writeContract(text: string) {
      writeFileSync(contractFile, text);
    },
    /** The contract text with a column dropped from every table. */
    withoutColumn(text: string, column: string): string {
      const doc = parse(text) as {
        schema: Array<{ properties: Array<{ name: string }> }>;
      };
      for (const table of doc.schema) {
        table.properties = table.properties.filter(p => p.name !== column);
      }
      return stringify(doc);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
