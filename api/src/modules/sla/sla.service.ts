import { businessCalendar, type EscalationStepRow, slaPolicies, tickets } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import {
  CALENDAR_LOOKAHEAD_DAYS,
  type CalendarSpec,
  hasWorkingTimeAhead,
  validateCalendar,
} from '../../domain/sla-clock.js';
import { AppError } from '../../errors/app-error.js';
import { forgetReferenceRows } from '../../reference-rows.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { calendarSnapshot, slaPolicySnapshot } from '../settings-audit/settings-snapshots.js';
import { type BusinessCalendarRow, calendarSpec, type SlaPolicyRow } from './sla-settings.js';
import { checkSlaPolicy, type SlaPolicyDraft } from './sla-validation.js';

export type { BusinessCalendarRow, SlaPolicyRow };

const SLA_ADMINS = ['MANAGER', 'ADMIN'] as const;

// Reading is open to every signed-in role: the console shows times in the calendar's zone to all of them.
export function listSlaPolicies(ctx: ServiceContext): Promise<SlaPolicyRow[]> {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(slaPolicies).orderBy(asc(slaPolicies.priority));
}

async function readCalendar(tx: Tx): Promise<BusinessCalendarRow> {
  const [row] = await tx.select().from(businessCalendar).where(eq(businessCalendar.id, 1));
  if (!row) throw new Error('The business calendar was not seeded');
  return row;
}

export function getBusinessCalendar(ctx: ServiceContext): Promise<BusinessCalendarRow> {
  requireSignedIn(ctx.viewer);
  return readCalendar(ctx.db);
}

/**
 * Timers of running tickets depend on the policy and the calendar: after a change the tick looks at
 * each affected ticket again (deadlines already stamped stay as they are).
 */
async function wakeRunningTickets(tx: Tx, now: Date, policyIds: string[]): Promise<void> {
  if (policyIds.length === 0) return;
  await tx
    .update(tickets)
    .set({ nextTimerAt: now })
    .where(
      and(
        inArray(tickets.slaPolicyId, policyIds),
        sql`${tickets.status} in ('DISPATCHED', 'IN_PROGRESS')`,
        isNull(tickets.pausedAt),
        sql`(${tickets.nextTimerAt} is null or ${tickets.nextTimerAt} > ${now.toISOString()}::timestamptz)`,
      ),
    );
}

/** Replaces the single business calendar; every problem found is listed in one BAD_USER_INPUT. */
export async function setBusinessCalendar(
  ctx: ServiceContext,
  input: CalendarSpec,
): Promise<BusinessCalendarRow> {
  requireRole(ctx.viewer, SLA_ADMINS);
  const spec: CalendarSpec = {
    timezone: input.timezone.trim(),
    workdays: [...new Set(input.workdays)].sort((a, b) => a - b),
    hours: input.hours.map(({ start, end }) => ({ start, end })),
    holidays: [...new Set(input.holidays)].sort(),
    extraWorkdays: [...new Set(input.extraWorkdays)].sort(),
  };
  const problems = validateCalendar(spec);
  // A calendar without working time ahead would stop every BUSINESS clock (and make it search for years).
  if (problems.length === 0 && !hasWorkingTimeAhead(spec, ctx.clock.now())) {
    problems.push(`there is no working time in the next ${CALENDAR_LOOKAHEAD_DAYS} days`);
  }
  if (problems.length > 0) {
    throw new AppError('BAD_USER_INPUT', `Invalid business calendar: ${problems.join('; ')}`, { problems });
  }
  spec.hours.sort((a, b) => a.start.localeCompare(b.start));
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [old] = await tx.select().from(businessCalendar).where(eq(businessCalendar.id, 1)).for('update');
    const [row] = await tx
      .insert(businessCalendar)
      .values({ id: 1, ...spec, updatedAt: now })
      .onConflictDoUpdate({ target: businessCalendar.id, set: { ...spec, updatedAt: now } })
      .returning();
    const business = await tx
      .select({ id: slaPolicies.id })
      .from(slaPolicies)
      .where(eq(slaPolicies.clock, 'BUSINESS'));
    await wakeRunningTickets(
      tx,
      now,
      business.map((policy) => policy.id),
    );
    const saved = row as BusinessCalendarRow;
    await recordSettingsChange(tx, ctx, now, {
      kind: 'CALENDAR',
      entityId: String(saved.id),
      action: old ? 'UPDATED' : 'CREATED',
      before: old ? calendarSnapshot(old) : null,
      after: calendarSnapshot(saved),
    });
    return saved;
  });
}

/** Replaces the policy of the input's priority (one per priority); durations are kept as written. */
export async function upsertSlaPolicy(ctx: ServiceContext, input: SlaPolicyDraft): Promise<SlaPolicyRow> {
  requireRole(ctx.viewer, SLA_ADMINS);
  const saved = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const calendar = calendarSpec(await readCalendar(tx));
    const policy = await checkSlaPolicy(tx, input, calendar);
    const escalation: EscalationStepRow[] = policy.escalation;
    const values = { ...policy, escalation, updatedAt: now };
    const [old] = await tx
      .select()
      .from(slaPolicies)
      .where(eq(slaPolicies.priority, values.priority))
      .for('update');
    const [row] = await tx
      .insert(slaPolicies)
      .values(values)
      .onConflictDoUpdate({ target: slaPolicies.priority, set: values })
      .returning();
    const saved = row as SlaPolicyRow;
    await wakeRunningTickets(tx, now, [saved.id]);
    await recordSettingsChange(tx, ctx, now, {
      kind: 'SLA_POLICY',
      entityId: saved.id,
      action: old ? 'UPDATED' : 'CREATED',
      before: old ? slaPolicySnapshot(old) : null,
      after: slaPolicySnapshot(saved),
    });
    return saved;
  });
  forgetReferenceRows();
  return saved;
}
