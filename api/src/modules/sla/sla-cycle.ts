import type { TicketRow } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { parseStoredDuration } from '../../domain/duration.js';
import { addDuration, addWorkingMs, workingMsBetween } from '../../domain/sla-clock.js';
import {
  loadCalendar,
  loadEffectKeys,
  loadSettingsById,
  loadSettingsForPriority,
  type SlaSettings,
} from './sla-settings.js';
import { appliedKeys, nextTimerAt, slaTimers, type TicketClock } from './sla-timers.js';

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
    | 'acceptWorkingMs'
    | 'resolveWorkingMs'
    | 'heldWorkingMs'
    | 'pausedAt'
    | 'breachedAt'
    | 'escalationLevel'
    | 'nextTimerAt'
  >
>;

/** The earliest pending timer of the ticket as it will be after the change; due ones fire at the next tick. */
async function pendingTimerAt(
  tx: Tx,
  ticket: TicketClock & { id?: string },
  settings: SlaSettings,
  now: Date,
): Promise<Date | null> {
  const timers = slaTimers(ticket, settings.policy, settings.calendar);
  if (timers.length === 0) return null;
  const keys = ticket.id ? await loadEffectKeys(tx, ticket.id, ticket.slaCycle) : [];
  return nextTimerAt(timers, appliedKeys(ticket, keys), now, now);
}

/** The breach mark a transition keeps: a clock that ran past dueAt stays breached for this cycle. */
function breachAt(ticket: Pick<TicketRow, 'breachedAt' | 'dueAt' | 'pausedAt'>, now: Date): Date | null {
  if (ticket.breachedAt) return ticket.breachedAt;
  if (!ticket.dueAt || ticket.pausedAt) return null;
  return now.getTime() >= ticket.dueAt.getTime() ? ticket.dueAt : null;
}

/**
 * Starts a fresh SLA cycle (dispatch, reassignment, reopen): deadlines on the policy's clock from now,
 * no breach, level 0.
 */
export async function startSlaCycle(
  tx: Tx,
  ticket: Pick<TicketRow, 'priority' | 'slaCycle'>,
  now: Date,
): Promise<SlaFields> {
  const settings = await loadSettingsForPriority(tx, ticket.priority);
  const { policy, calendar } = settings;
  const acceptDueAt = addDuration(calendar, policy.clock, now, parseStoredDuration(policy.acceptWithin));
  const dueAt = addDuration(calendar, policy.clock, now, parseStoredDuration(policy.resolveWithin));
  const slaCycle = ticket.slaCycle + 1;
  const clock: TicketClock = {
    status: 'DISPATCHED',
    slaCycle,
    clockStartedAt: now,
    dueAt,
    pausedAt: null,
    breachedAt: null,
  };
  return {
    slaPolicyId: policy.id,
    slaCycle,
    clockStartedAt: now,
    acceptDueAt,
    dueAt,
    acceptedAt: null,
    acceptedOnTime: null,
    acceptWorkingMs: null,
    resolveWorkingMs: null,
    heldWorkingMs: 0,
    pausedAt: null,
    breachedAt: null,
    escalationLevel: 0,
    nextTimerAt: await pendingTimerAt(tx, clock, settings, now),
  };
}

/** Stops the clock for good in this cycle (returned, resolved, closed), keeping a breach that happened. */
export function stopSla(ticket: Pick<TicketRow, 'breachedAt' | 'dueAt' | 'pausedAt'>, now: Date): SlaFields {
  return { pausedAt: null, nextTimerAt: null, breachedAt: breachAt(ticket, now) };
}

/** ON_HOLD: no timer runs until resume. */
export function pauseSla(ticket: Pick<TicketRow, 'breachedAt' | 'dueAt' | 'pausedAt'>, now: Date): SlaFields {
  return { pausedAt: now, nextTimerAt: null, breachedAt: breachAt(ticket, now) };
}

/** Moves the deadlines later by the time spent on hold, measured on the policy's clock. */
export async function resumeSla(tx: Tx, ticket: TicketRow, now: Date): Promise<SlaFields> {
  const settings = await loadSettingsById(tx, ticket.slaPolicyId);
  if (!settings || !ticket.pausedAt) return { pausedAt: null };
  const { policy, calendar } = settings;
  const pausedMs = workingMsBetween(calendar, policy.clock, ticket.pausedAt, now);
  const heldWorkingMs = ticket.heldWorkingMs + workingMsBetween(calendar, 'BUSINESS', ticket.pausedAt, now);
  const shift = (at: Date | null) => (at ? addWorkingMs(calendar, policy.clock, at, pausedMs) : null);
  const dueAt = shift(ticket.dueAt);
  const resumed = { ...ticket, status: 'IN_PROGRESS' as const, pausedAt: null, dueAt };
  return {
    pausedAt: null,
    heldWorkingMs,
    acceptDueAt: ticket.acceptedAt ? ticket.acceptDueAt : shift(ticket.acceptDueAt),
    dueAt,
    nextTimerAt: await pendingTimerAt(tx, resumed, settings, now),
  };
}

/** An approved extension: dueAt becomes `until`; a breach that already happened stays recorded. */
export async function extendSla(tx: Tx, ticket: TicketRow, until: Date, now: Date): Promise<SlaFields> {
  const breachedAt = breachAt(ticket, now);
  const settings = await loadSettingsById(tx, ticket.slaPolicyId);
  const extended = { ...ticket, dueAt: until, breachedAt };
  return {
    dueAt: until,
    breachedAt,
    nextTimerAt: settings ? await pendingTimerAt(tx, extended, settings, now) : null,
  };
}

/**
 * Working time of the cycle so far on the business calendar (whatever the policy's clock), hold time
 * excluded: what the SLA report averages as time to accept and time to resolve.
 */
async function cycleWorkingMs(
  tx: Tx,
  ticket: Pick<TicketRow, 'clockStartedAt' | 'heldWorkingMs' | 'pausedAt'>,
  now: Date,
): Promise<number | null> {
  if (!ticket.clockStartedAt) return null;
  const calendar = await loadCalendar(tx);
  const holding = ticket.pausedAt ? workingMsBetween(calendar, 'BUSINESS', ticket.pausedAt, now) : 0;
  const elapsed = workingMsBetween(calendar, 'BUSINESS', ticket.clockStartedAt, now);
  return Math.max(0, elapsed - ticket.heldWorkingMs - holding);
}

/** Records acceptance, whether it met the accept deadline (response rate) and its working time. */
export async function acceptSla(tx: Tx, ticket: TicketRow, now: Date): Promise<SlaFields> {
  return {
    acceptedAt: now,
    acceptedOnTime: ticket.acceptDueAt ? now.getTime() <= ticket.acceptDueAt.getTime() : true,
    acceptWorkingMs: await cycleWorkingMs(tx, ticket, now),
  };
}

/** Resolution: the clock stops for good in this cycle and the working time to resolve is recorded. */
export async function resolveSla(tx: Tx, ticket: TicketRow, now: Date): Promise<SlaFields> {
  return { ...stopSla(ticket, now), resolveWorkingMs: await cycleWorkingMs(tx, ticket, now) };
}
