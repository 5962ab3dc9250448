/**
 * The timers of one SLA cycle (contract README, "SLA semantics"), as pure functions of the ticket row,
 * its policy and the business calendar. The ticket's `next_timer_at` is the earliest timer not yet applied.
 */
import type { EscalationStepRow, TicketStatus } from '@hotline/schema';
import { parseStoredDuration } from '../../domain/duration.js';
import {
  addDuration,
  addWorkingMs,
  type CalendarSpec,
  type ClockKind,
  durationMs,
  workingMsBetween,
} from '../../domain/sla-clock.js';
import { RUNNING_STATUSES } from '../../domain/ticket-machine.js';

/** The columns of a ticket the timers depend on. */
export interface TicketClock {
  status: TicketStatus;
  slaCycle: number;
  clockStartedAt: Date | null;
  dueAt: Date | null;
  pausedAt: Date | null;
  breachedAt: Date | null;
}

/** The parts of a policy the timers depend on. */
export interface PolicyTimers {
  clock: ClockKind;
  resolveWithin: string;
  remindAt: number[];
  escalation: EscalationStepRow[];
}

/** A worker effect: one reminder fraction or one escalation level of one SLA cycle. */
export type SlaEffect =
  | { kind: 'remind'; ticketId: string; cycle: number; fraction: number }
  | { kind: 'escalate'; ticketId: string; cycle: number; level: number };

export type SlaTimer =
  | { kind: 'remind'; at: Date; key: string; fraction: number }
  | { kind: 'escalate'; at: Date; key: string; level: number; notifyDepartmentId: string | null }
  /** Marks `breachedAt` at dueAt; no event of its own (the escalation steps carry the news). */
  | { kind: 'breach'; at: Date; key: typeof BREACH_KEY };

export const BREACH_KEY = 'breach';

/** The unique key of an effect within its ticket (ticket_events_effect_idx); it names the cycle. */
export function effectKey(
  effect: Pick<SlaEffect, 'kind' | 'cycle'> & { fraction?: number; level?: number },
): string {
  return effect.kind === 'remind'
    ? `remind-${effect.cycle}-${effect.fraction}`
    : `escalate-${effect.cycle}-${effect.level}`;
}

/** Deterministic BullMQ job id (no ':'): re-publishing the same effect is harmless. */
export function effectJobId(effect: SlaEffect): string {
  const detail = effect.kind === 'remind' ? effect.fraction : effect.level;
  return `${effect.kind}-${effect.ticketId}-${effect.cycle}-${detail}`;
}

/** Whether the SLA clock of the ticket runs now (DISPATCHED or IN_PROGRESS, not paused). */
export function clockRuns(ticket: Pick<TicketClock, 'status' | 'pausedAt' | 'dueAt'>): boolean {
  return RUNNING_STATUSES.includes(ticket.status) && ticket.pausedAt === null && ticket.dueAt !== null;
}

/**
 * Every timer of the ticket's current cycle, applied or not; [] while the clock does not run.
 * A reminder at fraction f falls (1 - f) of the resolution window before dueAt on the policy's clock,
 * so holds and extensions that move dueAt move the pending reminders with it.
 */
export function slaTimers(ticket: TicketClock, policy: PolicyTimers, calendar: CalendarSpec): SlaTimer[] {
  if (!clockRuns(ticket)) return [];
  const dueAt = ticket.dueAt as Date;
  const timers: SlaTimer[] = [];
  const start = ticket.clockStartedAt ?? dueAt;
  const window = durationMs(calendar, policy.clock, parseStoredDuration(policy.resolveWithin));
  const total = workingMsBetween(calendar, policy.clock, start, dueAt);
  for (const fraction of policy.remindAt) {
    const elapsed = Math.max(0, Math.round(total - (1 - fraction) * window));
    const at = addWorkingMs(calendar, policy.clock, start, elapsed);
    timers.push({
      kind: 'remind',
      at,
      fraction,
      key: effectKey({ kind: 'remind', cycle: ticket.slaCycle, fraction }),
    });
  }
  timers.push({ kind: 'breach', at: dueAt, key: BREACH_KEY });
  for (const step of policy.escalation) {
    timers.push({
      kind: 'escalate',
      at: addDuration(calendar, policy.clock, dueAt, parseStoredDuration(step.after)),
      level: step.level,
      notifyDepartmentId: step.notifyDepartmentId,
      key: effectKey({ kind: 'escalate', cycle: ticket.slaCycle, level: step.level }),
    });
  }
  return timers;
}

/** The keys already applied: effect keys written as events, plus the breach once breachedAt is set. */
export function appliedKeys(
  ticket: Pick<TicketClock, 'breachedAt'>,
  eventKeys: Iterable<string>,
): Set<string> {
  const applied = new Set(eventKeys);
  if (ticket.breachedAt) applied.add(BREACH_KEY);
  return applied;
}

/**
 * When a worker must look at the ticket next: the earliest timer not yet applied. A timer already due
 * but not applied (its effect is queued) counts as `leaseUntil`: if its job is lost (Redis flushed,
 * job failed for good) the tick hands it out again then.
 */
export function nextTimerAt(
  timers: readonly SlaTimer[],
  applied: ReadonlySet<string>,
  now: Date,
  leaseUntil: Date,
): Date | null {
  let next: number | null = null;
  for (const timer of timers) {
    if (applied.has(timer.key)) continue;
    const at = timer.at.getTime() <= now.getTime() ? leaseUntil.getTime() : timer.at.getTime();
    if (next === null || at < next) next = at;
  }
  return next === null ? null : new Date(next);
}

/** The effect a due timer asks for (null for the breach mark, which the tick applies itself). */
export function effectOf(ticketId: string, cycle: number, timer: SlaTimer): SlaEffect | null {
  if (timer.kind === 'remind') return { kind: 'remind', ticketId, cycle, fraction: timer.fraction };
  if (timer.kind === 'escalate') return { kind: 'escalate', ticketId, cycle, level: timer.level };
  return null;
}
