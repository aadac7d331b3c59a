import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import LockIcon from '@material-ui/icons/Lock';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { dataProductReviewPermission } from '@dpa/plugin-data-product-assistant-common';

/**
 * Whether the signed-in user owns the data product, judged by the owner-only
 * review permission. Later owner actions hang off the same check.
 */
export function useIsDataProductOwner(entity: Entity): {
  loading: boolean;
  isOwner: boolean;
} {
  const { loading, allowed } = usePermission({
    permission: dataProductReviewPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  return { loading, isOwner: allowed };
}

/** "You own this data product" or "Read-only view". */
export function OwnershipChip(props: { entity: Entity }): JSX.Element | null {
  const { loading, isOwner } = useIsDataProductOwner(props.entity);
  if (loading) {
    return null;
  }
  return isOwner ? (
    <Chip
      size="small"
      color="primary"
      icon={<VerifiedUserIcon />}
      label="You own this data product"
      data-testid="ownership-chip"
    />
  ) : (
    <Chip
      size="small"
      variant="outlined"
      icon={<LockIcon />}
      label="Read-only view"
      data-testid="ownership-chip"
    />
  );
}
