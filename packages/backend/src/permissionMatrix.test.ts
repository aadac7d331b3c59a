import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dataProductModelPromotePermission } from '@dpa/plugin-data-product-assistant-common';
import { fileUrlReaderServiceFactory } from '@dpa/plugin-data-product-assistant-backend';

/*
 * The route × role permission matrix, end to end: the real catalog reading the
 * demo catalog from its file location, the real permission backend with the
 * DataMeshPermissionPolicy, and the Data Product Assistant plugin, on SQLite
 * and PostgreSQL. Only authentication is mocked (mock tokens); who belongs to
 * which group comes from the catalog, as the auth backend's sign-in does.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const repoRoot = path.resolve(__dirname, '../../..');
const BASE = '/api/data-product-assistant';
const INVOICES = 'component:default/invoices';
const P = 'products/default/component/invoices';
const FINANCE_TEAM = 'group:default/finance-team';
/** Blocked by the finance validator (restricted invoices.billing_email), so it waits for review. */
const EMAILS = 'What are example customer email addresses?';

type Role = 'owner' | 'otherTeam' | 'guest' | 'admin';
const ROLES: Role[] = ['owner', 'otherTeam', 'guest', 'admin'];
/** Members per examples/catalog/org.yaml; invoices is owned by finance-team. */
const USERS: Record<Role, string> = {
  owner: 'user:default/dan', // finance-team
  otherTeam: 'user:default/bob', // customer-team
  guest: 'user:default/guest', // sales-team
  admin: 'user:default/pat', // platform-team = dataProductAssistant.adminGroups
};

interface Fixtures {
  askId: string;
  pendingAskIds: Record<Role, string>;
  noteToEditIds: Record<Role, string>;
  noteToDeleteIds: Record<Role, string>;
  suggestionId: string;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: object;
}

interface RouteCase {
  route: string;
  expected: Record<Role, number>;
  call: (fixtures: Fixtures, role: Role) => Call;
  /** Further assertions on a response with the expected status. */
  check?: (body: any, role: Role) => void;
}

const everyone = (status: number): Record<Role, number> => ({
  owner: status,
  otherTeam: status,
  guest: status,
  admin: status,
});
const ownerOnly = (status: number): Record<Role, number> => ({
  owner: status,
  otherTeam: 403,
  guest: 403,
  admin: 403,
});

const get = (p: string): Call => ({ method: 'GET', path: p });
const post = (p: string, body: object): Call => ({
  method: 'POST',
  path: p,
  body,
});

