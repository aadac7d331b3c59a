import type { JSX, ReactNode } from 'react';
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
import { Link } from '@backstage/core-components';
import { ClassificationBadge } from '../ClassificationBadge';
import { slaPropertyLabel, slaValueLabel } from '../formatSla';
import { PiiBadge } from '../PiiBadge';
import { UserRefLink } from '../UserRefLink';
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

const key = (id: string) =>
  id
    .replace(/^[a-z]+:/, '')
    .replace(/~\d+$/, '')
    .replace(/#\d+$/, '');

/**
 * The cited fact as the profile holds it, for the kinds a reader checks
 * against the source: a column, an SLA, a support channel, an access role,
 * the owner. Nothing for other kinds, or without the profile.
 */
function CitedFact(props: {
  citation: AskCitation;
  profile?: DataProductProfile;
}): JSX.Element | null {
  const { citation, profile } = props;
  if (!profile) return null;
  const contracts = profile.contracts;
  const line = (children: ReactNode) => (
    <Typography variant="body2" component="p" data-testid="cited-source">
      {children}
    </Typography>
  );
  switch (citationKind(citation)) {
    case 'column':
    case 'classification': {
      const column = citedColumn(citation, profile);
      return column ? <ColumnFacts column={column} /> : null;
    }
    case 'sla': {
      const slas = contracts
        .flatMap(c => c.slas)
        .filter(sla => sla.property === key(citation.id));
      if (slas.length === 0) return null;
      return line(
        slas
          .map(
            sla =>
              `${slaPropertyLabel(sla.property)}: ${slaValueLabel(sla)}${
                sla.element ? ` (${sla.element})` : ''
              }`,
          )
          .join('; '),
      );
    }
    case 'support': {
      const channel = contracts
        .flatMap(c => c.support)
        .find(c => c.channel === key(citation.id));
      if (!channel) return null;
      return line(
        <>
          {channel.url ? (
            <Link to={channel.url}>{channel.channel}</Link>
          ) : (
            channel.channel
          )}
          {channel.tool ? ` (${channel.tool})` : ''}
        </>,
      );
    }
    case 'role': {
      const role = contracts
        .flatMap(c => c.roles)
        .find(r => r.role === key(citation.id));
      if (!role) return null;
      return line(
        `${role.role}${role.access ? ` (${role.access})` : ''}${
          role.approvers.length
            ? `, approved by ${role.approvers.join(', ')}`
            : ''
        }`,
      );
    }
    case 'owner':
      return profile.owner
        ? line(
            <>
              Owner: <UserRefLink userRef={profile.owner} />
            </>,
          )
        : null;
    default:
      return null;
  }
}

/**
 * The facts an answer cites, each named as a person reads it ("Column
 * orders.status", "SLA: latency", "Owner") and expanding to the fact itself:
 * what the contract holds (a column's type, keys and classification, an
 * SLA's promise, a support channel, a role's approvers, the owner) and the
 * fact's own text.
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
                <CitedFact citation={citation} profile={profile} />
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
