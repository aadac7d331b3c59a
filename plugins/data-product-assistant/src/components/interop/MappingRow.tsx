import { useCallback, useState } from 'react';
import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  InteropDecision,
  InteropMapping,
} from '@dpa/plugin-data-product-assistant-common';
import { ConfidenceMeter } from './ConfidenceMeter';
import { DecisionControls } from './DecisionControls';
import { DecisionState } from './DecisionState';
import { columnPath } from './formatInterop';
import { KindChip } from './KindChip';
import { MappingDetails } from './MappingDetails';

export interface MappingRowProps {
  /** `kind:namespace/name` of the data product the suggestions belong to. */
  entityRef: string;
  mapping: InteropMapping;
  /** Whether the viewer may accept or reject. */
  canDecide: boolean;
  /** Called with the stored decision once the backend has it. */
  onDecided: (decision: InteropDecision) => void;
}

/**
 * One column mapping: `table.column ↔ table.column`, its kind, score, the
 * validator's warnings, its evidence and explanation (folded), the owners'
 * decision and, for owners, the controls to make it.
 */
export function MappingRow(props: MappingRowProps): JSX.Element {
  const { entityRef, mapping, canDecide, onDecided } = props;
  const [pending, setPending] = useState<'accept' | 'reject'>();
  const name = `${columnPath(mapping.from)} ↔ ${columnPath(mapping.to)}`;
  const base = `interop-${mapping.id}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const decided = useCallback(
    (decision: InteropDecision) => {
      setPending(undefined);
      onDecided(decision);
    },
    [onDecided],
  );

  return (
    <Box
      component="li"
      aria-label={name}
      data-testid={`mapping-${mapping.id}`}
      py={1}
      style={{
        listStyle: 'none',
        opacity: pending === 'reject' ? 0.6 : 1,
      }}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 12 }}
      >
        <Typography
          variant="body1"
          component="span"
          style={{ fontFamily: 'monospace' }}
          data-testid="mapping-columns"
        >
          {name}
        </Typography>
        <KindChip kind={mapping.kind} />
        <ConfidenceMeter value={mapping.confidence} />
        <DecisionState decision={mapping.decision} pending={pending} />
      </Box>
      <Typography variant="body2" style={{ marginTop: 4 }}>
        {mapping.explanation.summary}
      </Typography>
      {mapping.validation.status === 'flagged' && (
        <Box mt={1}>
          <Alert severity="warning" data-testid="validation-warnings">
            <AlertTitle>Flagged by the validator</AlertTitle>
            {mapping.validation.issues.length === 0 ? (
              'Check this mapping before relying on it.'
            ) : (
              <ul
                aria-label="Validation issues"
                style={{ margin: 0, paddingLeft: 18 }}
              >
                {mapping.validation.issues.map((issue, index) => (
                  <li key={`${issue.code}-${index}`}>
                    {issue.message} (<code>{issue.code}</code>)
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </Box>
      )}
      <Box mt={1}>
        <Accordion variant="outlined" TransitionProps={{ unmountOnExit: true }}>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            id={`${base}-summary`}
            aria-controls={`${base}-explanation`}
          >
            <Typography variant="body2">Evidence and explanation</Typography>
          </AccordionSummary>
          <AccordionDetails id={`${base}-explanation`}>
            <Box
              width="100%"
              display="flex"
              flexDirection="column"
              // minWidth 0: a wide example query scrolls instead of pushing the caveats off the card
              style={{ gap: 12, minWidth: 0 }}
            >
              {mapping.evidence.length > 0 && (
                <Box component="section" aria-label="Evidence">
                  <Typography variant="subtitle2" component="h5">
                    Evidence
                  </Typography>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {mapping.evidence.map((item, index) => (
                      <li key={index}>
                        <Typography variant="body2" component="span">
                          {item}
                        </Typography>
                      </li>
                    ))}
                  </ul>
                </Box>
              )}
              <MappingDetails mapping={mapping} />
            </Box>
          </AccordionDetails>
        </Accordion>
      </Box>
      {canDecide && (
        <Box mt={1}>
          <DecisionControls
            entityRef={entityRef}
            mapping={mapping}
            onPending={setPending}
            onDecided={decided}
          />
        </Box>
      )}
    </Box>
  );
}
