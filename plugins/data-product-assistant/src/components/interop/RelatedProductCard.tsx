import { useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  InteropDecision,
  RelatedProduct,
} from '@dpa/plugin-data-product-assistant-common';
import { ConfidenceMeter } from './ConfidenceMeter';
import { MappingRow } from './MappingRow';

export interface RelatedProductCardProps {
  /** `kind:namespace/name` of the data product the suggestions belong to. */
  entityRef: string;
  product: RelatedProduct;
  /** Whether the viewer may accept or reject. */
  canDecide: boolean;
  onDecided: (decision: InteropDecision) => void;
  /** Whether the column mappings are shown at first; folded by default. */
  defaultExpanded?: boolean;
}

/** A link to an entity, or the plain text when the ref does not parse. */
function RefLink(props: {
  entityRef: string;
  defaultKind: string;
  children?: string;
}): JSX.Element {
  try {
    const ref = parseEntityRef(props.entityRef, {
      defaultKind: props.defaultKind,
      defaultNamespace: 'default',
    });
    return (
      <EntityRefLink entityRef={ref} defaultKind={props.defaultKind}>
        {props.children}
      </EntityRefLink>
    );
  } catch {
    return <>{props.children ?? props.entityRef}</>;
  }
}

function Fact(props: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      {props.label}: {props.children}
    </Typography>
  );
}

/**
 * Another data product this one fits with: a one-line summary (domain,
 * owner, best score, how many mappings, accepted and flagged ones), and every
 * column mapping to it behind "Show mappings".
 */
export function RelatedProductCard(
  props: RelatedProductCardProps,
): JSX.Element {
  const { entityRef, product, canDecide, onDecided } = props;
  const [expanded, setExpanded] = useState(props.defaultExpanded ?? false);
  const name = product.title ?? product.entityRef;
  const count = product.mappings.length;
  const accepted = product.mappings.filter(
    m => m.decision?.status === 'accepted',
  ).length;
  const flagged = product.mappings.filter(
    m => m.validation.status === 'flagged',
  ).length;
  const listId = `related-${product.entityRef}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <Card
      component="section"
      aria-label={name}
      variant="outlined"
      data-testid="related-product"
    >
      <CardContent>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          style={{ gap: 12 }}
        >
          <Typography variant="h6" component="h3">
            <RefLink entityRef={product.entityRef} defaultKind="component">
              {product.title}
            </RefLink>
          </Typography>
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <Typography variant="body2" color="textSecondary" component="span">
              Best
            </Typography>
            <ConfidenceMeter value={product.bestConfidence} />
          </Box>
        </Box>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mt={0.5}>
          {product.domain && (
            <Fact label="Domain">
              <RefLink entityRef={product.domain} defaultKind="domain" />
            </Fact>
          )}
          {product.owner && (
            <Fact label="Owner">
              <RefLink entityRef={product.owner} defaultKind="group" />
            </Fact>
          )}
          {accepted > 0 && (
            <Chip size="small" color="primary" label={`${accepted} accepted`} />
          )}
          {flagged > 0 && (
            <Chip
              size="small"
              variant="outlined"
              label={`${flagged} flagged`}
              data-testid="flagged-count"
            />
          )}
        </Box>
        <Box mt={0.5}>
          <Button
            size="small"
            onClick={() => setExpanded(e => !e)}
            aria-expanded={expanded}
            aria-controls={listId}
            startIcon={expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          >
            {expanded ? 'Hide' : 'Show'} {count} column{' '}
            {count === 1 ? 'mapping' : 'mappings'}
          </Button>
        </Box>
        <Collapse in={expanded} unmountOnExit>
          <Divider style={{ marginTop: 4 }} />
          <Box
            component="ul"
            id={listId}
            aria-label={`Column mappings with ${name}`}
            m={0}
            p={0}
          >
            {product.mappings.map(mapping => (
              <MappingRow
                key={mapping.id}
                entityRef={entityRef}
                mapping={mapping}
                canDecide={canDecide}
                onDecided={onDecided}
              />
            ))}
          </Box>
        </Collapse>
      </CardContent>
    </Card>
  );
}
