import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { Ticket } from '../graphql/types';
import { PriorityChip, StatusChip } from './TicketChips';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children || '—'}
      </Typography>
    </Grid>
  );
}

export function TicketDetails({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { dateTime } = useDateFormat();
  const field = (name: string) => translate(`resources.tickets.fields.${name}`);
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h5">{ticket.title}</Typography>
          <StatusChip status={ticket.status} />
          <PriorityChip priority={ticket.priority} />
        </Stack>
        <Grid container spacing={2} sx={{ mb: 2 }}>
          <Item label={field('number')}>{ticket.number}</Item>
          <Item label={field('demandType')}>{translate(`enums.DemandType.${ticket.demandType}`)}</Item>
          <Item label={field('channel')}>{translate(`enums.Channel.${ticket.channel}`)}</Item>
          <Item label={field('department')}>{ticket.department?.name}</Item>
          <Item label={field('assignee')}>{ticket.assignee?.name}</Item>
          <Item label={field('category')}>{ticket.category?.name}</Item>
          <Item label={field('area')}>{ticket.area?.name}</Item>
          <Item label={field('address')}>{ticket.address}</Item>
          <Item label={field('caller')}>
            {[ticket.caller.name, ticket.caller.phone].filter(Boolean).join(' · ')}
          </Item>
          <Item label={field('externalRef')}>{ticket.externalRef}</Item>
          <Item label={field('createdAt')}>{dateTime(ticket.createdAt)}</Item>
          <Item label={field('closeReason')}>
            {ticket.closeReason && translate(`enums.CloseReason.${ticket.closeReason}`)}
          </Item>
          {ticket.answeredFromArticle && (
            <Item label={translate('hotline.knowledge.answered_from_article')}>
              <Link
                to={createPath({
                  resource: 'knowledge-articles',
                  id: ticket.answeredFromArticle.id,
                  type: 'show',
                })}
                data-testid="answered-from-article"
              >
                {ticket.answeredFromArticle.title}
              </Link>
            </Item>
          )}
        </Grid>
        <Typography variant="subtitle2">{field('description')}</Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 2 }}>
          {ticket.description}
        </Typography>
        {ticket.reply && (
          <>
            <Typography variant="subtitle2">{field('reply')}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 2 }}>
              {ticket.reply}
            </Typography>
          </>
        )}
        {ticket.feedback && (
          <>
            <Typography variant="subtitle2">{field('feedback')}</Typography>
            <Typography variant="body2">
              {translate(`enums.Satisfaction.${ticket.feedback.satisfaction}`)}
              {ticket.feedback.comment ? ` · ${ticket.feedback.comment}` : ''} ·{' '}
              {dateTime(ticket.feedback.recordedAt)}
            </Typography>
          </>
        )}
      </CardContent>
    </Card>
  );
}
