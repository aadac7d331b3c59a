import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
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
import { OwnershipChip, useIsDataProductOwner } from './OwnershipChip';
import { ProfileErrorPanel } from './ProfileErrorPanel';
import { ReviewSummaryAlert } from './review/ReviewSummaryAlert';

/** The Assistant tab's sections, in order: each is one sub-tab. */
export const assistantSections = [
  { id: 'ask', label: 'Ask' },
  { id: 'interop', label: 'Interoperability' },
  { id: 'profile', label: 'Profile' },
  { id: 'knowledge', label: 'Domain knowledge' },
] as const;

export type AssistantSection = (typeof assistantSections)[number]['id'];

const isSection = (value: string | null): value is AssistantSection =>
  assistantSections.some(s => s.id === value);

/** `?section=` of the address picks the sub-tab, so a link can open the Profile. */
export const SECTION_PARAM = 'section';

/**
 * The Assistant tab on a data product's entity page: one sub-tab at a time
 * (Ask, Interoperability, Profile, Domain knowledge), so every part is one
 * click away and the page stays short.
 */
export function AssistantTab(): JSX.Element {
  const { entity } = useEntity();
  const api = useApi(dataProductAssistantApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const { kind, namespace, name } = entityRef;
  const refString = stringifyEntityRef(entityRef);
  const { isOwner } = useIsDataProductOwner(entity);
  const [params, setParams] = useAppSearchParams();
  const requested = params.get(SECTION_PARAM);
  const section: AssistantSection = isSection(requested) ? requested : 'ask';

  const { value, loading, error } = useAsync(
    () => api.getProfile({ kind, namespace, name }),
    [api, kind, namespace, name],
  );

  const select = (next: AssistantSection) =>
    setParams(
      current => {
        const search = new URLSearchParams(current);
        if (next === 'ask') search.delete(SECTION_PARAM);
        else search.set(SECTION_PARAM, next);
        return search;
      },
      { replace: true },
    );

  const panelId = (id: AssistantSection) => `dpa-section-${id}`;
  const tabId = (id: AssistantSection) => `dpa-section-tab-${id}`;

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={1}
        style={{ gap: 12 }}
      >
        <Typography variant="h5" component="h2">
          Data product assistant
        </Typography>
        <OwnershipChip entity={entity} />
        {/* For the product's reviewers, when answers or suggestions wait; it arrives late, so it
            takes only the room left on this line and moves nothing below. */}
        <ReviewSummaryAlert entityRef={refString} />
      </Box>
      {/* An unreadable or invalid contract is never hidden behind a tab. */}
      {!loading && error && (
        <Box mb={2}>
          <ProfileErrorPanel error={error} />
        </Box>
      )}
      <Box mb={2} borderBottom={1} borderColor="divider">
        <Tabs
          value={section}
          onChange={(_, next: AssistantSection) => select(next)}
          aria-label="Assistant sections"
          indicatorColor="primary"
          textColor="primary"
          variant="scrollable"
          scrollButtons="auto"
        >
          {assistantSections.map(s => (
            <Tab
              key={s.id}
              value={s.id}
              label={s.label}
              id={tabId(s.id)}
              aria-controls={panelId(s.id)}
              data-testid={`section-tab-${s.id}`}
            />
          ))}
        </Tabs>
      </Box>
      <Box
        role="tabpanel"
        id={panelId(section)}
        aria-labelledby={tabId(section)}
        data-testid={`section-${section}`}
      >
        {section === 'ask' && (
          // Asking works without the profile: it feeds suggestions and access hints.
          <AskPanel entityRef={refString} profile={value} isOwner={isOwner} />
        )}
        {section === 'interop' && <InteropPanel entityRef={refString} />}
        {section === 'profile' && (
          <>
            {loading && <Progress />}
            {!loading && !error && value && (
              <DataProductProfileView profile={value} />
            )}
          </>
        )}
        {section === 'knowledge' && (
          <KnowledgeCard entity={entity} profile={value} />
        )}
      </Box>
    </Box>
  );
}
