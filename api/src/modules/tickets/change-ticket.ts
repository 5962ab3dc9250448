import { type TicketRow, type TicketStatus, tickets } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkAction, type TicketAction } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { slaBreaches } from '../../metrics/process-metrics.js';
import { cancelOpenCoHandlers } from '../co-handling/request-co-handlers.js';
import type { SlaFields } from '../sla/sla-cycle.js';
import { settleSupervision } from '../supervision/supervise-ticket.js';
import { cancelPendingExtension, endsExtensionScope } from './cancel-pending-extension.js';
import { cancelPendingReturn } from './return-requests.js';
import { visibleTickets } from './ticket-access.js';
import { appendEvents, type EventDraft } from './ticket-events.writer.js';
import { selectTicketRows, ticketAfter, ticketColumns } from './ticket-rows.js';

/** What every command on an existing ticket takes: the ticket, and the version the caller last saw. */
export interface Versioned {
  id: string;
  /** When set and the ticket has moved on since, the command answers CONFLICT instead of changing it. */
  expectedVersion?: number | null;
}

export interface Change {
  set: Partial<TicketRow> & SlaFields;
  /** fromStatus/toStatus default to the ticket's before and after. */
  events: EventDraft[];
  /** Runs in the transaction once the events are written (e.g. puts evidence files on the new event). */
  afterEvents?: (tx: Tx) => Promise<void>;
}

export interface ChangeOptions {
  /**
   * Another ticket the plan locks too (merge target): both rows are locked in id order before the
   * ticket is read, so two changes that lock the same pair in crossed order wait instead of deadlocking.
   */
  alsoLock?: string;
}

const ACTION_LABEL: Record<TicketAction, string> = {
  dispatch: 'dispatch',
  accept: 'accept',
  assign: 'assign',
  return: 'return',
  reassign: 'reassign',
  hold: 'hold',
  resume: 'resume',
  requestExtension: 'request an extension for',
  decideExtension: 'decide an extension for',
  resolve: 'resolve',
  recordFeedback: 'record feedback on',
  close: 'close',
  merge: 'merge',
  addNote: 'add a note to',
  addAttachment: 'add a file to',
  requestReturn: 'request the return of',
  decideReturn: 'decide the return of',
  supervise: 'supervise',
  replySupervision: 'reply to the supervision of',
  acceptCoHandling: 'accept the co-handling of',
  replyCoHandling: 'reply to the co-handling of',
  remindCoHandler: 'remind a co-handler of',
  waiveCoHandler: 'waive a co-handler of',
  linkToIncident: 'link to an incident',
  unlinkFromIncident: 'unlink from its incident',
};

/**
 * The one path of every change to an existing ticket: lock it, check visibility, role, version and
 * status, apply the change, write its events and outbox rows, all in one transaction.
 */
export async function changeTicket(
  ctx: ServiceContext,
  action: TicketAction,
  id: string,
  expectedVersion: number | null | undefined,
  plan: (ticket: TicketRow, tx: Tx, now: Date) => Promise<Change> | Change,
  options: ChangeOptions = {},
): Promise<TicketRow> {
  const viewer = ctx.viewer;
  requireSignedIn(viewer);
  if (!isUuid(id)) throw notFound('Ticket');
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (options.alsoLock && isUuid(options.alsoLock)) await lockInIdOrder(tx, [id, options.alsoLock]);
    const [ticket] = await selectTicketRows(
      tx,
      sql`where ${and(eq(tickets.id, id), visibleTickets(viewer))} for update`,
    );
    if (!ticket) throw notFound('Ticket');
    const refusal = checkAction(action, ticket, viewer);
    if (refusal === 'FORBIDDEN') {
      throw new AppError('FORBIDDEN', `A ${viewer.role} may not ${ACTION_LABEL[action]} this ticket`);
    }
    if (expectedVersion != null && expectedVersion !== ticket.version) {
      throw new AppError(
        'CONFLICT',
        `Ticket ${ticket.number} was changed by someone else (now version ${ticket.version}, you had ${expectedVersion}); reload it`,
        { currentVersion: ticket.version },
      );
    }
    if (refusal === 'INVALID_TRANSITION') {
      throw new AppError(
        'INVALID_TRANSITION',
        `Cannot ${ACTION_LABEL[action]} a ticket that is ${ticket.status}`,
        {
          status: ticket.status,
        },
      );
    }
    return { before: ticket, after: await applyChange(tx, ctx, ticket, now, await plan(ticket, tx, now)) };
  });
  // An action that stops or pauses a clock already past its deadline records the breach before the
  // SLA tick would; counted once committed, as the tick counts its own.
  if (!before.breachedAt && after.breachedAt) slaBreaches.inc();
  return after;
}

/** Locks tickets in id order (PostgreSQL sorts the rows before it locks them). */
async function lockInIdOrder(tx: Tx, ids: string[]): Promise<void> {
  await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(inArray(tickets.id, ids))
    .orderBy(asc(tickets.id))
    .for('update');
}

/** The statuses in which the lead department holds the case and co-handlers' parts stay open. */
const WITH_LEAD: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];

async function applyChange(tx: Tx, ctx: ServiceContext, ticket: TicketRow, now: Date, change: Change) {
  const set = { ...change.set, version: ticket.version + 1, updatedAt: now };
  // A case that leaves the lead (returned, closed, merged) ends the co-handlers' open parts with it.
  if (ticket.openCoHandlerIds.length > 0 && set.status && !WITH_LEAD.includes(set.status)) {
    await cancelOpenCoHandlers(tx, ticket.id, now);
    set.openCoHandlerIds = [];
  }
  const update = tx.update(tickets).set(set).where(eq(tickets.id, ticket.id));
  // The row is locked: unless a value is computed by the database, the result is known without
  // reading it back, and the update travels in the statement that writes the events.
  const known = ticketAfter(ticket, set);
  const updated = known ?? (await update.returning(ticketColumns))[0];
  if (!updated) throw new Error('ticket vanished inside its own transaction');
  const drafts: EventDraft[] = change.events.map((event) => ({
    fromStatus: ticket.status,
    toStatus: updated.status,
    ...event,
  }));
  // Part of the same change (one version step), like the second event of recordFeedback.
  if (endsExtensionScope(ticket, updated)) {
    drafts.push(...(await cancelPendingExtension(tx, ctx, ticket, updated, now)));
    await cancelPendingReturn(tx, ctx, ticket.id, now);
    drafts.push(...(await settleSupervision(tx, ctx, ticket, updated, now)));
  }
  await appendEvents(tx, updated, drafts, ctx.viewer, now, known ? update : undefined);
  await change.afterEvents?.(tx);
  return updated;
}
