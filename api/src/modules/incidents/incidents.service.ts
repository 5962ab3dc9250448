import { type TicketRow, tickets } from '@hotline/schema';
import { and, asc, eq, sql } from 'drizzle-orm';
import { scopedDepartment } from '../../auth/viewer.js';
import { badInput } from '../../errors/app-error.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { visibleTickets } from '../tickets/ticket-access.js';
import { selectTicketRows } from '../tickets/ticket-rows.js';
import { getTicket } from '../tickets/tickets.query.js';

/** The callers a parent lists at most; the rest through `tickets(filter: { incidentId })`. */
export const MAX_LISTED_CHILDREN = 100;

/** The parent incident of a caller's ticket, if the viewer may see it. */
export async function getIncident(ctx: LoaderContext, ticket: TicketRow): Promise<TicketRow | null> {
  if (!ticket.incidentId) return null;
  return scopedDepartment(ctx.viewer) === null
    ? ctx.loaders.ticket.load(ticket.incidentId)
    : getTicket(ctx, ticket.incidentId);
}

/** A parent's callers the viewer may see, oldest first, at most `first` (1..100). */
export function listIncidentChildren(
  ctx: LoaderContext,
  parentId: string,
  first: number,
): Promise<TicketRow[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED_CHILDREN) {
    throw badInput(`first must be between 1 and ${MAX_LISTED_CHILDREN}`, 'first');
  }
  const limit = first;
  return selectTicketRows(
    ctx.db,
    sql`where ${and(eq(tickets.incidentId, parentId), visibleTickets(ctx.viewer))}
      order by ${asc(tickets.createdAt)}, ${asc(tickets.id)} limit ${limit}`,
  );
}
