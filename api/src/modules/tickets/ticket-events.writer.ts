import type { Tx } from '../../../../schema/src/db.js';
import {
  outbox,
  type TicketEventType,
  type TicketRow,
  type TicketStatus,
  ticketEvents,
} from '../../../../schema/src/index.js';
import type { Viewer } from '../../auth/viewer.js';

export interface EventDraft {
  type: TicketEventType;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  departmentId?: string | null;
  note?: string | null;
  level?: number | null;
  fraction?: number | null;
  /** Makes a worker effect happen once (unique per ticket). */
  effectKey?: string | null;
}

/** The webhook event type of each ticket event (contract README, "Webhooks"). */
export const WEBHOOK_TYPES: Partial<Record<TicketEventType, string>> = {
  CREATED: 'ticket.created',
  DISPATCHED: 'ticket.dispatched',
  ACCEPTED: 'ticket.accepted',
  ASSIGNED: 'ticket.assigned',
  RETURNED: 'ticket.returned',
  REASSIGNED: 'ticket.reassigned',
  HELD: 'ticket.held',
  RESUMED: 'ticket.resumed',
  EXTENSION_REQUESTED: 'ticket.extension_requested',
  EXTENSION_DECIDED: 'ticket.extension_decided',
  RESOLVED: 'ticket.resolved',
  FEEDBACK_RECORDED: 'ticket.feedback_recorded',
  REOPENED: 'ticket.reopened',
  CLOSED: 'ticket.closed',
  REMINDER_SENT: 'ticket.reminder',
  ESCALATED: 'ticket.escalated',
};

/** The ticket as a webhook body carries it: no personal data. */
export function webhookTicket(ticket: TicketRow) {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    departmentId: ticket.departmentId,
    dueAt: ticket.dueAt?.toISOString() ?? null,
    escalationLevel: ticket.escalationLevel,
  };
}

/**
 * Appends the audit events of one change and their outbox rows, in the caller's transaction.
 * `ticket` is the state right after the change.
 */
export function appendEvents(
  tx: Tx,
  ticket: TicketRow,
  drafts: readonly EventDraft[],
  actor: Viewer,
  at: Date,
): Promise<void> {
  return appendEventsOfMany(tx, [{ ticket, events: drafts }], actor, at);
}

/**
 * The events and outbox rows of changes to many tickets (workers apply effects in batches), in two
 * statements whatever the number of tickets.
 */
export async function appendEventsOfMany(
  tx: Tx,
  changes: readonly { ticket: TicketRow; events: readonly EventDraft[] }[],
  actor: Viewer,
  at: Date,
): Promise<void> {
  // The ticket state each event's webhook carries, in the order of the inserted rows.
  const owners = changes.flatMap(({ ticket, events }) => events.map(() => ticket));
  const values = changes.flatMap(({ ticket, events }) =>
    events.map((draft) => ({
      ticketId: ticket.id,
      type: draft.type,
      at,
      actorId: actor.kind === 'user' ? actor.id : null,
      actorClientId: actor.kind === 'client' ? actor.id : null,
      fromStatus: draft.fromStatus ?? null,
      toStatus: draft.toStatus ?? null,
      departmentId: draft.departmentId === undefined ? ticket.departmentId : draft.departmentId,
      note: draft.note ?? null,
      level: draft.level ?? null,
      fraction: draft.fraction ?? null,
      slaCycle: ticket.slaCycle,
      effectKey: draft.effectKey ?? null,
    })),
  );
  if (values.length === 0) return;
  const rows = await tx.insert(ticketEvents).values(values).returning({
    id: ticketEvents.id,
    type: ticketEvents.type,
    level: ticketEvents.level,
    fraction: ticketEvents.fraction,
  });
  // Ids come from the sequence in VALUES order, so sorting by id pairs each row with its draft.
  rows.sort((a, b) => a.id - b.id);
  const messages = rows.flatMap((row, index) => {
    const type = WEBHOOK_TYPES[row.type];
    const ticket = owners[index];
    if (!type || !ticket) return [];
    const data: Record<string, unknown> = { ticket: webhookTicket(ticket) };
    if (row.type === 'ESCALATED') data.level = row.level;
    if (row.type === 'REMINDER_SENT') data.fraction = row.fraction;
    return [{ eventId: row.id, ticketId: ticket.id, type, payload: data, createdAt: at }];
  });
  if (messages.length > 0) await tx.insert(outbox).values(messages);
}
