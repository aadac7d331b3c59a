import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

export interface PageControlsProps {
  /** Items in all. */
  total: number;
  /** Index of the first item shown. */
  offset: number;
  pageSize: number;
  /** Items on this page (fewer than `pageSize` on the last page). */
  shown: number;
  onPage: (offset: number) => void;
  /** Names the navigation, e.g. "Pages of past questions". */
  label: string;
  /** For tests and the browser tests. */
  testId?: string;
}

/** "Previous · 6–10 of 23 · Next"; nothing when everything fits on one page. */
export function PageControls(props: PageControlsProps): JSX.Element | null {
  const { total, offset, pageSize, shown, onPage, label, testId } = props;
  if (total <= pageSize && offset === 0) return null;
  const last = Math.min(offset + shown, total);
  return (
    <Box
      component="nav"
      aria-label={label}
      display="flex"
      alignItems="center"
      style={{ gap: 12 }}
    >
      <Button
        variant="outlined"
        size="small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        Previous
      </Button>
      <Typography variant="body2" data-testid={testId} aria-live="polite">
        {shown > 0 ? `${offset + 1}–${last}` : '0'} of {total}
      </Typography>
      <Button
        variant="outlined"
        size="small"
        disabled={offset + pageSize >= total}
        onClick={() => onPage(offset + pageSize)}
      >
        Next
      </Button>
    </Box>
  );
}
