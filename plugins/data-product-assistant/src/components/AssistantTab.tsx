import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { dataProductAssistantApiRef } from '../api';
import { AskPanel } from './ask';
import { DataProductProfileView } from './DataProductProfileView';
import { InteropPanel } from './interop';
import { KnowledgeCard } from './knowledge';
import { OwnershipChip } from './OwnershipChip';
import { ProfileErrorPanel } from './ProfileErrorPanel';
import { ReviewSummaryAlert } from './review/ReviewSummaryAlert';

/** The Assistant tab on a data product's entity page. */
export function AssistantTab(): JSX.Element {
  const { entity } = useEntity();
  const api = useApi(dataProductAssistantApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const { kind, namespace, name } = entityRef;
  const refString = stringifyEntityRef(entityRef);

  const { value, loading, error } = useAsync(
    () => api.getProfile({ kind, namespace, name }),
    [api, kind, namespace, name],
  );

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={2}
        style={{ gap: 12 }}
      >
        <Typography variant="h5" component="h2">
          Data product assistant
        </Typography>
        <OwnershipChip entity={entity} />
      </Box>
      {/* For the product's reviewers, when answers or suggestions wait. */}
      <ReviewSummaryAlert entityRef={refString} />
      <Box mb={3}>
        {/* Asking works without the profile: it only feeds the suggestions. */}
        <AskPanel entityRef={refString} profile={value} />
      </Box>
      <Box mb={3}>
        <KnowledgeCard entity={entity} profile={value} />
      </Box>
      <Box mb={3}>
        <InteropPanel entityRef={refString} />
      </Box>
      {loading && <Progress />}
      {!loading && error && <ProfileErrorPanel error={error} />}
      {!loading && !error && value && (
        <DataProductProfileView profile={value} />
      )}
    </Box>
  );
}