const ROUTES: RouteCase[] = [
  { route: 'GET /health', expected: everyone(200), call: () => get('/health') },
  {
    route: 'GET /:p/profile',
    expected: everyone(200),
    call: () => get(`/${P}/profile`),
    check: body => expect(body.entityRef).toBe(INVOICES),
  },
  {
    route: 'POST /ask',
    expected: everyone(201),
    call: () =>
      post('/ask', {
        entityRef: INVOICES,
        question: 'What is the grain of the invoices table?',
      }),
  },
  {
    route: 'GET /:p/asks',
    expected: everyone(200),
    call: () => get(`/${P}/asks`),
  },
  {
    route: 'GET /asks/:id',
    expected: everyone(200),
    call: f => get(`/asks/${f.askId}`),
  },
  {
    route: 'POST /asks/:id/feedback',
    expected: everyone(201),
    call: f => post(`/asks/${f.askId}/feedback`, { helpful: true }),
  },
  {
    route: 'GET /scorecards',
    expected: everyone(200),
    call: () => get('/scorecards'),
  },
  {
    route: 'GET /:p/interop',
    expected: everyone(200),
    call: () => get(`/${P}/interop`),
    check: (body, role) => expect(body.canDecide).toBe(role === 'owner'),
  },
  {
    route: 'POST /:p/interop/decisions',
    expected: ownerOnly(201),
    call: f =>
      post(`/${P}/interop/decisions`, {
        suggestionId: f.suggestionId,
        decision: 'accept',
      }),
  },
  {
    route: 'GET /interop/accepted',
    expected: everyone(403),
    call: () => get('/interop/accepted'),
  },
  {
    route: 'GET /:p/notes',
    expected: everyone(200),
    call: () => get(`/${P}/notes`),
  },
  {
    route: 'POST /:p/notes',
    expected: ownerOnly(201),
    call: () =>
      post(`/${P}/notes`, { text: 'Amounts are in invoice currency.' }),
  },
  {
    route: 'PUT /:p/notes/:id',
    expected: ownerOnly(200),
    call: (f, role) => ({
      method: 'PUT',
      path: `/${P}/notes/${f.noteToEditIds[role]}`,
      body: { text: 'Edited.' },
    }),
  },
  {
    route: 'DELETE /:p/notes/:id',
    expected: ownerOnly(204),
    call: (f, role) => ({
      method: 'DELETE',
      path: `/${P}/notes/${f.noteToDeleteIds[role]}`,
    }),
  },
  {
    route: 'GET /:p/verified',
    expected: everyone(200),
    call: () => get(`/${P}/verified`),
  },
  {
    route: 'GET /review',
    expected: everyone(200),
    call: () => get('/review'),
    check: (body, role) => {
      expect(body.products.includes(INVOICES)).toBe(role === 'owner');
      // Admins own no data product: promotion is all the policy grants them.
      if (role === 'admin') expect(body.products).toEqual([]);
    },
  },
  {
    route: 'GET /review?product=',
    expected: ownerOnly(200),
    call: () => get(`/review?product=${encodeURIComponent(INVOICES)}`),
  },
  {
    route: 'GET /review/interop?product=',
    expected: ownerOnly(200),
    call: () => get(`/review/interop?product=${encodeURIComponent(INVOICES)}`),
  },
  {
    route: 'GET /review/summary?product=',
    expected: everyone(200),
    call: () => get(`/review/summary?product=${encodeURIComponent(INVOICES)}`),
    check: (body, role) => expect(body.canReview).toBe(role === 'owner'),
  },
  {
    route: 'POST /review/asks/:id',
    expected: ownerOnly(200),
    call: (f, role) =>
      post(`/review/asks/${f.pendingAskIds[role]}`, {
        action: 'reject',
        comment: 'x',
      }),
  },
];

const CELLS = ROUTES.flatMap(route =>
  ROLES.map(role => ({
    route: route.route,
    role,
    status: route.expected[role],
    routeCase: route,
  })),
);

/** Every plugin its own database on the engine under test, as in a real deployment. */
function databasePerPlugin(databaseId: TestDatabaseId) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    async factory() {
      const knex = await databases.init(databaseId);
      return { getClient: async () => knex };
    },
  });
}

/**
 * Mock authentication, except that a token a plugin requests on behalf of a
 * user carries the plugin as actor, as the real auth service's tokens do (the
 * permission backend requires a resourceRef from users without an actor).
 */
const mockAuthWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const issue = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      if (auth.isPrincipal(options.onBehalfOf, 'user')) {
        return {
          token: mockCredentials.user.token(
            options.onBehalfOf.principal.userEntityRef,
            { actor: { subject: `plugin:${plugin.getId()}` } },
          ),
        };
      }
      return issue(options);
    };
    return auth;
  },
});

/**
 * The users' ownership refs from the catalog: the user and the groups it is a
 * member of, as the auth backend's catalog sign-in resolvers put in the token.
 */
const catalogUserInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: { auth: coreServices.auth, catalog: catalogServiceRef },
  factory({ auth, catalog }) {
    return {
      async getUserInfo(credentials) {
        if (!auth.isPrincipal(credentials, 'user')) {
          throw new Error('User info is only available for users');
        }
        const { userEntityRef } = credentials.principal;
        const user = await catalog.getEntityByRef(userEntityRef, {
          credentials: await auth.getOwnServiceCredentials(),
        });
        const groups = (user?.relations ?? [])
          .filter(r => r.type === RELATION_MEMBER_OF)
          .map(r => r.targetRef);
        return {
          userEntityRef,
          ownershipEntityRefs: [userEntityRef, ...groups],
        };
      },
    };
  },
});

