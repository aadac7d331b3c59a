import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useApi } from '@backstage/core-plugin-api';
import { AskRecord } from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { AnswerDetails } from './AnswerDetails';
import { AskErrorAlert } from './AskErrorAlert';
import { formatTime } from './formatUsage';
import { VerdictBadge } from './VerdictBadge';
import { VerifiedLabel } from './VerifiedLabel';

/** Questions per page of the history. */
export const ASK_HISTORY_PAGE_SIZE = 5;

export interface AskHistoryProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
  /** Changing it reloads the history from the first page (after an ask). */
  refreshKey?: number;
  pageSize?: number;
}

interface HistoryState {
  items: AskRecord[];
  total: number;
  /** Loading the first page. */
  loading: boolean;
  /** Loading a further page. */
  loadingMore: boolean;
  error?: Error;
}

/** The data product's past questions, newest first, paged with "Load more". */
export function AskHistory(props: AskHistoryProps): JSX.Element {
  const { entityRef, refreshKey = 0 } = props;
  const pageSize = props.pageSize ?? ASK_HISTORY_PAGE_SIZE;
  const api = useApi(dataProductAssistantApiRef);
  const [state, setState] = useState<HistoryState>({
    items: [],
    total: 0,
    loading: true,
    loadingMore: false,
  });

  // Reload the first page when the product changes or after a new ask.
  useEffect(() => {
    const controller = new AbortController();
    setState(s => ({ ...s, loading: true, error: undefined }));
    api
      .listAsks(
        entityRef,
        { limit: pageSize, offset: 0 },
        { signal: controller.signal },
      )
      .then(
        page => {
          if (controller.signal.aborted) return;
          setState({
            items: page.items,
            total: page.total,
            loading: false,
            loadingMore: false,
          });
        },
        (error: Error) => {
          if (controller.signal.aborted) return;
          setState(s => ({ ...s, loading: false, error }));
        },
      );
    return () => controller.abort();
  }, [api, entityRef, pageSize, refreshKey]);

  const offset = state.items.length;
  const loadMore = useCallback(() => {
    setState(s => ({ ...s, loadingMore: true, error: undefined }));
    api.listAsks(entityRef, { limit: pageSize, offset }).then(
      page => {
        setState(s => {
          // Skip any record already shown (a new ask shifts the pages).
          const seen = new Set(s.items.map(item => item.id));
          return {
            items: [...s.items, ...page.items.filter(i => !seen.has(i.id))],
            total: page.total,
            loading: false,
            loadingMore: false,
          };
        });
      },
      (error: Error) => setState(s => ({ ...s, loadingMore: false, error })),
    );
  }, [api, entityRef, pageSize, offset]);

  return (
    <Box component="section" aria-labelledby="dpa-ask-history-heading">
      <Typography variant="h6" component="h3" id="dpa-ask-history-heading">
        Past questions{state.total > 0 ? ` (${state.total})` : ''}
      </Typography>
      {state.loading && <LinearProgress aria-label="Loading past questions" />}
      {!state.loading && state.error && (
        <AskErrorAlert
          error={state.error}
          action="Could not load the past questions"
        />
      )}
      {!state.loading && !state.error && state.items.length === 0 && (
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
                    />
                  </Box>
                </AccordionDetails>
              </Accordion>
            </Box>
          ))}
        </Box>
      )}
      {!state.loading && state.items.length < state.total && (
        <Box mt={1}>
          <Button
            variant="outlined"
            onClick={loadMore}
            disabled={state.loadingMore}
            startIcon={
              state.loadingMore ? <CircularProgress size={16} /> : undefined
            }
          >
            Load more
          </Button>
        </Box>
      )}
    </Box>
  );
}
