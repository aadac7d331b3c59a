import { describe, expect, it } from 'vitest';
import {
  AuthorizeResult,
  type Permission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  dataProductInteropDecidePermission,
  dataProductKnowledgeWritePermission,
  dataProductModelPromotePermission,
  dataProductReviewPermission,
} from '@dpa/plugin-data-product-assistant-common';
import { DataMeshPermissionPolicy } from './permissionPolicy';

const policy = new DataMeshPermissionPolicy(['group:default/platform-team']);

function user(...claims: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: claims[0],
      ownershipEntityRefs: claims,
    },
    info: { userEntityRef: claims[0], ownershipEntityRefs: claims },
    token: 'token',
    credentials: {} as any,
  } as PolicyQueryUser;
}

const guest = user('user:default/guest', 'group:default/sales-team');
const otherTeam = user('user:default/bob', 'group:default/customer-team');
const admin = user('user:default/pat', 'group:default/platform-team');

const decide = (permission: Permission, who?: PolicyQueryUser) =>
  policy.handle({ permission }, who);

describe('DataMeshPermissionPolicy', () => {
  it.each([guest, otherTeam, admin])(
    'lets every signed-in user read the catalog',
    async who => {
      expect(await decide(catalogEntityReadPermission, who)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    },
  );

  it('denies everything to a request without a user', async () => {
    expect((await decide(catalogEntityReadPermission)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it.each([
    dataProductReviewPermission,
    dataProductKnowledgeWritePermission,
    dataProductInteropDecidePermission,
  ])('grants $name only on entities the caller owns', async permission => {
    const decision = await decide(permission, otherTeam);
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/bob', 'group:default/customer-team'] },
      },
    });
  });

  it('lets only admins promote models', async () => {
    expect(
      (await decide(dataProductModelPromotePermission, admin)).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await decide(dataProductModelPromotePermission, guest)).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it.each([catalogEntityCreatePermission, catalogLocationCreatePermission])(
    'denies catalog changes ($name) by default',
    async permission => {
      expect((await decide(permission, guest)).result).toBe(
        AuthorizeResult.DENY,
      );
      expect((await decide(permission, admin)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    },
  );

  it('denies entity deletion to non-admins', async () => {
    expect(
      (await decide(catalogEntityDeletePermission, otherTeam)).result,
    ).toBe(AuthorizeResult.DENY);
  });
});
