import { extensionRequests, type TicketRow } from '@hotline/schema';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { AppError } from '../../errors/app-error.js';
import { extendSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** Approves (the deadline moves to the requested time) or rejects the pending extension request. */
export function decideExtension(
  ctx: ServiceContext,
  input: Versioned & { approve: boolean; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'decideExtension', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const [request] = await tx
      .update(extensionRequests)
      .set({
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedById: ctx.viewer.id,
        decidedAt: now,
        note,
      })
      .where(and(eq(extensionRequests.ticketId, ticket.id), eq(extensionRequests.status, 'PENDING')))
      .returning();
    if (!request) throw new AppError('INVALID_TRANSITION', 'No extension request is pending for this ticket');
    const decision = input.approve ? `approved until ${request.until.toISOString()}` : 'rejected';
    return {
      set: input.approve ? await extendSla(tx, ticket, request.until, now) : {},
      events: [{ type: 'EXTENSION_DECIDED', note: note ? `${decision}: ${note}` : decision }],
    };
  });
}
