import { useState } from 'react';
import type { JSX } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import type { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The demo's identities: each is a backend auth provider that signs in as
 * one catalog user without credentials (`auth.providers.<id>` in app-config,
 * local use only). Two teams, so the asker's and the owner's side of a data
 * product (and the owners' notifications) can both be tried.
 */
export const demoIdentities = [
  {
    provider: 'guest',
    name: 'Guest',
    team: 'sales-team',
    description:
      'Owns the sales data products (Sales Orders, Sales Order Lines, Sales Returns, Product Catalog): answers on them wait in your review queue and you are notified. Read-only everywhere else.',
  },
  {
    provider: 'demo-analyst',
    name: 'Erin Evans',
    team: 'marketing-team',
    description:
      'A marketing analyst: ask the sales data products as a consumer (what the validator withholds goes to the sales team), and own the marketing ones.',
  },
] as const;

/** Remembers the chosen identity across reloads, until sign-out. */
const CHOICE_KEY = 'dpa-demo-identity';

/** The identity with sign-out also forgetting the choice. */
function forgettingChoice(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(CHOICE_KEY);
      await identity.signOut();
    },
  };
}

/** Two cards, one per demo identity; the chosen one signs in through its provider. */
export function DemoSignInPage(props: SignInPageProps): JSX.Element {
  const [provider, setProvider] = useState<string | null>(() => {
    const saved = localStorage.getItem(CHOICE_KEY);
    return demoIdentities.some(i => i.provider === saved) ? saved : null;
  });
  if (provider) {
    return (
      <ProxiedSignInPage
        provider={provider}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingChoice(identity))
        }
      />
    );
  }
  return (
    <Page themeId="home">
      <Header title="Data Product Assistant demo" subtitle="Sign in as" />
      <Content>
        <Grid container spacing={3}>
          {demoIdentities.map(identity => (
            <Grid item xs={12} md={6} lg={4} key={identity.provider}>
              <InfoCard
                title={identity.name}
                subheader={`member of ${identity.team}`}
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => {
                      localStorage.setItem(CHOICE_KEY, identity.provider);
                      setProvider(identity.provider);
                    }}
                  >
                    Enter as {identity.name}
                  </Button>
                }
              >
                <Typography variant="body1">{identity.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * The demo signs in as the guest (sales-team) or as Erin (marketing-team),
 * each through a credential-less backend provider. Production apps replace
 * this page with their identity provider.
 */
export const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props => <DemoSignInPage {...props} />,
  },
});
