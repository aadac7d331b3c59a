import { useCallback, useMemo, useState } from 'react';
import type { JSX } from 'react';
import { LoadErrorAlert } from '../LoadErrorAlert';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  InteropDecision,
  ReviewInteropItem,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { MappingRow } from '../interop/MappingRow';
import { countOf, productLabel } from './formatReview';
import { ProductLink } from './ProductLink';

export interface ReviewInteropListProps {
  /** Only this data product's suggestions. */
  product?: string;
}

interface Group {
  key: string;
  entityRef: string;
  other: string;
  items: ReviewInteropItem[];
}

const itemKey = (item: ReviewInteropItem) =>
  `${item.entityRef}#${item.mapping.id}`;

/** The suggestions grouped by the pair of products they join, in order of arrival. */
function groupByPair(items: ReviewInteropItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const { from, to } = item.mapping;
    const other = from.product === item.entityRef ? to.product : from.product;
    const key = `${item.entityRef}|${other}`;
    const group = groups.get(key) ?? {
      key,
      entityRef: item.entityRef,
      other,
      items: [],
    };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * "Relationship suggestions": pending column mappings on the data products
 * the caller owns, each explained, with Accept / Reject.
 */
export function ReviewInteropList(props: ReviewInteropListProps): JSX.Element {
  const { product } = props;
  const api = useApi(dataProductAssistantApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getReviewInterop(product ? { product } : undefined),
    [api, product],
  );
  const [decided, setDecided] = useState<Record<string, InteropDecision>>({});
  const decide = useCallback(
    (key: string) => (decision: InteropDecision) =>
      setDecided(current => ({ ...current, [key]: decision })),
    [],
  );
  const items = useMemo(() => value?.items ?? [], [value]);
  const groups = useMemo(() => groupByPair(items), [items]);
  const pending = items.filter(item => !decided[itemKey(item)]).length;

  return (
    <Box
      component="section"
      aria-labelledby="dpa-review-interop-heading"
      data-testid="review-interop"
    >
      <Typography
        variant="h5"
        component="h2"
        id="dpa-review-interop-heading"
        gutterBottom
      >
        Relationship suggestions
        {value && pending > 0 ? ` (${pending})` : ''}
      </Typography>
      {loading && <Progress />}
      {!loading && error && (
        <LoadErrorAlert
          title="Could not load the relationship suggestions"
          error={error}
          onRetry={retry}
        />
      )}
      {!loading && !error && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No relationship suggestions wait for your review
        </Typography>
      )}
      {!loading && !error && groups.length > 0 && (
        <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
          {groups.map(group => (
            <Card
              key={group.key}
              component="section"
              aria-label={`${productLabel(group.entityRef)} ↔ ${productLabel(
                group.other,
              )}`}
              variant="outlined"
              data-testid="review-interop-group"
            >
              <CardContent>
                <Typography variant="h6" component="h3">
                  <ProductLink entityRef={group.entityRef} /> ↔{' '}
                  <ProductLink entityRef={group.other} />
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {countOf(group.items.length, 'suggested mapping')} · you own{' '}
                  {productLabel(group.entityRef)}
                </Typography>
                <Box component="ul" p={0} m={0}>
                  {group.items.map(item => {
                    const key = itemKey(item);
                    const decision = decided[key];
                    return (
                      <MappingRow
                        key={key}
                        entityRef={item.entityRef}
                        mapping={
                          decision
                            ? { ...item.mapping, decision }
                            : item.mapping
                        }
                        canDecide={!decision}
                        onDecided={decide(key)}
                      />
                    );
                  })}
                </Box>
              </CardContent>
            </Card>
          ))}
        </Box>
      )}
    </Box>
  );
}
