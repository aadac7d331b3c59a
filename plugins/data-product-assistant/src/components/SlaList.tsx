import type { JSX } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { Sla } from '@dpa/plugin-data-product-assistant-common';
import { slaPropertyLabel, slaValueLabel } from './formatSla';

export interface SlaListProps {
  slas: Sla[];
  title?: string;
}

/**
 * Service levels promised by a contract, in words ("Update frequency: 1
 * hour"); the element and driver columns only when some SLA has one.
 */
export function SlaList(props: SlaListProps): JSX.Element {
  const { slas, title = 'Service levels' } = props;
  const withElement = slas.some(s => s.element);
  const withDriver = slas.some(s => s.driver);
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
              <TableCell>Service level</TableCell>
              <TableCell>Promise</TableCell>
              {withElement && <TableCell>Applies to</TableCell>}
              {withDriver && <TableCell>Driver</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {slas.map((sla, index) => (
              <TableRow key={`${sla.property}-${sla.element ?? ''}-${index}`}>
                <TableCell title={sla.property}>
                  {slaPropertyLabel(sla.property)}
                </TableCell>
                <TableCell
                  title={sla.unit ? `${sla.value} ${sla.unit}` : sla.value}
                >
                  {slaValueLabel(sla)}
                </TableCell>
                {withElement && <TableCell>{sla.element ?? ''}</TableCell>}
                {withDriver && <TableCell>{sla.driver ?? ''}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
