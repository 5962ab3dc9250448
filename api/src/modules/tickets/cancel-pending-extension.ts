import { extensionRequests, type TicketRow, type TicketStatus } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { EventDraft } from './ticket-events.writer.js';

/**
 * A pending extension request asks for more time for one department in one SLA cycle: it ends when
 * the responsible department changes or the cycle ends (return, reassignment, resolve, close, merge,
 * reopen), so that a later decision cannot move the deadline of another department or cycle.
 */
export function endsExtensionScope(before: TicketRow, after: TicketRow): boolean {
  if (before.status === 'NEW') return false; // never had a request
  return (
    after.departmentId !== before.departmentId ||
    after.slaCycle !== before.slaCycle ||
    !EXTENSION_STATUSES.includes(after.status)
  );
}
const EXTENSION_STATUSES: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];

/** Cancels the ticket's pending extension request, if any: its EXTENSION_CANCELLED event, or none. */
export async function cancelPendingExtension(
  tx: Tx,
  ctx: ServiceContext,
  before: TicketRow,
  after: TicketRow,
  now: Date,
): Promise<EventDraft[]> {
  const cancelled = await tx
    .update(extensionRequests)
    .set({ status: 'CANCELLED', decidedById: ctx.viewer.id, decidedAt: now })
    .where(and(eq(extensionRequests.ticketId, before.id), eq(extensionRequests.status, 'PENDING')))
    .returning({ until: extensionRequests.until });
  return cancelled.map((request) => ({
    type: 'EXTENSION_CANCELLED',
    fromStatus: after.status,
    toStatus: after.status,
    // The department that asked: after a return the ticket has none.
    departmentId: before.departmentId,
    note: `request until ${request.until.toISOString()}`,
  }));
}