describe.each(databases.eachSupportedId())(
  'route × role permission matrix on %s',
  databaseId => {
    let baseUrl: string;
    let permissions: PermissionsService;
    let fixtures: Fixtures;
    const actual = new Map<string, Partial<Record<Role, number | string>>>();

    const send = async (call: Call, authorization: string) => {
      const res = await fetch(`${baseUrl}${BASE}${call.path}`, {
        method: call.method,
        headers: {
          authorization,
          ...(call.body ? { 'content-type': 'application/json' } : {}),
        },
        body: call.body ? JSON.stringify(call.body) : undefined,
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    };
    const as = (role: Role, call: Call) =>
      send(call, mockCredentials.user.header(USERS[role]));
    /** A fixture the owner creates; anything but the expected status stops the suite. */
    const setUp = async (call: Call, status: number) => {
      const res = await as('owner', call);
      if (res.status !== status) {
        throw new Error(
          `Setting up: ${call.method} ${call.path} answered ${
            res.status
          }: ${JSON.stringify(res.body)}`,
        );
      }
      return res.body;
    };

    const catalog = async (query: string) => {
      const res = await fetch(`${baseUrl}/api/catalog/${query}`, {
        headers: { authorization: mockCredentials.service.header() },
      });
      return res.ok ? res.json() : undefined;
    };

    /** Until the catalog holds the 16 data products, their owners and the users' groups. */
    const catalogIngested = async () => {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const products = await catalog(
          'entities/by-query?filter=kind=component,spec.type=data-product&limit=100',
        );
        const invoices = await catalog(
          'entities/by-name/component/default/invoices',
        );
        const users = await Promise.all(
          ROLES.map(role =>
            catalog(
              `entities/by-name/user/default/${USERS[role].split('/')[1]}`,
            ),
          ),
        );
        if (
          products?.items?.length === 16 &&
          invoices?.relations?.some(
            (r: any) => r.type === 'ownedBy' && r.targetRef === FINANCE_TEAM,
          ) &&
          users.every(u =>
            u?.relations?.some((r: any) => r.type === RELATION_MEMBER_OF),
          )
        ) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(
            'The catalog did not ingest the demo catalog in time',
          );
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    };

    beforeAll(async () => {
      const probe = createBackendPlugin({
        pluginId: 'matrix-probe',
        register(env) {
          env.registerInit({
            deps: { permissions: coreServices.permissions },
            async init(deps) {
              permissions = deps.permissions;
            },
          });
        },
      });
      const backend = await startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              permission: { enabled: true },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'API',
                      'Resource',
                      'Location',
                      'Domain',
                      'Group',
                      'User',
                    ],
                  },
                ],
                locations: [
                  {
                    type: 'file',
                    target: path.join(
                      repoRoot,
                      'examples/catalog/catalog-info.yaml',
                    ),
                  },
                ],
              },
              dataProductAssistant: {
                dataProductTypes: ['data-product'],
                adminGroups: ['group:default/platform-team'],
                localFiles: { allow: [path.join(repoRoot, 'examples')] },
                clearance: {
                  default: 'internal',
                  groups: [
                    {
                      group: 'group:default/platform-team',
                      level: 'restricted',
                    },
                  ],
                },
                models: {
                  'strict-validator': {
                    provider: 'builtin',
                    model: 'validator-rules',
                    options: { minCoverage: 0.9 },
                  },
                },
                defaults: {
                  answerModel: 'builtin-answer',
                  validatorModel: 'builtin-validator',
                },
                domains: {
                  finance: {
                    answerModel: 'builtin-answer',
                    validatorModel: 'strict-validator',
                  },
                },
              },
            },
          }),
          databasePerPlugin(databaseId as TestDatabaseId),
          mockAuthWithActors,
          catalogUserInfo,
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          fileUrlReaderServiceFactory,
          import('@backstage/plugin-catalog-backend'),
          import('@dpa/plugin-catalog-backend-module-data-product-assistant'),
          import('@backstage/plugin-permission-backend'),
          import('./permissionPolicyModule'),
          import('@dpa/plugin-data-product-assistant-backend'),
          import('@backstage/plugin-notifications-backend'),
          probe,
        ],
      });
      baseUrl = `http://localhost:${backend.server.port()}`;
      await catalogIngested();

      const ask = async (question: string) =>
        setUp(post('/ask', { entityRef: INVOICES, question }), 201);
      const pendingAsk = async () => {
        const asked = await ask(EMAILS);
        if (!['blocked', 'flagged'].includes(asked.status)) {
          throw new Error(
            `Setting up: "${EMAILS}" was ${asked.status}, not queued for review`,
          );
        }
        return asked.id as string;
      };
      const note = async () =>
        (await setUp(post(`/${P}/notes`, { text: 'A fixture note.' }), 201))
          .id as string;
      const perRole = async (create: () => Promise<string>) => {
        const ids = {} as Record<Role, string>;
        for (const role of ROLES) ids[role] = await create();
        return ids;
      };

      // A suggestion between invoices and another finance product: nobody
      // but finance-team owns either side.
      const interop = await setUp(get(`/${P}/interop`), 200);
      const finance = interop.related.find(
        (r: any) => r.owner === FINANCE_TEAM && r.mappings.length > 0,
      );
      if (!finance) {
        throw new Error(
          `Setting up: no interop suggestion between invoices and a finance product: ${JSON.stringify(
            interop.related.map((r: any) => r.entityRef),
          )}`,
        );
      }

      fixtures = {
        askId: (await ask('Which columns does invoices have?')).id,
        pendingAskIds: await perRole(pendingAsk),
        noteToEditIds: await perRole(note),
        noteToDeleteIds: await perRole(note),
        suggestionId: finance.mappings[0].id,
      };
    });

    afterAll(() => {
      const rows = [...actual].map(([route, statuses]) => [
        route,
        ...ROLES.map(role => String(statuses[role] ?? '-')),
      ]);
      const header = ['route', ...ROLES];
      const widths = header.map((h, i) =>
        Math.max(h.length, ...rows.map(r => r[i].length)),
      );
      const line = (cells: string[]) =>
        cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
      // eslint-disable-next-line no-console
      console.log(
        [
          `Actual statuses on ${databaseId}:`,
          line(header),
          widths.map(w => '-'.repeat(w)).join('-|-'),
          ...rows.map(line),
        ].join('\n'),
      );
    });

    it.each(CELLS)(
      '$route as $role → $status',
      async ({ route, role, status, routeCase }) => {
        const res = await as(role, routeCase.call(fixtures, role));
        actual.set(route, { ...actual.get(route), [role]: res.status });
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        routeCase.check?.(res.body, role);
      },
    );

    it('GET /interop/accepted as a service → 200 with the accepted suggestion', async () => {
      const res = await send(
        get('/interop/accepted'),
        mockCredentials.service.header(),
      );
      expect(res.status).toBe(200);
      expect(res.body.map((r: any) => r.suggestionId)).toContain(
        fixtures.suggestionId,
      );
    });

    it("notifies the owning group's members, not the asker, when an answer waits for review", async () => {
      const asked = await as('otherTeam', {
        method: 'POST',
        path: '/ask',
        body: { entityRef: INVOICES, question: EMAILS },
      });
      expect(asked.status).toBe(201);
      expect(asked.body.status).toBe('blocked');
      const inbox = async (role: Role) => {
        const res = await fetch(
          `${baseUrl}/api/notifications/notifications?topic=data-product-review&limit=100`,
          {
            headers: {
              authorization: mockCredentials.user.header(USERS[role]),
            },
          },
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          notifications: Array<{
            payload: { scope?: string; title: string; link?: string };
          }>;
        };
        return body.notifications.filter(n =>
          n.payload.scope?.endsWith(asked.body.id),
        );
      };
      expect(await inbox('owner')).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            title: 'Invoices: an answer waits for your review',
            link: `/data-product-review?product=${encodeURIComponent(
              INVOICES,
            )}`,
          }),
        }),
      ]);
      expect(await inbox('otherTeam')).toEqual([]);
      expect(await inbox('admin')).toEqual([]);
    });

    // No route promotes a model (`dpa promote` writes the registry): the
    // permission is checked here through the real permissions service.
    it.each(
      ROLES.map(role => ({
        role,
        result: role === 'admin' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })),
    )(
      'authorize(model.promote) as $role → $result',
      async ({ role, result }) => {
        const [decision] = await permissions.authorize(
          [{ permission: dataProductModelPromotePermission }],
          { credentials: mockCredentials.user(USERS[role]) },
        );
        actual.set('authorize(model.promote)', {
          ...actual.get('authorize(model.promote)'),
          [role]: decision.result,
        });
        expect(decision.result).toBe(result);
      },
    );
  },
);
