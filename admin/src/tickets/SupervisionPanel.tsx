import { Card, CardContent, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { Ticket } from '../graphql/types';
import { SupervisionChip } from './TicketChips';

/** The case's latest supervision (督办/催办): the manager's instruction, the deadline and the reply. */
export function SupervisionPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const supervision = ticket.supervision;
  if (!supervision) return null;
  const rows: [string, React.ReactNode][] = [
    ['hotline.supervision.note', supervision.note],
    ['hotline.supervision.due', dateTime(supervision.dueAt)],
  ];
  if (supervision.repliedAt) {
    const late = supervision.repliedLate ? ` (${translate('hotline.supervision.replied_late')})` : '';
    rows.push(['hotline.supervision.replied', `${dateTime(supervision.repliedAt)}${late}`]);
    rows.push(['hotline.supervision.reply', supervision.reply ?? '—']);
  }
  return (
    <Card variant="outlined" data-testid="supervision-panel">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate('hotline.supervision.title')}</Typography>
          <Stack direction="row" spacing={1}>
            <SupervisionChip supervision={supervision} />
            <Typography variant="body2" sx={{ color: 'text.secondary', alignSelf: 'center' }}>
              {translate(`enums.SupervisionStatus.${supervision.status}`)}
            </Typography>
          </Stack>
        </Stack>
        <Table size="small">
          <TableBody>
            {rows.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" sx={{ color: 'text.secondary', border: 0, pl: 0, width: '30%' }}>
                  {translate(key)}
                </TableCell>
                <TableCell sx={{ border: 0, whiteSpace: 'pre-wrap' }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
