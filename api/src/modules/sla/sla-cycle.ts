import { eq } from 'drizzle-orm';
import type { Tx } from '../../../../schema/src/db.js';
import { slaPolicies, type TicketPriority, type tickets } from '../../../../schema/src/index.js';
import { calendarMs, parseDuration } from '../../domain/duration.js';

type TicketRow = typeof tickets.$inferSelect;

/** The SLA columns of a ticket that dispatch, hold, resume and closing rewrite. */
export type SlaFields = Partial<
  Pick<
    TicketRow,
    | 'slaPolicyId'
    | 'slaCycle'
    | 'clockStartedAt'
    | 'acceptDueAt'
    | 'dueAt'
    | 'acceptedAt'
    | 'acceptedOnTime'
    | 'pausedAt'
    | 'breachedAt'
    | 'escalationLevel'
    | 'nextTimerAt'
  >
>;

/** Starts a fresh SLA cycle (dispatch, reassignment, reopen): new deadlines, no breach, level 0. */
export async function startSlaCycle(
  tx: Tx,
  ticket: Pick<TicketRow, 'priority' | 'slaCycle'>,
  now: Date,
): Promise<SlaFields> {
  const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.priority, ticket.priority as TicketPriority));
  if (!policy) throw new Error(`No SLA policy for priority ${ticket.priority}`);
  const acceptDueAt = new Date(now.getTime() + calendarMs(parseDuration(policy.acceptWithin)!));
  const dueAt = new Date(now.getTime() + calendarMs(parseDuration(policy.resolveWithin)!));
  return {
    slaPolicyId: policy.id,
    slaCycle: ticket.slaCycle + 1,
    clockStartedAt: now,
    acceptDueAt,
    dueAt,
    acceptedAt: null,
    acceptedOnTime: null,
    pausedAt: null,
    breachedAt: null,
    escalationLevel: 0,
    nextTimerAt: dueAt,
  };
}

/** Stops the clock for good in this cycle (returned, resolved, closed). */
export function stopSla(): SlaFields {
  return { pausedAt: null, nextTimerAt: null };
}

export function pauseSla(now: Date): SlaFields {
  return { pausedAt: now, nextTimerAt: null };
}

/** Moves the deadlines later by the time spent on hold. */
export async function resumeSla(_tx: Tx, ticket: TicketRow, now: Date): Promise<SlaFields> {
  const pausedMs = ticket.pausedAt ? now.getTime() - ticket.pausedAt.getTime() : 0;
  const shift = (at: Date | null) => (at ? new Date(at.getTime() + pausedMs) : null);
  const dueAt = shift(ticket.dueAt);
  return {
    pausedAt: null,
    acceptDueAt: ticket.acceptedAt ? ticket.acceptDueAt : shift(ticket.acceptDueAt),
    dueAt,
    nextTimerAt: dueAt,
  };
}

/** Records acceptance and whether it met the accept deadline (response rate). */
export function acceptSla(ticket: Pick<TicketRow, 'acceptDueAt'>, now: Date): SlaFields {
  return {
    acceptedAt: now,
    acceptedOnTime: ticket.acceptDueAt ? now.getTime() <= ticket.acceptDueAt.getTime() : true,
  };
}
