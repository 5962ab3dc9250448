import {
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { SlaReportData } from '../data/reporting';
import { formatMinutes } from './format';

export const BREACHES_PER_PAGE = 25;

/** The missed deadlines of the report, one page at a time, each linking to its ticket. */
export function SlaBreachList({
  breaches,
  offset,
  onOffset,
}: {
  breaches: SlaReportData['breaches'];
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const label = (key: string) => translate(`hotline.sla_report.breach.${key}`);
  if (breaches.totalCount === 0)
    return <Typography color="text.secondary">{translate('hotline.sla_report.no_breaches')}</Typography>;
  const last = Math.min(offset + breaches.nodes.length, breaches.totalCount);
  return (
    <Box>
      <Table size="small" data-testid="sla-breaches">
        <TableHead>
          <TableRow>
            {['ticket', 'deadline', 'department', 'cause', 'due', 'done', 'late'].map((key) => (
              <TableCell key={key} align={key === 'late' ? 'right' : 'left'}>
                {label(key)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {breaches.nodes.map((row) => (
            <TableRow key={`${row.ticket.id}-${row.deadline}`} hover>
              <TableCell>
                <Link to={`/tickets/${encodeURIComponent(row.ticket.id)}/show`}>{row.ticket.number}</Link>
                <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: 260 }}>
                  {row.ticket.title}
                </Typography>
              </TableCell>
              <TableCell>
                {translate(`enums.SlaDeadline.${row.deadline}`)} ·{' '}
                {translate(`enums.TicketPriority.${row.priority}`)}
              </TableCell>
              <TableCell>{row.department?.name ?? '—'}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={row.metAt ? 'warning' : 'error'}
                  label={translate(`enums.SlaBreachCause.${row.cause}`)}
                />
              </TableCell>
              <TableCell>{dateTime(row.dueAt)}</TableCell>
              <TableCell>{row.metAt ? dateTime(row.metAt) : '—'}</TableCell>
              <TableCell align="right">
                {formatMinutes(row.lateByWorkingMinutes, translate)}
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {translate('hotline.sla_report.breach.late_wall', {
                    value: formatMinutes(row.lateByMinutes, translate),
                  })}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
        <Typography variant="body2">
          {translate('hotline.sla_report.page', { from: offset + 1, to: last, total: breaches.totalCount })}
        </Typography>
        <Button
          size="small"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - BREACHES_PER_PAGE))}
        >
          {translate('ra.navigation.previous')}
        </Button>
        <Button size="small" disabled={last >= breaches.totalCount} onClick={() => onOffset(last)}>
          {translate('ra.navigation.next')}
        </Button>
      </Stack>
    </Box>
  );
}
