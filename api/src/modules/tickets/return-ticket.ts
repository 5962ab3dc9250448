import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { changeTicket, type Versioned } from './change-ticket.js';
import { returnedState } from './return-requests.js';

/**
 * The department hands the ticket back to the hotline at once (contract v1). The console files a request a
 * manager reviews instead (requestReturn / decideReturn).
 */
export function returnTicket(ctx: ServiceContext, input: Versioned & { reason: string }): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'return', input.id, input.expectedVersion, (ticket, _tx, now) => ({
    set: returnedState(ticket, now),
    events: [{ type: 'RETURNED', departmentId: ticket.departmentId, note: reason }],
  }));
}
