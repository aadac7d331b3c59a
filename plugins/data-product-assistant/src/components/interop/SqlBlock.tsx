import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CodeSnippet } from '@backstage/core-components';

export interface SqlBlockProps {
  sql: string;
  /** Heading above the code; "Example join" by default. */
  title?: string;
}

/** An example SQL query, highlighted, with a copy button. */
export function SqlBlock(props: SqlBlockProps): JSX.Element {
  const { sql, title = 'Example join' } = props;
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h5" gutterBottom>
        {title}
      </Typography>
      <Box data-testid="sql-block" maxWidth="100%" overflow="auto">
        <CodeSnippet
          text={sql}
          language="sql"
          showCopyCodeButton
          wrapLongLines
        />
      </Box>
    </Box>
  );
}
