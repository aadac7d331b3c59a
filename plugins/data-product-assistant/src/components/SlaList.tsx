import type { JSX } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { Sla } from '@dpa/plugin-data-product-assistant-common';

export interface SlaListProps {
  slas: Sla[];
  title?: string;
}

/** Service levels promised by a contract. */
export function SlaList(props: SlaListProps): JSX.Element {
  const { slas, title = 'Service levels' } = props;
  return (
    <InfoCard title={title} noPadding>
      {slas.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          The contract declares no service levels.
        </Typography>
      ) : (
        <Table size="small" aria-label="Service levels">
          <TableHead>
            <TableRow>
              <TableCell>Property</TableCell>
              <TableCell>Value</TableCell>
              <TableCell>Element</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {slas.map((sla, index) => (
              <TableRow key={`${sla.property}-${sla.element ?? ''}-${index}`}>
                <TableCell>{sla.property}</TableCell>
                <TableCell>
                  {sla.unit ? `${sla.value} ${sla.unit}` : sla.value}
                </TableCell>
                <TableCell>{sla.element ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
