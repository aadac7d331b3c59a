import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  AskCitation,
  ColumnProfile,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { ClassificationBadge } from '../ClassificationBadge';
import { PiiBadge } from '../PiiBadge';
import { citationKind, citationLabel } from './citationLabel';

export interface CitationListProps {
  citations: AskCitation[];
  /** Distinguishes element ids when several answers are on the page. */
  idPrefix: string;
  /** The product's profile: a cited column is shown as the contract describes it. */
  profile?: DataProductProfile;
}

/** The column a column (or classification) citation is about, from the profile. */
function citedColumn(
  citation: AskCitation,
  profile: DataProductProfile | undefined,
): ColumnProfile | undefined {
  const kind = citationKind(citation);
  if (!profile || (kind !== 'column' && kind !== 'classification'))
    return undefined;
  const [table, column] =
    citation.table && citation.column
      ? [citation.table, citation.column]
      : citation.id.replace(/^[a-z]+:/, '').split('.', 2);
  return profile.contracts
    .flatMap(c => c.tables)
    .find(t => t.name === table)
    ?.columns.find(c => c.name === column);
}

function ColumnFacts(props: { column: ColumnProfile }): JSX.Element {
  const { column } = props;
  const type = [column.logicalType, column.physicalType]
    .filter(Boolean)
    .join(', ');
  const flags = [
    column.primaryKey && 'primary key',
    column.required ? 'required' : 'optional',
    column.unique && 'unique',
  ].filter(Boolean);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 8 }}
      mb={1}
      data-testid="cited-column"
    >
      {type && (
        <Typography variant="body2" component="span">
          {type}
        </Typography>
      )}
      <Typography variant="body2" component="span" color="textSecondary">
        {flags.join(' · ')}
      </Typography>
      <ClassificationBadge classification={column.classification} />
      <PiiBadge pii={column.pii} piiTypes={column.piiTypes} />
    </Box>
  );
}

/**
 * The facts an answer cites, each named as a person reads it ("Column
 * orders.status", "SLA: latency", "Owner") and expanding to the fact itself:
 * for a column, how the contract describes it, and the fact's own text.
 */
export function CitationList(props: CitationListProps): JSX.Element | null {
  const { citations, idPrefix, profile } = props;
  if (citations.length === 0) {
    return null;
  }
  return (
    <Box component="section" aria-label="Citations">
      <Typography variant="subtitle2" component="h4" gutterBottom>
        Sources ({citations.length})
      </Typography>
      {citations.map((citation, index) => {
        const base = `${idPrefix}-citation-${index}`;
        const label = citationLabel(citation);
        const column = citedColumn(citation, profile);
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
              <Typography variant="body2" component="span">
                {label}
              </Typography>
            </AccordionSummary>
            <AccordionDetails id={`${base}-text`}>
              <Box width="100%">
                {column && <ColumnFacts column={column} />}
                <Typography
                  variant="body2"
                  component="blockquote"
                  style={{
                    whiteSpace: 'pre-wrap',
                    margin: 0,
                    paddingLeft: 12,
                    borderLeft: '3px solid rgba(128,128,128,0.4)',
                  }}
                  data-testid="cited-fact"
                >
                  {citation.text}
                </Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                  style={{ marginTop: 4 }}
                >
                  Fact <code>{citation.id}</code> of the product's metadata
                </Typography>
              </Box>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Box>
  );
}
