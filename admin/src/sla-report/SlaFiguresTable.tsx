import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMinutes, formatRate } from './format';

export interface FiguresRow {
  key: string;
  label: string;
  tickets: number;
  acceptMissed: number;
  acceptRate: number | null;
  resolveMissed: number;
  resolveRate: number | null;
  avgAcceptMinutes: number | null;
  p90AcceptMinutes: number | null;
  avgResolveMinutes: number | null;
  p90ResolveMinutes: number | null;
}

/** One line per group: how many tickets, the share on time, and working time to accept and resolve. */
export function SlaFiguresTable({ rows, testId }: { rows: FiguresRow[]; testId: string }) {
  const translate = useTranslate();
  const column = (key: string) => translate(`hotline.sla_report.columns.${key}`);
  const minutes = (value: number | null) => formatMinutes(value, translate);
  // A rate under 90% is what a director looks for first.
  const rateCell = (rate: number | null) => (
    <TableCell align="right" sx={{ color: rate != null && rate < 0.9 ? 'error.main' : undefined }}>
      {formatRate(rate)}
    </TableCell>
  );
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{column('group')}</TableCell>
          {['tickets', 'accept_rate', 'resolve_rate', 'missed'].map((key) => (
            <TableCell key={key} align="right">
              {column(key)}
            </TableCell>
          ))}
          {['avg_accept', 'p90_accept', 'avg_resolve', 'p90_resolve'].map((key) => (
            <TableCell key={key} align="right">
              {column(key)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} hover>
            <TableCell>{row.label}</TableCell>
            <TableCell align="right">{row.tickets}</TableCell>
            {rateCell(row.acceptRate)}
            {rateCell(row.resolveRate)}
            <TableCell align="right">{row.acceptMissed + row.resolveMissed}</TableCell>
            <TableCell align="right">{minutes(row.avgAcceptMinutes)}</TableCell>
            <TableCell align="right">{minutes(row.p90AcceptMinutes)}</TableCell>
            <TableCell align="right">{minutes(row.avgResolveMinutes)}</TableCell>
            <TableCell align="right">{minutes(row.p90ResolveMinutes)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
