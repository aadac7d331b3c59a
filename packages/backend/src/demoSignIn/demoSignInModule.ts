import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The provider id: `auth.providers.demo-analyst` in app-config, `/api/auth/demo-analyst`. */
export const DEMO_ANALYST_PROVIDER = 'demo-analyst';

/**
 * Like the guest provider, a sign-in without credentials, for local use only
 * unless `dangerouslyAllowOutsideDevelopment` says otherwise.
 */
const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    const allowed =
      process.env.NODE_ENV === 'development' ||
      config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') === true;
    return { allowed };
  },
  async authenticate(_, { allowed }) {
    if (!allowed) {
      throw new NotAllowedError(
        `The ${DEMO_ANALYST_PROVIDER} sign-in is for local demos: enable auth.providers.${DEMO_ANALYST_PROVIDER}.dangerouslyAllowOutsideDevelopment to use it elsewhere`,
      );
    }
    return { result: {} };
  },
});

/**
 * A second demo identity beside the guest: signs in as the catalog user named
 * by `auth.providers.demo-analyst.userEntityRef` (the demo's
 * `user:default/erin` of marketing-team), so the asker's and the owner's side
 * of a data product (and the owners' notifications) can both be tried.
 * Registered only when app-config configures the provider.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-analyst-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const settings = config.getOptionalConfig(
          `auth.providers.${DEMO_ANALYST_PROVIDER}`,
        );
        if (!settings) return;
        const userEntityRef = settings.getString('userEntityRef');
        providers.registerProvider({
          providerId: DEMO_ANALYST_PROVIDER,
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver(_, ctx) {
              return ctx.signInWithCatalogUser({ entityRef: userEntityRef });
            },
          }),
        });
      },
    });
  },
});
