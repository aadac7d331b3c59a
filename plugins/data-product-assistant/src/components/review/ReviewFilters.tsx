import { useId } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  ReviewOrder,
  ReviewReason,
  ReviewState,
} from '@dpa/plugin-data-product-assistant-common';
import { SortSelect } from '../paging';
import {
  productLabel,
  reasonLabels,
  reviewReasons,
  reviewStates,
  stateLabels,
} from './formatReview';
import { ReviewFilterValues } from './useReviewFilters';

export interface ReviewFiltersProps {
  /** The data products the caller reviews. */
  products: string[];
  value: ReviewFilterValues;
  onChange: (next: ReviewFilterValues) => void;
}

/**
 * Product, verdict and review state of the answers shown: "Pending" is the
 * queue itself, the others what owners already decided.
 */
export function ReviewFilters(props: ReviewFiltersProps): JSX.Element {
  const { products, value, onChange } = props;
  const id = useId();
  // A preselected product the caller does not review stays selectable.
  const choices =
    value.product && !products.includes(value.product)
      ? [value.product, ...products]
      : products;

  return (
    <Box
      component="form"
      role="search"
      aria-label="Review filters"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      onSubmit={event => event.preventDefault()}
    >
      <TextField
        id={`${id}-product`}
        select
        label="Product"
        variant="outlined"
        size="small"
        value={value.product ?? ''}
        onChange={event =>
          onChange({ ...value, product: event.target.value || undefined })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 220 }}
      >
        <option value="">All my data products</option>
        {choices.map(ref => (
          <option key={ref} value={ref}>
            {productLabel(ref)}
          </option>
        ))}
      </TextField>
      <TextField
        id={`${id}-verdict`}
        select
        label="Verdict"
        variant="outlined"
        size="small"
        value={value.verdict ?? ''}
        onChange={event =>
          onChange({
            ...value,
            verdict: (event.target.value || undefined) as
              | ReviewReason
              | undefined,
          })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 160 }}
      >
        <option value="">All verdicts</option>
        {reviewReasons.map(reason => (
          <option key={reason} value={reason}>
            {reasonLabels[reason]}
          </option>
        ))}
      </TextField>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body2" color="textSecondary" component="span">
          Show
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          aria-label="Review state"
          value={value.state}
          onChange={(_event, next: ReviewState | null) => {
            // Clicking the selected button deselects it: keep the state.
            if (next) onChange({ ...value, state: next });
          }}
        >
          {reviewStates.map(state => (
            <ToggleButton key={state} value={state}>
              {stateLabels[state]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <SortSelect<ReviewOrder>
        label="Order"
        value={value.order}
        onChange={order => onChange({ ...value, order })}
        options={[
          { value: 'newest', label: 'Newest first' },
          { value: 'oldest', label: 'Oldest first' },
        ]}
      />
    </Box>
  );
}
