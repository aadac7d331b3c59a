import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { AskRecord } from '@dpa/plugin-data-product-assistant-common';

export interface CitationListProps {
  citations: AskRecord['citations'];
  /** Distinguishes element ids when several answers are on the page. */
  idPrefix: string;
}

/**
 * The facts an answer cites. Each is a button named by its fact id that
 * expands to the exact fact text the models saw.
 */
export function CitationList(props: CitationListProps): JSX.Element | null {
  const { citations, idPrefix } = props;
  if (citations.length === 0) {
    return null;
  }
  return (
    <Box component="section" aria-label="Citations">
      <Typography variant="subtitle2" component="h4" gutterBottom>
        Citations ({citations.length})
      </Typography>
      {citations.map((citation, index) => {
        const base = `${idPrefix}-citation-${index}`;
        return (
          <Accordion
            key={citation.id}
            TransitionProps={{ unmountOnExit: true }}
            variant="outlined"
            data-testid={`citation-${citation.id}`}
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              id={`${base}-summary`}
              aria-controls={`${base}-text`}
            >
              <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
                {citation.id}
              </Typography>
            </AccordionSummary>
            <AccordionDetails id={`${base}-text`}>
              <Typography
                variant="body2"
                component="blockquote"
                style={{ whiteSpace: 'pre-wrap', margin: 0 }}
              >
                {citation.text}
              </Typography>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Box>
  );
}
