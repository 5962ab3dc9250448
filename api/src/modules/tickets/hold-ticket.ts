import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { pauseSla, resumeSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** Puts the work on hold: the SLA clock pauses until the ticket is resumed. */
export function holdTicket(ctx: ServiceContext, input: Versioned & { reason: string }): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'hold', input.id, input.expectedVersion, (ticket, _tx, now) => ({
    set: { status: 'ON_HOLD', ...pauseSla(ticket, now) },
    events: [{ type: 'HELD', note: reason }],
  }));
}

/** Takes a held ticket up again; its deadlines move by the time it was held. */
export function resumeTicket(ctx: ServiceContext, input: Versioned): Promise<TicketRow> {
  return changeTicket(ctx, 'resume', input.id, input.expectedVersion, async (ticket, tx, now) => ({
    set: { status: 'IN_PROGRESS', ...(await resumeSla(tx, ticket, now)) },
    events: [{ type: 'RESUMED' }],
  }));
}
