import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { Ticket } from '../graphql/types';

type Part = Ticket['coHandlers'][number];

function statusColor(part: Part) {
  if (part.overdue || part.repliedLate) return 'error';
  if (part.status === 'REPLIED') return 'success';
  if (part.status === 'PENDING' || part.status === 'ACCEPTED') return 'info';
  return 'default';
}

/** The co-handling departments (协办) of the case: each one's status, deadline and reply. */
export function CoHandlingPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  if (ticket.coHandlers.length === 0) return null;
  return (
    <Card variant="outlined" data-testid="co-handling-panel">
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>
          {translate('hotline.co_handling.title')}
        </Typography>
        <Stack spacing={1.5}>
          {ticket.coHandlers.map((part) => (
            <Stack key={part.id} spacing={0.5} data-testid="co-handler">
              <Stack
                direction="row"
                spacing={1}
                sx={{ alignItems: 'center', justifyContent: 'space-between' }}
              >
                <Typography variant="subtitle2">{part.department.name}</Typography>
                <Chip
                  size="small"
                  color={statusColor(part)}
                  variant={part.status === 'CANCELLED' || part.status === 'WAIVED' ? 'outlined' : 'filled'}
                  label={
                    part.overdue
                      ? `${translate(`enums.CoHandlingStatus.${part.status}`)} · ${translate('hotline.co_handling.overdue')}`
                      : translate(`enums.CoHandlingStatus.${part.status}`)
                  }
                />
              </Stack>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {translate('hotline.co_handling.due')} {dateTime(part.dueAt)}
                {part.reminders > 0
                  ? ` · ${translate('hotline.co_handling.reminded', { count: part.reminders })}`
                  : ''}
              </Typography>
              {part.repliedAt && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {translate('hotline.co_handling.replied')} {dateTime(part.repliedAt)}
                  {part.repliedLate ? ` (${translate('hotline.co_handling.replied_late')})` : ''}
                </Typography>
              )}
              {part.reply && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {part.reply}
                </Typography>
              )}
              {part.waiveReason && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {translate('hotline.co_handling.waived_because')} {part.waiveReason}
                </Typography>
              )}
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
