import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import { InfoCard } from '@backstage/core-components';
import { TableProfile } from '@dpa/plugin-data-product-assistant-common';
import { ClassificationBadge } from './ClassificationBadge';
import { PiiBadge } from './PiiBadge';

export interface ColumnsTableProps {
  table: TableProfile;
}

function typeLabel(logical?: string, physical?: string): string {
  if (logical && physical && logical !== physical) {
    return `${logical} (${physical})`;
  }
  return logical ?? physical ?? '';
}

/** One contract table: its grain, primary key and every column. */
export function ColumnsTable(props: ColumnsTableProps): JSX.Element {
  const { table } = props;
  const title = table.businessName
    ? `${table.name} — ${table.businessName}`
    : table.name;
  return (
    <InfoCard
      title={title}
      subheader={
        <>
          {table.granularity && (
            <Typography variant="body2" component="span">
              Grain: {table.granularity}
            </Typography>
          )}
          {table.granularity && table.primaryKey.length > 0 && ' · '}
          {table.primaryKey.length > 0 && (
            <Typography variant="body2" component="span">
              Primary key: {table.primaryKey.join(', ')}
            </Typography>
          )}
        </>
      }
      noPadding
    >
      {table.description && (
        <Box px={2} pt={1}>
          <Typography variant="body2">{table.description}</Typography>
        </Box>
      )}
      <Table size="small" aria-label={`Columns of ${table.name}`}>
        <TableHead>
          <TableRow>
            <TableCell>Column</TableCell>
            <TableCell>Business name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Key</TableCell>
            <TableCell>Required</TableCell>
            <TableCell>Classification</TableCell>
            <TableCell>Description</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {table.columns.map(column => (
            <TableRow key={column.name} data-testid={`column-${column.name}`}>
              <TableCell>
                <Typography variant="body2" component="code">
                  {column.name}
                </Typography>
              </TableCell>
              <TableCell>{column.businessName ?? ''}</TableCell>
              <TableCell>
                {typeLabel(column.logicalType, column.physicalType)}
              </TableCell>
              <TableCell>
                {column.primaryKey && (
                  <VpnKeyIcon
                    fontSize="small"
                    titleAccess="Primary key"
                    aria-label="Primary key"
                  />
                )}
              </TableCell>
              <TableCell>{column.required ? 'Yes' : 'No'}</TableCell>
              <TableCell>
                <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                  <ClassificationBadge classification={column.classification} />
                  <PiiBadge pii={column.pii} piiTypes={column.piiTypes} />
                </Box>
              </TableCell>
              <TableCell>{column.description ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
