import type { JSX } from 'react';
import ListItemText, {
  type ListItemTextProps,
} from '@material-ui/core/ListItemText';

const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/**
 * A list item's text that wraps inside its container. Backstage's theme
 * keeps dense list text on one line and hides the rest, which cuts long
 * messages (caveats, validator reasons) off at the card's edge.
 */
export function WrappingListItemText(props: ListItemTextProps): JSX.Element {
  return (
    <ListItemText
      {...props}
      style={{ ...wrap, minWidth: 0, ...props.style }}
      primaryTypographyProps={{
        ...props.primaryTypographyProps,
        style: { ...wrap, ...props.primaryTypographyProps?.style },
      }}
      secondaryTypographyProps={{
        ...props.secondaryTypographyProps,
        style: { ...wrap, ...props.secondaryTypographyProps?.style },
      }}
    />
  );
}
