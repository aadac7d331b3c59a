import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { VerifiedAnswerInfo } from '@dpa/plugin-data-product-assistant-common';
import { UserRefLink } from '../UserRefLink';
import { formatDate } from '../interop/formatInterop';

export interface VerifiedLabelProps {
  verified: VerifiedAnswerInfo;
  /** Just "Verified", the rest in the tooltip (for lists). */
  compact?: boolean;
}

/**
 * "Verified by alice, 4 Mar 2025": the answer is one the data product's
 * owners reviewed, reused without calling a model.
 */
export function VerifiedLabel(props: VerifiedLabelProps): JSX.Element {
  const { verified, compact } = props;
  const title = `Verified by ${verified.verifiedBy}, ${formatDate(
    verified.verifiedAt,
  )}: an owner-reviewed answer, reused without calling a model`;
  if (compact) {
    return (
      <Chip
        size="small"
        variant="outlined"
        color="primary"
        icon={<VerifiedUserIcon />}
        label="Verified"
        title={title}
        data-testid="verified-label"
      />
    );
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      data-testid="verified-label"
    >
      <Chip
        size="small"
        variant="outlined"
        color="primary"
        icon={<VerifiedUserIcon />}
        label={
          <>
            Verified by <UserRefLink userRef={verified.verifiedBy} />,{' '}
            <time dateTime={verified.verifiedAt} title={verified.verifiedAt}>
              {formatDate(verified.verifiedAt)}
            </time>
          </>
        }
      />
      <Typography variant="body2" color="textSecondary" component="span">
        An answer the data product's owners reviewed, reused as is: no model was
        called.
      </Typography>
    </Box>
  );
}
