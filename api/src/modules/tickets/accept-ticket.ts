import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { acceptSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** The department takes the ticket on: the acceptance clock stops, work begins. */
export function acceptTicket(ctx: ServiceContext, input: Versioned): Promise<TicketRow> {
  return changeTicket(ctx, 'accept', input.id, input.expectedVersion, async (ticket, tx, now) => ({
    set: { status: 'IN_PROGRESS', ...(await acceptSla(tx, ticket, now)) },
    events: [{ type: 'ACCEPTED' }],
  }));
}
