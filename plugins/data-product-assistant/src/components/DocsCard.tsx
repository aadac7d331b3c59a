import type { JSX } from 'react';
import { InfoCard, MarkdownContent } from '@backstage/core-components';

export interface DocsCardProps {
  /** Markdown documentation of the data product. */
  docs: string;
}

/** The data product's own documentation, rendered from markdown. */
export function DocsCard(props: DocsCardProps): JSX.Element {
  return (
    <InfoCard title="Documentation">
      <MarkdownContent content={props.docs} dialect="gfm" />
    </InfoCard>
  );
}
