import { Card, CardContent, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { gql } from '../graphql/client';
import { graphql } from '../graphql/graphql';
import type { Ticket } from '../graphql/types';
import { StatusChip } from './TicketChips';

const IncidentCallers = graphql(`
  query IncidentCallers($id: ID!) {
    ticket(id: $id) {
      id
      incidentChildren { totalCount waitingCount tickets(first: 100) { id number title status } }
    }
  }
`);

const ticketHref = (id: string) => `#/tickets/${id}/show`;

/**
 * 多诉一案 on the ticket page: a caller's ticket names its parent incident; an incident lists its callers
 * (count, waiting, each linked), with the whole list a click away.
 */
export function IncidentPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const isParent = ticket.incidentChildren.totalCount > 0;
  const { data } = useQuery({
    queryKey: ['incidentCallers', ticket.id, ticket.version],
    queryFn: () => gql(IncidentCallers, { id: ticket.id }).then((result) => result.ticket?.incidentChildren),
    enabled: isParent,
  });
  if (!ticket.incident && !isParent) return null;
  const listHref = `#/tickets?filter=${encodeURIComponent(JSON.stringify({ incidentId: ticket.id }))}`;
  return (
    <Card variant="outlined" data-testid="incident-panel">
      <CardContent>
        <Typography variant="h6">{translate('hotline.incident.title')}</Typography>
        {ticket.incident && (
          <Typography data-testid="incident-parent">
            {translate('hotline.incident.linked_to')}{' '}
            <Link href={ticketHref(ticket.incident.id)} underline="hover">
              {ticket.incident.number}
            </Link>
          </Typography>
        )}
        {isParent && (
          <>
            <Typography data-testid="incident-count">
              {translate('hotline.incident.callers', {
                count: ticket.incidentChildren.totalCount,
                waiting: ticket.incidentChildren.waitingCount,
              })}
            </Typography>
            <List dense disablePadding>
              {(data?.tickets ?? []).map((child) => (
                <ListItem
                  key={child.id}
                  disableGutters
                  secondaryAction={<StatusChip status={child.status} />}
                >
                  <ListItemText
                    primary={
                      <Link href={ticketHref(child.id)} underline="hover">
                        {child.number} · {child.title}
                      </Link>
                    }
                  />
                </ListItem>
              ))}
            </List>
            <Link href={listHref} underline="hover">
              {translate('hotline.incident.all_callers')}
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
