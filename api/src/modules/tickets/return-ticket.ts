import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { stopSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** The department hands the ticket back to the hotline as not its business. */
export function returnTicket(ctx: ServiceContext, input: Versioned & { reason: string }): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'return', input.id, input.expectedVersion, (ticket, _tx, now) => {
    const returnCount = ticket.returnCount + 1;
    return {
      set: {
        status: 'RETURNED',
        departmentId: null,
        assigneeId: null,
        returnCount,
        // A ticket bounced twice goes to a manager instead of bouncing again.
        needsManager: returnCount >= 2,
        ...stopSla(ticket, now),
      },
      events: [{ type: 'RETURNED', departmentId: ticket.departmentId, note: reason }],
    };
  });
}
