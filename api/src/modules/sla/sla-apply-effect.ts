import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../../schema/src/db.js';
import {
  businessCalendar,
  departments,
  slaPolicies,
  ticketEvents,
  tickets,
} from '../../../../schema/src/index.js';
import { systemViewer } from '../../auth/viewer.js';
import { appendEvents, type EventDraft } from '../tickets/ticket-events.writer.js';
import { calendarSpec, type SlaPolicyRow } from './sla-settings.js';
import {
  appliedKeys,
  BREACH_KEY,
  clockRuns,
  effectKey,
  nextTimerAt,
  type SlaEffect,
  type SlaTimer,
  slaTimers,
} from './sla-timers.js';

/** What became of an effect: written now, written before, no longer due (state moved on), or no ticket. */
export type EffectOutcome = 'applied' | 'duplicate' | 'stale' | 'gone';

export interface ApplyOptions {
  /** As in ClaimOptions: when other due effects of the ticket are still queued. */
  leaseMs: number;
}

type TicketRow = typeof tickets.$inferSelect;

function isEffectConflict(error: unknown): boolean {
  type PgError = { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  for (let e = error as PgError | undefined; e; e = e.cause as PgError | undefined) {
    if (
      e.code === '23505' &&
      String(e.constraint_name ?? e.constraint ?? '').includes('ticket_events_effect_idx')
    )
      return true;
  }
  return false;
}

/** The ticket locked, with its policy, the calendar and who hears of an escalation by default. */
function lockTicket(tx: Parameters<Parameters<Db['transaction']>[0]>[0], ticketId: string) {
  return tx
    .select({
      ticket: tickets,
      policy: slaPolicies,
      calendar: businessCalendar,
      // The parent of the responsible department; a top-level one answers to the hotline centre.
      supervisorId: sql<string | null>`coalesce(${departments.parentId},
        (select id from ${departments} where kind = 'HOTLINE_CENTER' order by code limit 1))`,
      // Losing this commit in a crash loses nothing: the lease makes the tick hand the effect out
      // again. So the effect does not wait for the WAL flush, which bounds throughput otherwise.
      _async: sql`set_config('synchronous_commit', 'off', true)`,
    })
    .from(tickets)
    .leftJoin(slaPolicies, eq(slaPolicies.id, tickets.slaPolicyId))
    .leftJoin(businessCalendar, eq(businessCalendar.id, 1))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(eq(tickets.id, ticketId))
    .for('update', { of: tickets });
}

/**
 * Applies one effect in one transaction: lock the ticket, re-check that its clock still runs in the same
 * cycle and that the timer is due, then write the REMINDER_SENT / ESCALATED event (and its outbox row)
 * with its effect key, raise the escalation level and the version. Repeats change nothing.
 * Statements are pipelined (postgres.js): five round trips in all, BEGIN and COMMIT included.
 */
export async function applySlaEffect(
  db: Db,
  now: Date,
  effect: SlaEffect,
  options: ApplyOptions,
): Promise<EffectOutcome> {
  const key = effectKey(effect);
  try {
    return await db.transaction(async (tx) => {
      // The key query runs after the lock is granted (same connection, in order), with a fresh
      // snapshot: it sees every effect committed by an earlier holder of the lock.
      const [[found], keys] = await Promise.all([
        lockTicket(tx, effect.ticketId),
        tx
          .select({ key: ticketEvents.effectKey })
          .from(ticketEvents)
          .where(
            and(
              eq(ticketEvents.ticketId, effect.ticketId),
              isNotNull(ticketEvents.effectKey),
              eq(ticketEvents.slaCycle, effect.cycle),
            ),
          ),
      ]);
      if (!found) return 'gone';
      const { ticket, policy, calendar } = found;
      if (ticket.slaCycle !== effect.cycle || !clockRuns(ticket) || !policy || !calendar) return 'stale';
      const timers = slaTimers(ticket, policy as SlaPolicyRow, calendarSpec(calendar));
      const timer = timers.find((candidate) => candidate.key === key);
      // Gone from the policy, or moved later by an extension since it was handed out.
      if (!timer || timer.at.getTime() > now.getTime()) return 'stale';
      const applied = appliedKeys(
        ticket,
        keys.map((row) => row.key as string),
      );
      if (applied.has(key)) return 'duplicate';
      applied.add(key);

      const change = describeEffect(ticket, timer, found.supervisorId, key, now);
      if (timer.kind === 'escalate') applied.add(BREACH_KEY);
      const queuedUntil =
        ticket.nextTimerAt && ticket.nextTimerAt.getTime() > now.getTime()
          ? ticket.nextTimerAt
          : new Date(now.getTime() + options.leaseMs);
      change.set.nextTimerAt = nextTimerAt(timers, applied, now, queuedUntil);
      const updated: TicketRow = { ...ticket, ...change.set };
      await Promise.all([
        tx.update(tickets).set(change.set).where(eq(tickets.id, ticket.id)),
        appendEvents(tx, updated, [change.event], systemViewer, now),
      ]);
      return 'applied';
    });
  } catch (error) {
    // Only reachable if a writer skipped the ticket lock; the unique index still keeps it once-only.
    if (isEffectConflict(error)) return 'duplicate';
    throw error;
  }
}

/** The ticket columns and the event of one effect. */
export function describeEffect(
  ticket: TicketRow,
  timer: SlaTimer,
  supervisorId: string | null,
  key: string,
  now: Date,
) {
  const set: Partial<TicketRow> = { version: ticket.version + 1, updatedAt: now };
  if (timer.kind === 'escalate') {
    set.escalationLevel = Math.max(ticket.escalationLevel, timer.level);
    set.breachedAt = ticket.breachedAt ?? ticket.dueAt;
    const event: EventDraft = {
      type: 'ESCALATED',
      level: timer.level,
      departmentId: timer.notifyDepartmentId ?? supervisorId ?? ticket.departmentId,
      note: `level ${timer.level}`,
      effectKey: key,
    };
    return { set, event };
  }
  const fraction = timer.kind === 'remind' ? timer.fraction : 0;
  const event: EventDraft = {
    type: 'REMINDER_SENT',
    fraction,
    note: `${Math.round(fraction * 100)}% of the resolution time used`,
    effectKey: key,
  };
  return { set, event };
}
