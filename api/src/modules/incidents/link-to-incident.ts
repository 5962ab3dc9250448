import { type TicketRow, tickets } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { stopSla } from '../sla/sla-cycle.js';
import { changeTicket } from '../tickets/change-ticket.js';
import { visibleTickets } from '../tickets/ticket-access.js';
import { appendEvents, type EventDraft } from '../tickets/ticket-events.writer.js';

/**
 * Why a link is refused, in `extensions.reason` (with `extensions.code` BAD_USER_INPUT):
 * - SELF_LINK: the ticket and the parent are the same.
 * - PARENT_IS_CHILD: the parent is itself linked to an incident (link to that one; this also rules out cycles).
 * - CHILD_HAS_CHILDREN: the ticket is a parent itself; incidents are one level deep.
 * - PARENT_MERGED: the parent was merged into another ticket (link to the original).
 * - PARENT_NOT_OPEN: the parent is resolved or closed.
 */
export type IncidentLinkRefusal =
  | 'SELF_LINK'
  | 'PARENT_IS_CHILD'
  | 'CHILD_HAS_CHILDREN'
  | 'PARENT_MERGED'
  | 'PARENT_NOT_OPEN';

const refuse = (reason: IncidentLinkRefusal, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field: 'parentTicketId', reason });

/** What the webhooks of both tickets carry beside `ticket`: the pair, by id and number. */
function webhookIncident(parent: TicketRow, child: TicketRow) {
  return {
    incident: {
      parentId: parent.id,
      parentNumber: parent.number,
      childId: child.id,
      childNumber: child.number,
    },
  };
}

/** The parent's side of a link or unlink: a new version and its own event, in the child's transaction. */
async function touchParent(
  tx: Tx,
  ctx: ServiceContext,
  parent: TicketRow,
  event: EventDraft,
  now: Date,
): Promise<void> {
  const [updated] = await tx
    .update(tickets)
    .set({ version: parent.version + 1, updatedAt: now })
    .where(eq(tickets.id, parent.id))
    .returning();
  await appendEvents(tx, updated!, [event], ctx.viewer, now);
}

/** Whether any ticket is (or was) linked to this one as its parent. */
async function hasChildren(tx: Tx, ticketId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(eq(tickets.incidentId, ticketId))
    .limit(1);
  return row !== undefined;
}

const withNote = (text: string, note: string | null) => (note ? `${text}: ${note}` : text);

/**
 * 多诉一案: links a caller's open ticket to a parent incident. The ticket becomes LINKED: out of every
 * department's queue (no department, no assignee), its clocks stopped, co-handling, extension and return
 * requests ended; it follows the parent's resolution (followIncidents). Both tickets get a
 * LINKED_TO_INCIDENT event (`ticket.linked_to_incident` webhook), in one transaction.
 */
