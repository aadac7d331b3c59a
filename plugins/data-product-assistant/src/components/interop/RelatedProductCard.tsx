import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
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

/** Another data product this one fits with, and every column mapping to it. */
export function RelatedProductCard(
  props: RelatedProductCardProps,
): JSX.Element {
  const { entityRef, product, canDecide, onDecided } = props;
  const name = product.title ?? product.entityRef;
  const count = product.mappings.length;
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
              Best confidence
            </Typography>
            <ConfidenceMeter
              value={product.bestConfidence}
              label="Best confidence"
            />
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
          <Typography variant="body2" color="textSecondary" component="span">
            {count} column {count === 1 ? 'mapping' : 'mappings'}
          </Typography>
        </Box>
        <Divider style={{ marginTop: 8 }} />
        <Box
          component="ul"
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
      </CardContent>
    </Card>
  );
}
