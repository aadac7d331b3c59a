import { Fragment } from 'react';
import type { JSX } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import { AccessAndSupport } from './AccessAndSupport';
import { ColumnsTable } from './ColumnsTable';
import { DocsCard } from './DocsCard';
import { ProfileOverview } from './ProfileOverview';
import { SlaList } from './SlaList';

export interface DataProductProfileViewProps {
  profile: DataProductProfile;
}

/** Everything the profile holds: overview, tables, SLAs, access, docs. */
export function DataProductProfileView(
  props: DataProductProfileViewProps,
): JSX.Element {
  const { profile } = props;
  const several = profile.contracts.length > 1;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <ProfileOverview profile={profile} />
      </Grid>
      {profile.contracts.length === 0 && (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No contract"
            description="This data product has no data contract yet."
          />
        </Grid>
      )}
      {profile.contracts.map(contract => (
        <Fragment key={`${contract.id}@${contract.version}`}>
          {several && (
            <Grid item xs={12}>
              <Typography variant="h5" component="h2">
                {contract.name ?? contract.id} {contract.version}
              </Typography>
            </Grid>
          )}
          {contract.tables.map(table => (
            <Grid item xs={12} key={table.name}>
              <ColumnsTable table={table} />
            </Grid>
          ))}
          <Grid item xs={12} md={6}>
            <SlaList slas={contract.slas} />
          </Grid>
          <Grid item xs={12} md={6}>
            <AccessAndSupport contract={contract} />
          </Grid>
        </Fragment>
      ))}
      {profile.docs && (
        <Grid item xs={12}>
          <DocsCard docs={profile.docs} />
        </Grid>
      )}
    </Grid>
  );
}
