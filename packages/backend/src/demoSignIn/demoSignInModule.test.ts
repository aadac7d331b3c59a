import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import demoSignInModule from './demoSignInModule';

const erin = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'erin', namespace: 'default' },
  spec: { memberOf: ['marketing-team'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/marketing-team' }],
};

async function start(
  provider:
    | { userEntityRef: string; dangerouslyAllowOutsideDevelopment?: boolean }
    | undefined,
) {
  return startTestBackend({
    features: [
      import('@backstage/plugin-auth-backend'),
      demoSignInModule,
      catalogServiceMock.factory({ entities: [erin] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            session: { secret: 'test' },
            providers: provider ? { 'demo-analyst': provider } : {},
          },
        },
      }),
    ],
  });
}

/** GET on the test backend, which listens on a free port. */
async function get(
  backend: Awaited<ReturnType<typeof start>>,
  path: string,
): Promise<{ status: number; body: any }> {
  const { port } = backend.server.address() as AddressInfo;
  const res = await fetch(`http://localhost:${port}${path}`);
  return { status: res.status, body: await res.json() };
}

const decode = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('the demo-analyst sign-in', () => {
  let backend: Awaited<ReturnType<typeof start>>;
  let refused: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    backend = await start({
      userEntityRef: 'user:default/erin',
      dangerouslyAllowOutsideDevelopment: true,
    });
    refused = await start({ userEntityRef: 'user:default/erin' });
  });
  afterAll(async () => {
    await backend?.stop();
    await refused?.stop();
  });

  it('signs in as the configured catalog user, with their groups', async () => {
    const res = await get(backend, '/api/auth/demo-analyst/refresh');
    expect(res.status).toBe(200);
    expect(decode(res.body.backstageIdentity.token).sub).toBe(
      'user:default/erin',
    );
    expect(res.body.backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/erin',
      ownershipEntityRefs: expect.arrayContaining([
        'group:default/marketing-team',
      ]),
    });
  });

  it('refuses outside development unless the config allows it', async () => {
    const res = await get(refused, '/api/auth/demo-analyst/refresh');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).toMatch(/local demos/);
  });
});
