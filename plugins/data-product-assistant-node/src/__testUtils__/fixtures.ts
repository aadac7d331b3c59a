// Test-only helpers: load the demo catalog and AdventureWorks into profiles (reads files; never imported by engine code).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import { parseContract } from '../contract/parseContract';
import { buildProfile, profileFromContract } from '../profile/buildProfile';

export const REPO_ROOT = resolve(__dirname, '../../../..');
/** The shared datasets sit beside the repository (as they do in CI). */
export const ADVENTUREWORKS_PATH = resolve(
  REPO_ROOT,
  '../shared/datasets/odcs/postgresql-adventureworks-contract.odcs.yaml',
);
const PRODUCTS = join(REPO_ROOT, 'examples/catalog/products');

export function adventureWorksText(): string {
  return readFileSync(ADVENTUREWORKS_PATH, 'utf8');
}

export function adventureWorksProfile(): DataProductProfile {
  const parsed = parseContract(adventureWorksText());
  if (!parsed.ok)
    throw new Error(
      `AdventureWorks: ${JSON.stringify(parsed.issues.slice(0, 3))}`,
    );
  return profileFromContract(parsed.contract, ADVENTUREWORKS_PATH);
}

interface DemoEntity {
  dir: string;
  ref: string;
  doc: any;
}

function demoEntities(): DemoEntity[] {
  const out: DemoEntity[] = [];
  for (const domain of readdirSync(PRODUCTS)) {
    for (const name of readdirSync(join(PRODUCTS, domain))) {
      const dir = join(PRODUCTS, domain, name);
      const file = join(dir, 'catalog-info.yaml');
      if (!existsSync(file)) continue;
      const doc = parse(readFileSync(file, 'utf8'));
      const kind = String(doc.kind).toLowerCase();
      const ns = doc.metadata.namespace ?? 'default';
      out.push({ dir, ref: `${kind}:${ns}/${doc.metadata.name}`, doc });
    }
  }
  return out;
}

/** The demo product `domain/name` as the backend would profile it (contract, docs, lineage). */
export function demoProfile(
  path: string,
): DataProductProfile & { contractText: string } {
  const entities = demoEntities();
  const entity = entities.find(e => e.dir.endsWith(path));
  if (!entity) throw new Error(`no demo product ${path}`);
  const contractText = readFileSync(
    join(entity.dir, 'contract.odcs.yaml'),
    'utf8',
  );
  const parsed = parseContract(contractText);
  if (!parsed.ok)
    throw new Error(`${path}: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const spec = entity.doc.spec ?? {};
  const normalise = (ref: string) =>
    ref.includes(':') ? ref : `component:${ref}`;
  const dependsOn: string[] = (spec.dependsOn ?? []).map(normalise);
  const dependents = entities
    .filter(e =>
      (e.doc.spec?.dependsOn ?? []).map(normalise).includes(entity.ref),
    )
    .map(e => e.ref);
  const readme = join(entity.dir, 'README.md');
  const profile = buildProfile(
    {
      ref: entity.ref,
      title: entity.doc.metadata.title,
      description: entity.doc.metadata.description,
      owner: spec.owner,
      domain: spec.domain,
      tags: entity.doc.metadata.tags ?? [],
      dependsOn,
      dependents,
    },
    [{ source: 'contract.odcs.yaml', contract: parsed.contract }],
    existsSync(readme) ? readFileSync(readme, 'utf8') : undefined,
  );
  return { ...profile, contractText };
}
