import { extensionRequests, type TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { MAX_DURATION_DAYS } from '../../domain/duration.js';
import { checkText } from '../../domain/text-limits.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** Asks a manager for a later deadline; one request may be pending per ticket. */
export function requestExtension(
  ctx: ServiceContext,
  input: Versioned & { until: Date; reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'requestExtension', input.id, input.expectedVersion, async (ticket, tx, now) => {
    if (input.until.getTime() <= Math.max(now.getTime(), ticket.dueAt?.getTime() ?? 0)) {
      throw badInput('An extension must end after the current deadline', 'until');
    }
    if (input.until.getTime() > now.getTime() + MAX_DURATION_DAYS * 86_400_000) {
      throw badInput(`An extension may end at most ${MAX_DURATION_DAYS} days from now`, 'until');
    }
    const inserted = await tx
      .insert(extensionRequests)
      .values({
        ticketId: ticket.id,
        requestedById: ctx.viewer.id!,
        until: input.until,
        reason,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: extensionRequests.id });
    if (inserted.length === 0) {
      throw new AppError('INVALID_TRANSITION', 'An extension request is already pending for this ticket');
    }
    return {
      set: {},
      events: [{ type: 'EXTENSION_REQUESTED', note: `${input.until.toISOString()}: ${reason}` }],
    };
  });
}
