/**
 * Demo data products as the backend sees them: the catalog entity
 * (catalog-info.yaml), its contract and its README docs, turned into facts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import {
  buildFacts,
  buildProfile,
  contextFacts,
  parseContract,
  type Fact,
} from '@dpa/plugin-data-product-assistant-node';
import { REPO_ROOT } from './paths';

export interface LoadedProduct {
  profile: DataProductProfile;
  facts: Fact[];
  domain?: string;
}

const cache = new Map<string, LoadedProduct>();

interface CatalogInfo {
  metadata?: {
    name?: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
  };
  spec?: { owner?: string; domain?: string; dependsOn?: string[] };
}

/** Loads a product from its contract path (relative to the repository root or absolute). */
export function loadProduct(contractPath: string): LoadedProduct {
  const full = path.resolve(REPO_ROOT, contractPath);
  const hit = cache.get(full);
  if (hit) return hit;
  const parsed = parseContract(readFileSync(full, 'utf8'));
  if (!parsed.ok)
    throw new Error(
      `${contractPath}: invalid contract: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`,
    );
  const contract = parsed.contract;
  const dir = path.dirname(full);
  const infoFile = path.join(dir, 'catalog-info.yaml');
  const info: CatalogInfo = existsSync(infoFile)
    ? (parse(readFileSync(infoFile, 'utf8')) as CatalogInfo)
    : {};
  const docsName = info.metadata?.annotations?.['data-products/docs'];
  const docsFile = docsName
    ? path.resolve(dir, docsName)
    : path.join(dir, 'README.md');
  const docs = existsSync(docsFile)
    ? readFileSync(docsFile, 'utf8')
    : undefined;
  const name = info.metadata?.name ?? contract.dataProduct ?? contract.id;
  const profile = buildProfile(
    {
      ref: `component:default/${name}`,
      title: info.metadata?.title ?? contract.name,
      description: info.metadata?.description ?? contract.purpose,
      owner: info.spec?.owner ?? contract.team?.name,
      domain: info.spec?.domain ?? contract.domain,
      tags: info.metadata?.tags ?? contract.tags,
      dependsOn: info.spec?.dependsOn,
    },
    [{ source: path.relative(REPO_ROOT, full), contract }],
    docs,
  );
  const loaded = {
    profile,
    facts: buildFacts(profile),
    domain: profile.domain,
  };
  cache.set(full, loaded);
  return loaded;
}

/** Facts of a validator-suite context: a contract path, or plain text (one fact per paragraph). */
export function loadContext(context: string): Fact[] {
  if (/\.ya?ml$/.test(context.trim()) && !context.includes('\n'))
    return loadProduct(context.trim()).facts;
  const result = contextFacts(context);
  if (!result.ok)
    throw new Error(`invalid context: ${result.issues[0]?.message}`);
  return result.facts;
}
