import {
  businessCalendar,
  departments,
  slaPolicies,
  type TicketRow,
  ticketEvents,
  tickets,
} from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import { systemViewer } from '../../auth/viewer.js';
import { appendEventsOfMany, type EventDraft } from '../tickets/ticket-events.writer.js';
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

/**
 * Applies one effect in one transaction: lock the ticket, re-check that its clock still runs in the same
 * cycle and that the timer is due, then write the REMINDER_SENT / ESCALATED event (and its outbox row)
 * with its effect key, raise the escalation level and the version. Repeats change nothing.
 */
async function applySlaEffect(
  db: Db,
  now: Date,
  effect: SlaEffect,
  options: ApplyOptions,
): Promise<EffectOutcome> {
  try {
    const [outcome] = await applyTogether(db, now, [effect], options);
    return outcome!;
  } catch (error) {
    // Only reachable if a writer skipped the ticket lock; the unique index still keeps it once-only.
    if (isEffectConflict(error)) return 'duplicate';
    throw error;
  }
}

/**
 * Applies many effects in one transaction (the workers' group commit): the tickets are locked in id
 * order, their applied keys read once, each effect checked exactly as `applySlaEffect` does, then one
 * UPDATE for all tickets and each ticket's events and outbox rows, pipelined. Every effect is still
 * atomic with its ticket change. If the batch fails, each effect is applied on its own.
 */
export async function applySlaEffects(
  db: Db,
  now: Date,
  effects: readonly SlaEffect[],
  options: ApplyOptions,
): Promise<EffectOutcome[]> {
  if (effects.length === 1) return [await applySlaEffect(db, now, effects[0] as SlaEffect, options)];
  try {
    return await applyTogether(db, now, effects, options);
  } catch {
    const outcomes: EffectOutcome[] = [];
    for (const effect of effects) outcomes.push(await applySlaEffect(db, now, effect, options));
    return outcomes;
  }
}

async function applyTogether(
  db: Db,
  now: Date,
  effects: readonly SlaEffect[],
  options: ApplyOptions,
): Promise<EffectOutcome[]> {
  const ids = [...new Set(effects.map((effect) => effect.ticketId))].sort();
  return db.transaction(async (tx) => {
    // The key query runs after every lock is granted (same connection, in order), with a fresh
    // snapshot: it sees every effect committed by an earlier holder of a lock.
    const [rows, keyRows] = await Promise.all([
      tx
        .select({
          ticket: tickets,
          policy: slaPolicies,
          calendar: businessCalendar,
          // The parent of the responsible department; a top-level one answers to the hotline centre.
          supervisorId: sql<string | null>`coalesce(${departments.parentId},
            (select id from ${departments} where kind = 'HOTLINE_CENTER' order by code limit 1))`,
          // Losing this commit in a crash loses nothing: the lease makes the tick hand the effect out
          // again, so effects do not wait for the WAL flush.
          _async: sql`set_config('synchronous_commit', 'off', true)`,
        })
        .from(tickets)
        .leftJoin(slaPolicies, sql`${slaPolicies.id} = ${tickets.slaPolicyId}`)
        .leftJoin(businessCalendar, sql`${businessCalendar.id} = 1`)
        .leftJoin(departments, sql`${departments.id} = ${tickets.departmentId}`)
        .where(inArray(tickets.id, ids))
        .orderBy(tickets.id)
        .for('update', { of: tickets }),
      tx
        .select({ ticketId: ticketEvents.ticketId, key: ticketEvents.effectKey })
        .from(ticketEvents)
        .where(and(inArray(ticketEvents.ticketId, ids), isNotNull(ticketEvents.effectKey))),
    ]);
    const found = new Map(rows.map((row) => [row.ticket.id, row]));
    const keysOf = new Map<string, string[]>();
    for (const row of keyRows)
      keysOf.set(row.ticketId, [...(keysOf.get(row.ticketId) ?? []), row.key as string]);

    const outcomes: EffectOutcome[] = [];
    const changed = new Map<string, { ticket: TicketRow; events: EventDraft[] }>();
    const appliedOf = new Map<string, Set<string>>();
    for (const effect of effects) {
      const row = found.get(effect.ticketId);
      if (!row) {
        outcomes.push('gone');
        continue;
      }
      const current = changed.get(row.ticket.id)?.ticket ?? row.ticket;
      const { policy, calendar } = row;
      if (current.slaCycle !== effect.cycle || !clockRuns(current) || !policy || !calendar) {
        outcomes.push('stale');
        continue;
      }
      const timers = slaTimers(current, policy as SlaPolicyRow, calendarSpec(calendar));
      const key = effectKey(effect);
      const timer = timers.find((candidate) => candidate.key === key);
      if (!timer || timer.at.getTime() > now.getTime()) {
        outcomes.push('stale');
        continue;
      }
      const applied = appliedOf.get(current.id) ?? appliedKeys(current, keysOf.get(current.id) ?? []);
      appliedOf.set(current.id, applied);
      if (applied.has(key)) {
        outcomes.push('duplicate');
        continue;
      }
      applied.add(key);
      if (timer.kind === 'escalate') applied.add(BREACH_KEY);
      const change = describeEffect(current, timer, row.supervisorId, key, now);
      const queuedUntil =
        current.nextTimerAt && current.nextTimerAt.getTime() > now.getTime()
          ? current.nextTimerAt
          : new Date(now.getTime() + options.leaseMs);
      change.set.nextTimerAt = nextTimerAt(timers, applied, now, queuedUntil);
      changed.set(current.id, {
        ticket: { ...current, ...change.set },
        events: [...(changed.get(current.id)?.events ?? []), change.event],
      });
      outcomes.push('applied');
    }
    if (changed.size === 0) return outcomes;

    const updates = [...changed.values()].map(({ ticket }) => ({
      id: ticket.id,
      version: ticket.version,
      level: ticket.escalationLevel,
      breached: ticket.breachedAt?.toISOString() ?? null,
      next: ticket.nextTimerAt?.toISOString() ?? null,
    }));
    await Promise.all([
      tx.execute(sql`
        update ${tickets} set version = v.version, updated_at = ${now.toISOString()}::timestamptz,
          escalation_level = v.level, breached_at = v.breached, next_timer_at = v.next
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
          as v(id uuid, version int, level int, breached timestamptz, next timestamptz)
        where ${tickets.id} = v.id`),
      appendEventsOfMany(tx, [...changed.values()], systemViewer, now),
    ]);
    return outcomes;
  });
}

/** The ticket columns and the event of one effect. */
function describeEffect(
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
