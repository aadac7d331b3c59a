import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { RelationshipKind } from '@dpa/plugin-data-product-assistant-common';

/** The chip text for each relationship kind: exactly these words. */
export const kindLabels: Record<RelationshipKind, string> = {
  'join-key': 'Join key',
  'same-concept': 'Same concept',
  none: 'No relationship',
};

/** What each kind means, shown as the chip's tooltip. */
export const kindDescriptions: Record<RelationshipKind, string> = {
  'join-key':
    'The columns hold the same key: the products can be joined on them',
  'same-concept':
    'The columns describe the same thing, but are not a key to join on',
  none: 'The columns are not related',
};

export interface KindChipProps {
  kind: RelationshipKind;
}

/** "Join key" or "Same concept". */
export function KindChip(props: KindChipProps): JSX.Element {
  const { kind } = props;
  return (
    <Chip
      size="small"
      variant={kind === 'join-key' ? 'default' : 'outlined'}
      color={kind === 'join-key' ? 'primary' : 'default'}
      icon={
        kind === 'join-key' ? (
          <VpnKeyIcon fontSize="small" />
        ) : (
          <CompareArrowsIcon fontSize="small" />
        )
      }
      label={kindLabels[kind] ?? kind}
      title={kindDescriptions[kind]}
      data-testid="kind-chip"
      data-kind={kind}
    />
  );
}
