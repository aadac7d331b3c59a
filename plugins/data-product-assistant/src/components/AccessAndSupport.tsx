import type { JSX } from 'react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListSubheader from '@material-ui/core/ListSubheader';
import { InfoCard, Link } from '@backstage/core-components';
import { ContractProfile } from '@dpa/plugin-data-product-assistant-common';
import { WrappingListItemText } from './WrappingListItemText';

export interface AccessAndSupportProps {
  contract: Pick<ContractProfile, 'roles' | 'team' | 'support'>;
}

/** Who may access the data, who runs it, and where to ask for help. */
export function AccessAndSupport(props: AccessAndSupportProps): JSX.Element {
  const { roles, team, support } = props.contract;
  const members = team?.members ?? [];
  const empty =
    roles.length === 0 && members.length === 0 && support.length === 0;
  return (
    <InfoCard title="Access and support" noPadding>
      {empty && (
        <List dense>
          <ListItem>
            <WrappingListItemText primary="The contract names no roles, team or support channels." />
          </ListItem>
        </List>
      )}
      {roles.length > 0 && (
        <List
          dense
          aria-label="Access roles"
          subheader={<ListSubheader disableSticky>Access roles</ListSubheader>}
        >
          {roles.map(role => (
            <ListItem key={role.role}>
              <WrappingListItemText
                primary={
                  role.access ? `${role.role} (${role.access})` : role.role
                }
                secondary={[
                  role.description,
                  role.approvers.length > 0
                    ? `Approvers: ${role.approvers.join(', ')}`
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' — ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {members.length > 0 && (
        <List
          dense
          aria-label="Team"
          subheader={
            <ListSubheader disableSticky>
              {team?.name ? `Team ${team.name}` : 'Team'}
            </ListSubheader>
          }
        >
          {members.map(member => (
            <ListItem key={member.username}>
              <WrappingListItemText
                primary={member.name ?? member.username}
                secondary={[
                  member.name ? member.username : undefined,
                  member.role,
                ]
                  .filter(Boolean)
                  .join(' — ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {support.length > 0 && (
        <List
          dense
          aria-label="Support channels"
          subheader={<ListSubheader disableSticky>Support</ListSubheader>}
        >
          {support.map(channel => (
            <ListItem key={`${channel.channel}-${channel.url ?? ''}`}>
              <WrappingListItemText
                primary={
                  channel.url ? (
                    <Link to={channel.url}>{channel.channel}</Link>
                  ) : (
                    channel.channel
                  )
                }
                secondary={channel.tool}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
