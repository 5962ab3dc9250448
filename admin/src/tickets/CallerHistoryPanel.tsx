import { Card, CardContent, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useDateFormat } from '../common/timezone';
import { useDebounced } from '../common/use-debounced';
import type { Ticket } from '../graphql/types';
import { type CallerHistory, fetchTicketCallerHistory, lookUpCaller } from './caller-history';
import { StatusChip } from './TicketChips';

/** A whole phone number: what the server looks up (7 to 20 digits once separators are dropped). */
const WHOLE_NUMBER = /^\+?\d{7,20}$/;

function CallerHistoryCard({ history }: { history: CallerHistory }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  return (
    <Card variant="outlined" data-testid="caller-history">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">{translate('hotline.caller_history.title')}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {translate('hotline.caller_history.count', { count: history.count })}
          </Typography>
        </Stack>
        {history.lastSatisfaction && (
          <Typography variant="body2">
            {translate('hotline.caller_history.last_satisfaction')}:{' '}
            {translate(`enums.Satisfaction.${history.lastSatisfaction}`)}
          </Typography>
        )}
        <List dense disablePadding>
          {history.last.map((ticket) => (
            <ListItem key={ticket.id} disableGutters secondaryAction={<StatusChip status={ticket.status} />}>
              <ListItemText
                primary={
                  <Link href={`#/tickets/${ticket.id}/show`} underline="hover">
                    {ticket.number} · {ticket.title}
                  </Link>
                }
                secondary={dateTime(ticket.createdAt)}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

/** On the ticket page: the caller's other tickets, for staff who see the phone in full (else nothing). */
export function TicketCallerHistory({ ticket }: { ticket: Ticket }) {
  const { data } = useQuery({
    queryKey: ['callerHistory', ticket.id, ticket.version],
    queryFn: () => fetchTicketCallerHistory(ticket.id),
    enabled: !!ticket.caller.phone,
  });
  return data && data.count > 0 ? <CallerHistoryCard history={data} /> : null;
}

/** At intake: the tickets of the number being typed, once it is a whole number. */
export function IntakeCallerHistory() {
  const typed = useWatch({ name: 'callerPhone' }) as string | undefined;
  const phone = useDebounced((typed ?? '').trim(), 400);
  const whole = WHOLE_NUMBER.test(phone.replace(/[\s\-.()]/g, ''));
  const { data } = useQuery({
    queryKey: ['callerHistory', 'intake', phone],
    queryFn: () => lookUpCaller(phone),
    enabled: whole,
    retry: false,
  });
  return whole && data && data.count > 0 ? <CallerHistoryCard history={data} /> : null;
}
