import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ContractSnapshot,
  ContractSnapshotStore,
} from '../database/ContractSnapshotStore';
import { repoRoot } from '../__testUtils__/demoEntities';
import { DataProductProfileService } from './DataProductProfileService';

const demo = path.join(
  repoRoot,
  'examples/catalog/products/sales/sales-orders',
);
const CONTRACT_URL = 'file:///mesh/orders/contract.odcs.yaml';
const DOCS_URL = 'file:///mesh/orders/README.md';

function entity(title = 'Orders'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      namespace: 'default',
      title,
      annotations: {
        'backstage.io/managed-by-location':
          'file:/mesh/orders/catalog-info.yaml',
        'data-products/contract': './contract.odcs.yaml',
        'data-products/docs': './README.md',
      },
    },
    spec: { type: 'data-product', owner: 'group:default/sales-team' },
  };
}

/** Files by URL, with ETags, counting reads. */
class FakeReader implements Partial<UrlReaderService> {
  files = new Map<string, string>([
    [CONTRACT_URL, readFileSync(path.join(demo, 'contract.odcs.yaml'), 'utf8')],
    [DOCS_URL, '# Orders\n\nOne row per order.'],
  ]);
  reads: string[] = [];

  async readUrl(url: string, options?: { etag?: string }) {
    this.reads.push(url);
    const text = this.files.get(url)!;
    const etag = createHash('sha256').update(text).digest('hex');
    if (options?.etag === etag) throw new NotModifiedError();
    return { buffer: async () => Buffer.from(text), etag };
  }
}

class FakeSnapshots implements ContractSnapshotStore {
  stored = new Map<string, ContractSnapshot>();
  calls: string[] = [];
  async get(source: string) {
    this.calls.push('get');
    return this.stored.get(source);
  }
  async getMany(sources: string[]) {
    this.calls.push('getMany');
    return new Map(
      sources.flatMap(s =>
        this.stored.has(s) ? [[s, this.stored.get(s)!]] : [],
      ),
    ) as Map<string, ContractSnapshot>;
  }
  async put(snapshot: ContractSnapshot) {
    this.calls.push('put');
    this.stored.set(snapshot.source, snapshot);
  }
  async touch(source: string, fetchedAt: Date) {
    this.calls.push('touch');
    this.stored.set(source, { ...this.stored.get(source)!, fetchedAt });
  }
}

const reader = (settings: { recheckMs?: number } = { recheckMs: 0 }) => {
  const owner = mockCredentials.user('user:default/owner');
  let current = entity();
  const visible = new Set([JSON.stringify(owner.principal)]);
  const catalogReads: BackstageCredentials[] = [];
  const catalog = {
    async getEntityByRef(
      _ref: string,
      options: { credentials: BackstageCredentials },
    ) {
      catalogReads.push(options.credentials);
      return visible.has(JSON.stringify(options.credentials.principal))
        ? current
        : undefined;
    },
  } as unknown as CatalogService;
  const urlReader = new FakeReader();
  const snapshots = new FakeSnapshots();
  const service = new DataProductProfileService({
    catalog,
    urlReader: urlReader as unknown as UrlReaderService,
    snapshots,
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    dataProductTypes: ['data-product'],
    logger: mockServices.logger.mock(),
    ...settings,
  });
  return {
    service,
    owner,
    urlReader,
    snapshots,
    catalogReads,
    setEntity: (e: Entity) => {
      current = e;
    },
  };
};

describe('DataProductProfileService', () => {
  it('returns the same frozen profile while nothing changed, reading everything again each time', async () => {
    const { service, owner, urlReader, snapshots, catalogReads } = reader();
    const first = await service.getProfile('component:default/orders', owner);
    const second = await service.getProfile('component:default/orders', owner);
    expect(second).toBe(first);
    expect(Object.isFrozen(first.contracts[0].tables[0].columns)).toBe(true);
    expect(() => {
      (first.tags as string[]).push('x');
    }).toThrow(TypeError);
    // the entity (the permission check) and both files on every call; the database once
    expect(catalogReads).toHaveLength(2);
    expect(urlReader.reads.sort()).toEqual(
      [CONTRACT_URL, CONTRACT_URL, DOCS_URL, DOCS_URL].sort(),
    );
    expect(snapshots.calls).toEqual(['get', 'put']);
  });

  it('rebuilds the profile when the contract, the docs or the entity change', async () => {
    const { service, owner, urlReader, setEntity } = reader();
    const ref = 'component:default/orders';
    const first = await service.getProfile(ref, owner);

    const contract = urlReader.files.get(CONTRACT_URL)!;
    urlReader.files.set(
      CONTRACT_URL,
      contract.replace(/description: [^\n]*/, 'description: Rewritten.'),
    );
    const afterContract = await service.getProfile(ref, owner);
    expect(afterContract).not.toBe(first);
    expect(JSON.stringify(afterContract.contracts)).toContain('Rewritten.');

    urlReader.files.set(DOCS_URL, '# Orders\n\nNew docs.');
    const afterDocs = await service.getProfile(ref, owner);
    expect(afterDocs).not.toBe(afterContract);
    expect(afterDocs.docs).toContain('New docs.');

    setEntity(entity('Order headers'));
    const afterEntity = await service.getProfile(ref, owner);
    expect(afterEntity).not.toBe(afterDocs);
    expect(afterEntity.title).toBe('Order headers');
  });

  it('reads the sources again only once the recheck interval has passed', async () => {
    const { service, owner, urlReader } = reader({ recheckMs: 200 });
    const ref = 'component:default/orders';
    const first = await service.getProfile(ref, owner);
    urlReader.files.set(DOCS_URL, '# Orders\n\nNew docs.');
    // within the interval: the last reads stand, nothing is read
    expect(await service.getProfile(ref, owner)).toBe(first);
    expect(urlReader.reads.sort()).toEqual([CONTRACT_URL, DOCS_URL].sort());
    await new Promise(resolve => setTimeout(resolve, 250));
    const later = await service.getProfile(ref, owner);
    expect(later.docs).toContain('New docs.');
    expect(urlReader.reads).toHaveLength(4);
  });

  it('checks the caller on every call: a cached profile is not served to someone who may not read it', async () => {
    const { service, owner } = reader();
    await service.getProfile('component:default/orders', owner);
    await expect(
      service.getProfile(
        'component:default/orders',
        mockCredentials.user('user:default/stranger'),
      ),
    ).rejects.toThrow(/No entity/);
  });

  it('marks an unchanged contract fetched at most once a minute', async () => {
    const { service, owner, snapshots } = reader();
    const ref = 'component:default/orders';
    await service.getProfile(ref, owner);
    const stored = snapshots.stored.get(CONTRACT_URL)!;
    // a snapshot fetched two minutes ago, as another instance left it
    const old = { ...stored, fetchedAt: new Date(Date.now() - 120_000) };
    const fresh = reader();
    fresh.snapshots.stored.set(CONTRACT_URL, old);
    await fresh.service.getProfile(ref, fresh.owner);
    await fresh.service.getProfile(ref, fresh.owner);
    expect(fresh.snapshots.calls).toEqual(['get', 'touch']);
  });
});
