import type { NoteVisibility, TicketEventType, TicketRow, TicketStatus } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';

export interface EventDraft {
  type: TicketEventType;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  departmentId?: string | null;
  note?: string | null;
  level?: number | null;
  fraction?: number | null;
  /** NOTE_ADDED, ATTACHMENT_ADDED: who may read it; an INTERNAL one writes no outbox row (no webhook). */
  visibility?: NoteVisibility | null;
  /** Makes a worker effect happen once (unique per ticket). */
  effectKey?: string | null;
  /** More of the webhook body beside `ticket` (ids and codes only, never personal data). */
  webhookExtra?: Record<string, unknown>;
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
  EXTENSION_CANCELLED: 'ticket.extension_cancelled',
  RESOLVED: 'ticket.resolved',
  FEEDBACK_RECORDED: 'ticket.feedback_recorded',
  REOPENED: 'ticket.reopened',
  CLOSED: 'ticket.closed',
  REMINDER_SENT: 'ticket.reminder',
  ESCALATED: 'ticket.escalated',
  NOTE_ADDED: 'ticket.note_added',
  RETURN_REQUESTED: 'ticket.return_requested',
  RETURN_REJECTED: 'ticket.return_rejected',
  SUPERVISED: 'ticket.supervised',
  SUPERVISION_REPLIED: 'ticket.supervision_replied',
  CO_HANDLING_REQUESTED: 'ticket.co_handling_requested',
  CO_HANDLING_ACCEPTED: 'ticket.co_handling_accepted',
  CO_HANDLING_REPLIED: 'ticket.co_handling_replied',
  CO_HANDLER_REMINDED: 'ticket.co_handler_reminded',
  CO_HANDLER_WAIVED: 'ticket.co_handler_waived',
  ATTACHMENT_ADDED: 'ticket.attachment_added',
  LINKED_TO_INCIDENT: 'ticket.linked_to_incident',
  UNLINKED_FROM_INCIDENT: 'ticket.unlinked_from_incident',
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
 * `ticket` is the state right after the change; `alongside`, a write that runs in the same
 * statement (the ticket's own update, saving a round trip).
 */
export function appendEvents(
  tx: Tx,
  ticket: TicketRow,
  drafts: readonly EventDraft[],
  actor: Viewer,
  at: Date,
  alongside?: SQLWrapper,
): Promise<void> {
  return appendEventsOfMany(tx, [{ ticket, events: drafts }], actor, at, alongside);
}

/**
 * The events and outbox rows of changes to many tickets (workers apply effects in batches), in one
 * statement whatever the number of tickets: the rows travel as one JSON document, the events are
 * inserted in its order and each outbox row takes the id its event was given.
 */
export async function appendEventsOfMany(
  tx: Tx,
  changes: readonly { ticket: TicketRow; events: readonly EventDraft[] }[],
  actor: Viewer,
  at: Date,
  alongside?: SQLWrapper,
): Promise<void> {
  let position = 0;
  const rows = changes.flatMap(({ ticket, events }) =>
    events.map((draft) => {
      const internal = draft.visibility != null && draft.visibility !== 'PUBLIC';
      const webhook = internal ? null : (WEBHOOK_TYPES[draft.type] ?? null);
      const payload: Record<string, unknown> | null = webhook ? { ticket: webhookTicket(ticket) } : null;
      if (payload && draft.type === 'ESCALATED') payload.level = draft.level ?? null;
      if (payload && draft.type === 'REMINDER_SENT') payload.fraction = draft.fraction ?? null;
      if (payload && draft.type === 'NOTE_ADDED') payload.note = { visibility: 'PUBLIC', body: draft.note };
      if (payload && draft.webhookExtra) Object.assign(payload, draft.webhookExtra);
      return {
        ticket_id: ticket.id,
        type: draft.type,
        actor_id: actor.kind === 'user' ? actor.id : null,
        actor_client_id: actor.kind === 'client' ? actor.id : null,
        from_status: draft.fromStatus ?? null,
        to_status: draft.toStatus ?? null,
        department_id: draft.departmentId === undefined ? ticket.departmentId : draft.departmentId,
        note: draft.note ?? null,
        visibility: draft.visibility ?? null,
        level: draft.level ?? null,
        fraction: draft.fraction ?? null,
        sla_cycle: ticket.slaCycle,
        effect_key: draft.effectKey ?? null,
        webhook,
        payload,
        position: ++position,
      };
    }),
  );
  if (rows.length === 0) {
    if (alongside) await tx.execute(alongside.getSQL());
    return;
  }
  const time = at.toISOString();
  await tx.execute(sql`
    with ${alongside ? sql`alongside as (${alongside.getSQL()}), ` : sql``}draft as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(
        ticket_id uuid, type ticket_event_type, actor_id uuid, actor_client_id uuid,
        from_status ticket_status, to_status ticket_status, department_id uuid, note text,
        visibility note_visibility, level integer, fraction real, sla_cycle integer, effect_key text, webhook text, payload jsonb,
        position integer)
    ), inserted as (
      insert into ticket_events (ticket_id, type, at, actor_id, actor_client_id, from_status, to_status,
        department_id, note, visibility, level, fraction, sla_cycle, effect_key)
      select ticket_id, type, ${time}::timestamptz, actor_id, actor_client_id, from_status, to_status,
        department_id, note, visibility, level, fraction, sla_cycle, effect_key
      from draft order by position
      returning id
    ), numbered as (
      -- Ids come from the sequence in insertion order, so the n-th id belongs to the n-th draft.
      select id, row_number() over (order by id) as position from inserted
    )
    insert into outbox (event_id, ticket_id, type, payload, created_at)
    select numbered.id, draft.ticket_id, draft.webhook, draft.payload, ${time}::timestamptz
    from numbered join draft using (position)
    where draft.webhook is not null
    order by numbered.id`);
}
