import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { resolveSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** The department's answer to the caller; the SLA clock stops and the ticket waits for feedback. */
export function resolveTicket(ctx: ServiceContext, input: Versioned & { reply: string }): Promise<TicketRow> {
  const reply = checkText('reply', input.reply);
  return changeTicket(ctx, 'resolve', input.id, input.expectedVersion, async (ticket, tx, now) => ({
    set: { status: 'RESOLVED', reply, resolvedAt: now, ...(await resolveSla(tx, ticket, now)) },
    events: [{ type: 'RESOLVED' }],
  }));
}
