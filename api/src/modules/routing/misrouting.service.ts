import { type TicketRow, tickets } from '@hotline/schema';
import { and, asc, eq } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { pageSize } from '../../cursor.js';

/**
 * Tickets returned twice in a row: they wait for a MANAGER to reassign them (an AGENT may not
 * dispatch them again). Oldest first, so the longest-waiting case comes up first.
 */
export function listTicketsNeedingManager(ctx: ServiceContext, first?: number | null): Promise<TicketRow[]> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  return ctx.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.needsManager, true), eq(tickets.status, 'RETURNED')))
    .orderBy(asc(tickets.updatedAt), asc(tickets.id))
    .limit(pageSize(first));
}
