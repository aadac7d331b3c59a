import { describe, expect, it } from 'vitest';
import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { ProductAccess } from './ProductAccess';

const product: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'sales-orders', namespace: 'default' },
  spec: { type: 'data-product', domain: 'sales' },
};

function setup(options: { ttlMs?: number } = {}) {
  const decisions: AuthorizeResult[] = [];
  const asked: Array<{ permission: string; resourceRef?: string; by: string }> =
    [];
  const reads: Array<{ ref: string; by: string }> = [];
  const who = (c: BackstageCredentials) => {
    const p = c.principal as { userEntityRef?: string; subject?: string };
    return p.userEntityRef ?? p.subject ?? 'unknown';
  };
  const permissions = {
    async authorize(
      requests: any[],
      opts: { credentials: BackstageCredentials },
    ) {
      return requests.map(r => {
        asked.push({
          permission: r.permission.name,
          resourceRef: r.resourceRef,
          by: who(opts.credentials),
        });
        return { result: decisions.shift() ?? AuthorizeResult.ALLOW };
      });
    },
  } as unknown as PermissionsService;
  let catalog: Record<string, Entity | 'not-a-product'> = {
    'component:default/sales-orders': product,
  };
  const profiles = {
    async getDataProduct(ref: string, credentials: BackstageCredentials) {
      reads.push({ ref, by: who(credentials) });
      const found = catalog[ref];
      if (!found) throw new NotFoundError(`No entity ${ref} in the catalog`);
      if (found === 'not-a-product')
        throw new InputError(`${ref} is not a data product`);
      return found;
    },
  } as unknown as DataProductProfileService;
  const auth = {
    async getOwnServiceCredentials() {
      return mockCredentials.service('plugin:data-product-assistant');
    },
  } as unknown as AuthService;
  const access = new ProductAccess({
    profiles,
    permissions,
    auth,
    ttlMs: options.ttlMs,
  });
  return {
    access,
    asked,
    reads,
    decisions,
    setCatalog: (c: typeof catalog) => {
      catalog = c;
    },
  };
}

const alice = mockCredentials.user('user:default/alice');

describe('ProductAccess', () => {
  it("asks the caller's read permission for the entity on every call, with the caller's credentials", async () => {
    const { access, asked, reads } = setup();
    for (let i = 0; i < 3; i++) {
      const readable = await access.readable(
        'component:default/sales-orders',
        alice,
      );
      expect(readable).toEqual({
        entityRef: 'component:default/sales-orders',
        entity: product,
      });
    }
    expect(asked).toEqual(
      Array.from({ length: 3 }, () => ({
        permission: 'catalog.entity.read',
        resourceRef: 'component:default/sales-orders',
        by: 'user:default/alice',
      })),
    );
    // The entity itself is read once, with the plugin's own credentials.
    expect(reads).toEqual([
      {
        ref: 'component:default/sales-orders',
        by: 'plugin:data-product-assistant',
      },
    ]);
  });

  it('keeps no decision: a permission withdrawn between two calls refuses the second', async () => {
    const { access, decisions } = setup();
    await access.readable('component:default/sales-orders', alice);
    decisions.push(AuthorizeResult.DENY);
    await expect(
      access.readable('component:default/sales-orders', alice),
    ).rejects.toThrow(NotFoundError);
    await expect(
      access.readable('component:default/sales-orders', alice),
    ).resolves.toMatchObject({ entityRef: 'component:default/sales-orders' });
  });

  it('tells a caller who may not read the entity nothing about it, not even that it is no data product', async () => {
    const { access, decisions, setCatalog } = setup();
    setCatalog({ 'component:default/a-service': 'not-a-product' });
    decisions.push(AuthorizeResult.DENY);
    const denied = access.readable('component:default/a-service', alice);
    await expect(denied).rejects.toThrow(NotFoundError);
    await expect(denied).rejects.toThrow(
      'No entity component:default/a-service in the catalog',
    );
    // Allowed, the caller learns what it is.
    await expect(
      access.readable('component:default/a-service', alice),
    ).rejects.toThrow(InputError);
    await expect(
      access.readable('component:default/missing', alice),
    ).rejects.toThrow(NotFoundError);
  });

  it('reads the entity again once its time is up', async () => {
    const { access, reads } = setup({ ttlMs: 20 });
    await access.readable('component:default/sales-orders', alice);
    await access.readable('component:default/sales-orders', alice);
    expect(reads).toHaveLength(1);
    await new Promise(r => setTimeout(r, 40));
    await access.readable('component:default/sales-orders', alice);
    expect(reads).toHaveLength(2);
  });

  it('normalises short refs and refuses ones the catalog cannot hold', async () => {
    const { access, asked } = setup();
    await expect(access.readable('sales-orders', alice)).resolves.toMatchObject(
      { entityRef: 'component:default/sales-orders' },
    );
    expect(asked[0].resourceRef).toBe('component:default/sales-orders');
    await expect(
      access.readable('component:default/a b', alice),
    ).rejects.toThrow(InputError);
  });
});
