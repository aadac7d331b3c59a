import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useApi } from '@backstage/core-plugin-api';
import {
  AskRecord,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { PageControls, SortSelect } from '../paging';
import { AnswerDetails } from './AnswerDetails';
import { AskErrorAlert } from './AskErrorAlert';
import { formatTime } from './formatUsage';
import { VerdictBadge } from './VerdictBadge';
import { VerifiedLabel } from './VerifiedLabel';

/** Questions per page of the history. */
export const ASK_HISTORY_PAGE_SIZE = 5;

export type AskHistoryOrder = 'newest' | 'oldest';

export interface AskHistoryProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
  /** Changing it goes back to the first page (after an ask). */
  refreshKey?: number;
  pageSize?: number;
  /** The product's profile, for the answers' sources and access hints. */
  profile?: DataProductProfile;
  /** Whether the viewer owns the product. */
  isOwner?: boolean;
}

interface HistoryState {
  items: AskRecord[];
  total: number;
  loading: boolean;
  error?: Error;
}

/**
 * Which slice of the newest-first list holds page `page` in the chosen
 * order. The backend lists newest first; oldest first is the same list read
 * from its end, so the page is taken from there and reversed.
 */
export function historySlice(
  order: AskHistoryOrder,
  page: number,
  pageSize: number,
  total: number,
): { limit: number; offset: number } {
  if (order === 'newest') return { limit: pageSize, offset: page * pageSize };
  const end = total - page * pageSize;
  const offset = Math.max(0, end - pageSize);
  return { limit: Math.max(0, end - offset), offset };
}

/** The data product's past questions, a page at a time, newest or oldest first. */
export function AskHistory(props: AskHistoryProps): JSX.Element {
  const { entityRef, refreshKey = 0, profile, isOwner } = props;
  const pageSize = props.pageSize ?? ASK_HISTORY_PAGE_SIZE;
  const api = useApi(dataProductAssistantApiRef);
  const [order, setOrder] = useState<AskHistoryOrder>('newest');
  const [page, setPage] = useState(0);
  const [state, setState] = useState<HistoryState>({
    items: [],
    total: 0,
    loading: true,
  });

  // A new ask, another product or another order starts at the first page.
  useEffect(() => setPage(0), [entityRef, refreshKey, order]);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState(s => ({ ...s, loading: true, error: undefined }));
    (async () => {
      // Oldest first needs the total to find its end: the first page has it.
      let total = state.total;
      if (order === 'oldest' && (page === 0 || total === 0)) {
        total = (await api.listAsks(entityRef, { limit: 1 }, { signal })).total;
      }
      const slice = historySlice(order, page, pageSize, total);
      if (slice.limit === 0) return { items: [], total };
      const result = await api.listAsks(entityRef, slice, { signal });
      return {
        items: order === 'oldest' ? [...result.items].reverse() : result.items,
        total: result.total,
      };
    })().then(
      result => {
        if (!signal.aborted) setState({ ...result, loading: false });
      },
      (error: Error) => {
        if (!signal.aborted) setState(s => ({ ...s, loading: false, error }));
      },
    );
    return () => controller.abort();
    // state.total is read, not watched: a new total arrives with the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef, pageSize, refreshKey, order, page]);

  return (
    <Box component="section" aria-labelledby="dpa-ask-history-heading">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 12 }}
        mb={1}
      >
        <Typography variant="h6" component="h3" id="dpa-ask-history-heading">
          Past questions{state.total > 0 ? ` (${state.total})` : ''}
        </Typography>
        {state.total > 1 && (
          <SortSelect<AskHistoryOrder>
            label="Order"
            value={order}
            onChange={setOrder}
            options={[
              { value: 'newest', label: 'Newest first' },
              { value: 'oldest', label: 'Oldest first' },
            ]}
          />
        )}
      </Box>
      {state.loading && <LinearProgress aria-label="Loading past questions" />}
      {!state.loading && state.error && (
        <AskErrorAlert
          error={state.error}
          action="Could not load the past questions"
        />
      )}
      {!state.loading && !state.error && state.total === 0 && (
        <Typography variant="body2" color="textSecondary">
          No questions asked yet
        </Typography>
      )}
      {!state.loading && state.items.length > 0 && (
        <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {state.items.map(record => (
            <Box component="li" key={record.id} data-testid="ask-history-item">
              <Accordion TransitionProps={{ unmountOnExit: true }}>
                <AccordionSummary
                  expandIcon={<ExpandMoreIcon />}
                  id={`history-${record.id}-summary`}
                  aria-controls={`history-${record.id}-details`}
                >
                  <Box
                    display="flex"
                    alignItems="center"
                    flexWrap="wrap"
                    style={{ gap: 8 }}
                  >
                    <VerdictBadge status={record.status} />
                    {record.verified && (
                      <VerifiedLabel verified={record.verified} compact />
                    )}
                    <Typography variant="body2" component="span">
                      {record.question}
                    </Typography>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="time"
                      dateTime={record.createdAt}
                    >
                      {formatTime(record.createdAt)}
                    </Typography>
                  </Box>
                </AccordionSummary>
                <AccordionDetails id={`history-${record.id}-details`}>
                  <Box width="100%">
                    <AnswerDetails
                      record={record}
                      idPrefix={`history-${record.id}`}
                      profile={profile}
                      isOwner={isOwner}
                    />
                  </Box>
                </AccordionDetails>
              </Accordion>
            </Box>
          ))}
        </Box>
      )}
      {!state.error && (
        <Box mt={1}>
          <PageControls
            label="Pages of past questions"
            total={state.total}
            offset={page * pageSize}
            pageSize={pageSize}
            shown={state.items.length}
            onPage={next => setPage(Math.floor(next / pageSize))}
            testId="ask-history-page"
          />
        </Box>
      )}
    </Box>
  );
}
