import type { ComponentType, JSX } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import type { SvgIconProps } from '@material-ui/core/SvgIcon';
import CallSplitIcon from '@material-ui/icons/CallSplit';
import FingerprintIcon from '@material-ui/icons/Fingerprint';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import ShuffleIcon from '@material-ui/icons/Shuffle';
import TransformIcon from '@material-ui/icons/Transform';
import VisibilityOffIcon from '@material-ui/icons/VisibilityOff';
import WarningIcon from '@material-ui/icons/Warning';
import { InteropCaveat } from '@dpa/plugin-data-product-assistant-common';
import { WrappingListItemText } from '../WrappingListItemText';

/** How each known caveat code is named and drawn. */
export const caveatKinds: Record<
  string,
  { label: string; Icon: ComponentType<SvgIconProps> }
> = {
  'grain-one-to-many': { label: 'Grain mismatch', Icon: CallSplitIcon },
  'many-to-many': { label: 'Many-to-many', Icon: ShuffleIcon },
  'pii-join-key': { label: 'PII join key', Icon: FingerprintIcon },
  're-identification': {
    label: 'Re-identification risk',
    Icon: VisibilityOffIcon,
  },
  'type-cast': { label: 'Type cast', Icon: TransformIcon },
  'not-a-join-key': { label: 'Not a join key', Icon: LinkOffIcon },
};

const fallback = { label: 'Caveat', Icon: WarningIcon };

export interface CaveatListProps {
  caveats: InteropCaveat[];
}

/** What to watch out for when joining, each with an icon by its code. */
export function CaveatList(props: CaveatListProps): JSX.Element {
  const { caveats } = props;
  return (
    <Box component="section" aria-label="Caveats">
      <Typography variant="subtitle2" component="h5">
        Caveats
      </Typography>
      {caveats.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None named.
        </Typography>
      ) : (
        <List dense disablePadding>
          {caveats.map((caveat, index) => {
            const { label, Icon } = caveatKinds[caveat.code] ?? fallback;
            return (
              <ListItem
                key={`${caveat.code}-${index}`}
                disableGutters
                data-testid={`caveat-${caveat.code}`}
              >
                <ListItemIcon style={{ minWidth: 32 }}>
                  <Icon fontSize="small" color="action" titleAccess={label} />
                </ListItemIcon>
                <WrappingListItemText
                  primary={label}
                  secondary={caveat.message}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}