export function linkToIncident(
  ctx: ServiceContext,
  input: {
    ticketId: string;
    parentTicketId: string;
    reason?: string | null;
    expectedVersion?: number | null;
  },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason, { optional: true });
  if (input.ticketId.toLowerCase() === input.parentTicketId.toLowerCase()) {
    throw refuse('SELF_LINK', 'A ticket cannot be linked to itself');
  }
  return changeTicket(
    ctx,
    'linkToIncident',
    input.ticketId,
    input.expectedVersion,
    async (ticket, tx, now) => {
      const [parent] = isUuid(input.parentTicketId)
        ? await tx
            .select()
            .from(tickets)
            .where(and(eq(tickets.id, input.parentTicketId), visibleTickets(ctx.viewer)))
        : [];
      if (!parent) throw badInput(`Unknown ticket ${input.parentTicketId}`, 'parentTicketId');
      if (parent.incidentId) {
        throw refuse(
          'PARENT_IS_CHILD',
          `Ticket ${parent.number} is itself linked to an incident: link to its parent instead`,
        );
      }
      if (parent.duplicateOfId) {
        throw refuse(
          'PARENT_MERGED',
          `Ticket ${parent.number} was merged into another: link to the original`,
        );
      }
      if (parent.status === 'RESOLVED' || parent.status === 'CLOSED') {
        throw refuse(
          'PARENT_NOT_OPEN',
          `Ticket ${parent.number} is ${parent.status}: it cannot take callers`,
        );
      }
      if (await hasChildren(tx, ticket.id)) {
        throw refuse(
          'CHILD_HAS_CHILDREN',
          `Ticket ${ticket.number} is an incident with callers of its own: it cannot join another`,
        );
      }
      await touchParent(
        tx,
        ctx,
        parent,
        {
          type: 'LINKED_TO_INCIDENT',
          note: withNote(`caller ${ticket.number}`, reason),
          webhookExtra: webhookIncident(parent, ticket),
        },
        now,
      );
      return {
        set: {
          status: 'LINKED',
          incidentId: parent.id,
          departmentId: null,
          assigneeId: null,
          ...stopSla(ticket, now),
        },
        events: [
          {
            type: 'LINKED_TO_INCIDENT',
            // The department it leaves (null when it never had one), as a return records it.
            departmentId: ticket.departmentId,
            note: withNote(`into ${parent.number}`, reason),
            webhookExtra: webhookIncident(parent, ticket),
          },
        ],
      };
    },
    { alsoLock: input.parentTicketId },
  );
}

/**
 * Takes a LINKED ticket out of its incident: NEW again at the hotline centre, its own case to dispatch.
 * Both tickets get an UNLINKED_FROM_INCIDENT event (`ticket.unlinked_from_incident` webhook).
 */
export async function unlinkFromIncident(
  ctx: ServiceContext,
  input: { ticketId: string; reason?: string | null; expectedVersion?: number | null },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason, { optional: true });
  // The parent is locked with the child, in id order; read which one it is first.
  const [current] = isUuid(input.ticketId)
    ? await ctx.db
        .select({ incidentId: tickets.incidentId })
        .from(tickets)
        .where(eq(tickets.id, input.ticketId))
    : [];
  return changeTicket(
    ctx,
    'unlinkFromIncident',
    input.ticketId,
    input.expectedVersion,
    async (ticket, tx, now) => {
      const [parent] = ticket.incidentId
        ? await tx.select().from(tickets).where(eq(tickets.id, ticket.incidentId)).for('update')
        : [];
      if (!parent) throw new AppError('INVALID_TRANSITION', `Ticket ${ticket.number} is not linked`);
      await touchParent(
        tx,
        ctx,
        parent,
        {
          type: 'UNLINKED_FROM_INCIDENT',
          note: withNote(`caller ${ticket.number}`, reason),
          webhookExtra: webhookIncident(parent, ticket),
        },
        now,
      );
      return {
        set: { status: 'NEW', incidentId: null },
        events: [
          {
            type: 'UNLINKED_FROM_INCIDENT',
            note: withNote(`from ${parent.number}`, reason),
            webhookExtra: webhookIncident(parent, ticket),
          },
        ],
      };
    },
    current?.incidentId ? { alsoLock: current.incidentId } : {},
  );
}

/**
 * An incident whose callers still wait for it is not closed (but as RESOLVED) nor merged away: they would
 * wait for nothing. INVALID_TRANSITION with `reason: INCIDENT_HAS_WAITING_CALLERS`; unlink them first.
 */
export async function refuseWhileCallersWait(tx: Tx, parent: TicketRow): Promise<void> {
  const [waiting] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.incidentId, parent.id), eq(tickets.status, 'LINKED')));
  if ((waiting?.count ?? 0) > 0) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Ticket ${parent.number} is an incident ${waiting!.count} callers wait for: resolve it, or unlink them first`,
      { reason: 'INCIDENT_HAS_WAITING_CALLERS', waiting: waiting!.count },
    );
  }
}
