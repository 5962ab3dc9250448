import {
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { Ticket } from '../graphql/types';
import { humanizeDuration } from '../sla/duration';
import { SlaCountdown } from './SlaCountdown';

export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const { sla } = ticket;
  const rows: [string, React.ReactNode][] = [
    [
      'hotline.sla.policy',
      sla.policy
        ? `${sla.policy.name} · ${humanizeDuration(sla.policy.resolveWithin, sla.policy.clock, translate)}`
        : '—',
    ],
    ['hotline.sla.accept_due', dateTime(sla.acceptDueAt) || '—'],
    ['hotline.sla.due', dateTime(sla.dueAt) || '—'],
    ['hotline.sla.paused_label', translate(sla.paused ? 'ra.boolean.true' : 'ra.boolean.false')],
    [
      'hotline.sla.breached',
      sla.breached ? (
        <Chip key="breached" size="small" color="error" label={translate('ra.boolean.true')} />
      ) : (
        translate('ra.boolean.false')
      ),
    ],
    [
      'hotline.sla.escalation_level',
      sla.escalationLevel > 0 ? (
        <Chip
          key="level"
          size="small"
          color="error"
          variant="outlined"
          label={translate('hotline.sla.level', { level: sla.escalationLevel })}
        />
      ) : (
        '0'
      ),
    ],
  ];
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate('hotline.sla.title')}</Typography>
          <SlaCountdown ticket={ticket} />
        </Stack>
        <Table size="small">
          <TableBody>
            {rows.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" sx={{ color: 'text.secondary', border: 0, pl: 0 }}>
                  {translate(key)}
                </TableCell>
                <TableCell sx={{ border: 0 }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
