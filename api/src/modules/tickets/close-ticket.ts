import type { CloseReason, TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { allowedCloseReasons } from '../../domain/ticket-machine.js';
import { AppError } from '../../errors/app-error.js';
import { refuseWhileCallersWait } from '../incidents/link-to-incident.js';
import { stopSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** Closes the ticket for one of the reasons its status allows (answered directly, withdrawn, ...). */
export function closeTicket(
  ctx: ServiceContext,
  input: Versioned & { reason: CloseReason; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'close', input.id, input.expectedVersion, async (ticket, tx, now) => {
    if (!allowedCloseReasons(ticket.status).includes(input.reason)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `A ${ticket.status} ticket cannot be closed as ${input.reason}`,
        {
          status: ticket.status,
        },
      );
    }
    if (input.reason !== 'RESOLVED') await refuseWhileCallersWait(tx, ticket);
    return {
      set: { status: 'CLOSED', closeReason: input.reason, closedAt: now, ...stopSla(ticket, now) },
      events: [{ type: 'CLOSED', note: note ?? input.reason }],
    };
  });
}
