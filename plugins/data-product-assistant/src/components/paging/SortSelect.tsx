import { useId } from 'react';
import type { JSX } from 'react';
import TextField from '@material-ui/core/TextField';

export interface SortSelectProps<T extends string> {
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
  /** The field's label; "Sort by" by default. */
  label?: string;
}

/** A small "Sort by" choice. */
export function SortSelect<T extends string>(
  props: SortSelectProps<T>,
): JSX.Element {
  const { value, options, onChange, label = 'Sort by' } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      select
      label={label}
      variant="outlined"
      size="small"
      value={value}
      onChange={event => onChange(event.target.value as T)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 180 }}
    >
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
