import type { TicketRow } from '@hotline/schema';
import { RUNNING_STATUSES } from '../../domain/ticket-machine.js';

/** The SLA as read now: breach is exact at read time, not only once a worker noticed it. */
export function ticketSla(ticket: TicketRow, now: Date) {
  const running = RUNNING_STATUSES.includes(ticket.status);
  const paused = ticket.status === 'ON_HOLD';
  const due = ticket.dueAt?.getTime();
  const passedDue =
    due !== undefined &&
    ((running && now.getTime() >= due) ||
      (paused && ticket.pausedAt !== null && ticket.pausedAt.getTime() >= due));
  return {
    slaPolicyId: ticket.slaPolicyId,
    acceptDueAt: ticket.acceptDueAt,
    dueAt: ticket.dueAt,
    paused,
    breached: ticket.breachedAt !== null || passedDue,
    escalationLevel: ticket.escalationLevel,
  };
}
