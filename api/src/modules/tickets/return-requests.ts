import { returnRequests, type TicketRow } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { stopSla } from '../sla/sla-cycle.js';
import { type Change, changeTicket, type Versioned } from './change-ticket.js';

/** What a return does to the ticket: back to the hotline centre, no department, clocks stopped. */
export function returnedState(ticket: TicketRow, now: Date): Change['set'] {
  const returnCount = ticket.returnCount + 1;
  return {
    status: 'RETURNED',
    departmentId: null,
    assigneeId: null,
    returnCount,
    // A ticket bounced twice goes to a manager instead of bouncing again.
    needsManager: returnCount >= 2,
    ...stopSla(ticket, now),
  };
}

/**
 * The department disputes the dispatch (派单异议): a request that waits for a manager. The ticket stays
 * with the department, its status and clock untouched, until decideReturn.
 */
export function requestReturn(
  ctx: ServiceContext,
  input: Versioned & { reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'requestReturn', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const inserted = await tx
      .insert(returnRequests)
      .values({
        ticketId: ticket.id,
        departmentId: ticket.departmentId!,
        requestedById: ctx.viewer.id!,
        reason,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: returnRequests.id });
    if (inserted.length === 0) {
      throw new AppError('INVALID_TRANSITION', 'A return request is already pending for this ticket');
    }
    return { set: {}, events: [{ type: 'RETURN_REQUESTED', note: reason }] };
  });
}

/**
 * A manager decides a pending return request: approved, the ticket is RETURNED to the hotline centre to be
 * dispatched again (a RETURNED event for the department that asked); rejected (a reason is required), the
 * department keeps it and its clock runs on untouched.
 */
export function decideReturn(
  ctx: ServiceContext,
  input: Versioned & { approve: boolean; reason?: string | null },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason, { optional: true });
  if (!input.approve && !reason) throw badInput('A rejection needs a reason', 'reason');
  return changeTicket(ctx, 'decideReturn', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const [request] = await tx
      .update(returnRequests)
      .set({
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedById: ctx.viewer.id,
        decidedAt: now,
        decisionNote: reason,
      })
      .where(and(eq(returnRequests.ticketId, ticket.id), eq(returnRequests.status, 'PENDING')))
      .returning();
    if (!request) throw new AppError('INVALID_TRANSITION', 'No return request is pending for this ticket');
    if (!input.approve) return { set: {}, events: [{ type: 'RETURN_REJECTED', note: reason }] };
    return {
      set: returnedState(ticket, now),
      events: [
        {
          type: 'RETURNED',
          departmentId: request.departmentId,
          note: reason ? `${request.reason} (approved: ${reason})` : request.reason,
        },
      ],
    };
  });
}

/**
 * A pending return request belongs to one department's cycle: a reassignment, resolve, close, merge or
 * an immediate return ends it (as a pending extension request).
 */
export async function cancelPendingReturn(tx: Tx, ctx: ServiceContext, ticketId: string, now: Date) {
  await tx
    .update(returnRequests)
    .set({ status: 'CANCELLED', decidedById: ctx.viewer.id, decidedAt: now })
    .where(and(eq(returnRequests.ticketId, ticketId), eq(returnRequests.status, 'PENDING')));
}
