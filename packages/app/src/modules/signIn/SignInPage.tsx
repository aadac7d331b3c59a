import { SignInPage } from '@backstage/core-components';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The demo signs in with the guest provider (`auth.providers.guest` in the
 * backend config). Production apps replace it with their identity provider.
 */
export const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <SignInPage {...props} providers={['guest']} />,
  },
});
