/**
 * The workers' side of the SLA (DESIGN.md, "Timers live in PostgreSQL"): the tick claims due timers and
 * hands out one effect per due reminder or escalation; an effect (sla-apply-effects.ts) writes its
 * event exactly once.
 * Transport-free: workers/src/jobs/sla-*.ts wire these to BullMQ.
 */

import { businessCalendar, slaPolicies, tickets } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { asc, eq, lte, sql } from 'drizzle-orm';
import { calendarSpec, loadEffectKeysOf } from './sla-settings.js';
import { appliedKeys, effectOf, nextTimerAt, type SlaEffect, slaTimers } from './sla-timers.js';

export interface ClaimOptions {
  /** Tickets locked and handled per transaction. */
  batchSize: number;
  /** How long a handed-out effect may stay unapplied before the tick hands it out again. */
  leaseMs: number;
  /** Publishes the effects (BullMQ); called inside the claiming transaction, before it commits. */
  enqueue(effects: SlaEffect[]): Promise<void>;
  /** Told of a ticket whose timers cannot be computed (corrupt data): it is set aside for SKIPPED_RETRY_MS. */
  onSkip?(ticketId: string, error: unknown): void;
}

/**
 * A ticket whose timers cannot be computed is looked at again after this long, not at every tick:
 * the rest of its batch goes on, and a corrected policy or calendar (or any change to the ticket,
 * which recomputes next_timer_at) brings it back.
 */
const SKIPPED_RETRY_MS = 60 * 60_000;

export interface ClaimOutcome {
  /** Tickets whose timers were due. */
  claimed: number;
  effects: number;
  /** Tickets whose deadline this batch found passed and marked breached (each ticket once per cycle). */
  breaches: number;
}

/**
 * One batch: locks up to `batchSize` tickets whose next_timer_at has come (SKIP LOCKED, so competing
 * workers take disjoint batches), hands out every due effect not yet applied, marks breaches, and moves
 * next_timer_at to each ticket's next pending timer, all in one transaction. If the enqueue fails nothing
 * moves; if a job is lost later the lease brings the ticket back.
 */
export async function claimDueTimers(db: Db, now: Date, options: ClaimOptions): Promise<ClaimOutcome> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: tickets.id,
        status: tickets.status,
        slaCycle: tickets.slaCycle,
        slaPolicyId: tickets.slaPolicyId,
        clockStartedAt: tickets.clockStartedAt,
        dueAt: tickets.dueAt,
        pausedAt: tickets.pausedAt,
        breachedAt: tickets.breachedAt,
      })
      .from(tickets)
      .where(lte(tickets.nextTimerAt, now))
      .orderBy(asc(tickets.nextTimerAt))
      .limit(options.batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return { claimed: 0, effects: 0, breaches: 0 };

    const policies = new Map((await tx.select().from(slaPolicies)).map((policy) => [policy.id, policy]));
    const [calendarRow] = await tx.select().from(businessCalendar).where(eq(businessCalendar.id, 1));
    const keysByTicket = await loadEffectKeysOf(
      tx,
      due.map((ticket) => ticket.id),
    );
    const leaseUntil = new Date(now.getTime() + options.leaseMs);
    const effects: SlaEffect[] = [];
    const updates: { id: string; next: string | null; breached: string | null }[] = [];
    const skippedUntil = new Date(now.getTime() + SKIPPED_RETRY_MS).toISOString();
    for (const ticket of due) {
      const policy = ticket.slaPolicyId ? policies.get(ticket.slaPolicyId) : undefined;
      try {
        const timers = policy && calendarRow ? slaTimers(ticket, policy, calendarSpec(calendarRow)) : [];
        const applied = appliedKeys(ticket, keysByTicket.get(ticket.id) ?? []);
        const own: SlaEffect[] = [];
        let breached: Date | null = null;
        for (const timer of timers) {
          if (applied.has(timer.key) || timer.at.getTime() > now.getTime()) continue;
          const effect = effectOf(ticket.id, ticket.slaCycle, timer);
          if (effect) own.push(effect);
          else {
            breached = timer.at;
            applied.add(timer.key);
          }
        }
        const next = nextTimerAt(timers, applied, now, leaseUntil);
        effects.push(...own);
        updates.push({
          id: ticket.id,
          next: next?.toISOString() ?? null,
          breached: breached?.toISOString() ?? null,
        });
      } catch (error) {
        // One ticket's bad data must not hold back the batch (nor every later tick).
        options.onSkip?.(ticket.id, error);
        updates.push({ id: ticket.id, next: skippedUntil, breached: null });
      }
    }
    if (effects.length > 0) await options.enqueue(effects);
    await tx.execute(sql`
      update ${tickets} set
        next_timer_at = v.next,
        breached_at = coalesce(${tickets.breachedAt}, v.breached)
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, next timestamptz, breached timestamptz)
      where ${tickets.id} = v.id`);
    const breaches = updates.filter((update) => update.breached !== null).length;
    return { claimed: due.length, effects: effects.length, breaches };
  });
}
