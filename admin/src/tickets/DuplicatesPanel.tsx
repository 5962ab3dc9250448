import { Card, CardContent, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { gql } from '../graphql/client';
import { graphql } from '../graphql/graphql';
import type { Ticket } from '../graphql/types';
import { StatusChip } from './TicketChips';

const PossibleDuplicates = graphql(`
  query PossibleDuplicates($id: ID!) {
    ticket(id: $id) {
      id
      possibleDuplicates { sameCaller similarity distanceMeters ticket { id number title status } }
    }
  }
`);

/** On an open ticket's page: tickets that may be the same demand (same caller, nearby, similar text). */
export function DuplicatesPanel({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const { data = [] } = useQuery({
    queryKey: ['possibleDuplicates', ticket.id, ticket.version],
    queryFn: () =>
      gql(PossibleDuplicates, { id: ticket.id }).then((result) => result.ticket?.possibleDuplicates ?? []),
  });
  if (data.length === 0) return null;
  const why = (candidate: (typeof data)[number]) =>
    [
      candidate.sameCaller ? translate('hotline.duplicates.same_caller') : null,
      candidate.distanceMeters !== null && candidate.distanceMeters <= 200
        ? translate('hotline.duplicates.meters_away', { meters: Math.round(candidate.distanceMeters) })
        : null,
      candidate.similarity >= 0.3
        ? translate('hotline.duplicates.similar', { percent: Math.round(candidate.similarity * 100) })
        : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Card variant="outlined" data-testid="possible-duplicates">
      <CardContent>
        <Typography variant="h6">{translate('hotline.duplicates.title')}</Typography>
        <List dense disablePadding>
          {data.map((candidate) => (
            <ListItem
              key={candidate.ticket.id}
              disableGutters
              secondaryAction={<StatusChip status={candidate.ticket.status} />}
            >
              <ListItemText
                primary={
                  <Link href={`#/tickets/${candidate.ticket.id}/show`} underline="hover">
                    {candidate.ticket.number} · {candidate.ticket.title}
                  </Link>
                }
                secondary={why(candidate)}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
