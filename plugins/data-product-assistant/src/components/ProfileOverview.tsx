import type { JSX, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ContractProfile,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';

const useStyles = makeStyles(theme => ({
  label: {
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    fontSize: '10px',
    fontWeight: 'bold',
    letterSpacing: 0.5,
  },
  contract: {
    borderTop: `1px solid ${theme.palette.divider}`,
    paddingTop: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

export interface ProfileOverviewProps {
  profile: DataProductProfile;
}

function Field(props: { label: string; children: ReactNode; xs?: 12 | 6 | 4 }) {
  const classes = useStyles();
  return (
    <Grid item xs={12} md={props.xs ?? 6}>
      <Typography className={classes.label} component="h3">
        {props.label}
      </Typography>
      <Box mt={0.5}>{props.children}</Box>
    </Grid>
  );
}

function None(): JSX.Element {
  return (
    <Typography variant="body2" color="textSecondary">
      None
    </Typography>
  );
}

function ContractSummary(props: {
  contract: ContractProfile & { source: string };
}): JSX.Element {
  const classes = useStyles();
  const { contract } = props;
  return (
    <Box
      className={classes.contract}
      component="section"
      aria-label={`Contract ${contract.id}`}
    >
      <Typography variant="h6" component="h3">
        Contract {contract.name ?? contract.id}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} my={1}>
        <Chip size="small" label={`id: ${contract.id}`} />
        <Chip size="small" label={`version ${contract.version}`} />
        <Chip
          size="small"
          label={`status: ${contract.status}`}
          aria-label={`Contract status: ${contract.status}`}
          color={contract.status === 'active' ? 'primary' : 'default'}
        />
        <Chip
          size="small"
          variant="outlined"
          label={`ODCS ${contract.apiVersion}`}
        />
      </Box>
      <Grid container spacing={2}>
        {contract.purpose && (
          <Field label="Purpose" xs={12}>
            <Typography variant="body2">{contract.purpose}</Typography>
          </Field>
        )}
        {contract.usage && (
          <Field label="Usage" xs={12}>
            <Typography variant="body2">{contract.usage}</Typography>
          </Field>
        )}
        {contract.limitations && (
          <Field label="Limitations" xs={12}>
            <Typography variant="body2">{contract.limitations}</Typography>
          </Field>
        )}
      </Grid>
    </Box>
  );
}

/** Who owns the data product, where it sits, and what its contracts promise. */
export function ProfileOverview(props: ProfileOverviewProps): JSX.Element {
  const { profile } = props;
  return (
    <InfoCard title={profile.title ?? profile.entityRef}>
      {profile.description && (
        <Box mb={2}>
          <Typography variant="body1">{profile.description}</Typography>
        </Box>
      )}
      <Grid container spacing={2}>
        <Field label="Owner">
          {profile.owner ? (
            <EntityRefLink
              entityRef={parseEntityRef(profile.owner, {
                defaultKind: 'group',
                defaultNamespace: 'default',
              })}
            />
          ) : (
            <None />
          )}
        </Field>
        <Field label="Domain">
          {profile.domain ? (
            <EntityRefLink
              // spec.domain is usually a bare name
              entityRef={parseEntityRef(profile.domain, {
                defaultKind: 'domain',
                defaultNamespace: 'default',
              })}
            />
          ) : (
            <None />
          )}
        </Field>
        <Field label="Tags" xs={12}>
          {profile.tags.length > 0 ? (
            <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
              {profile.tags.map(tag => (
                <Chip key={tag} size="small" label={tag} />
              ))}
            </Box>
          ) : (
            <None />
          )}
        </Field>
        <Field label="Upstream (depends on)">
          {profile.dependsOn.length > 0 ? (
            <EntityRefLinks entityRefs={profile.dependsOn} />
          ) : (
            <None />
          )}
        </Field>
        <Field label="Downstream (dependents)">
          {profile.dependents.length > 0 ? (
            <EntityRefLinks entityRefs={profile.dependents} />
          ) : (
            <None />
          )}
        </Field>
      </Grid>
      {profile.contracts.map(contract => (
        <ContractSummary
          key={`${contract.id}@${contract.version}`}
          contract={contract}
        />
      ))}
    </InfoCard>
  );
}
