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

/** Header cells and names never break inside a word; descriptions wrap freely. */
const noBreak = { whiteSpace: 'nowrap', wordBreak: 'normal' } as const;
const words = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

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
        // InfoCard lays its subheader out in a row: one column keeps grain and key on lines of their own
        <Box component="span" display="flex" flexDirection="column">
          {table.granularity && (
            <Typography variant="body2" component="span">
              Grain: {table.granularity}
            </Typography>
          )}
          {table.primaryKey.length > 0 && (
            <Typography variant="body2" component="span">
              Primary key: {table.primaryKey.join(', ')}
            </Typography>
          )}
        </Box>
      }
      noPadding
    >
      {table.description && (
        <Box px={2} pt={1}>
          <Typography variant="body2">{table.description}</Typography>
        </Box>
      )}
      <Box style={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={`Columns of ${table.name}`}>
          <TableHead>
            <TableRow>
              <TableCell style={noBreak}>Column</TableCell>
              <TableCell style={noBreak}>Business name</TableCell>
              <TableCell style={noBreak}>Type</TableCell>
              <TableCell style={noBreak}>Key</TableCell>
              <TableCell style={noBreak}>Required</TableCell>
              <TableCell style={noBreak}>Classification</TableCell>
              <TableCell style={noBreak}>Description</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {table.columns.map(column => (
              <TableRow key={column.name} data-testid={`column-${column.name}`}>
                <TableCell style={noBreak}>
                  <Typography variant="body2" component="code">
                    {column.name}
                  </Typography>
                </TableCell>
                <TableCell style={words}>{column.businessName ?? ''}</TableCell>
                <TableCell style={words}>
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
                <TableCell style={noBreak}>
                  {column.required ? 'Yes' : 'No'}
                </TableCell>
                <TableCell>
                  <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                    <ClassificationBadge
                      classification={column.classification}
                    />
                    <PiiBadge pii={column.pii} piiTypes={column.piiTypes} />
                  </Box>
                </TableCell>
                <TableCell style={{ minWidth: 240 }}>
                  {column.description ?? ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </InfoCard>
  );
}
