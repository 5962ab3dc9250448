import { businessCalendar, slaPolicies, type TicketPriority, ticketEvents } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { CalendarSpec } from '../../domain/sla-clock.js';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type BusinessCalendarRow = typeof businessCalendar.$inferSelect;

/** A policy with the calendar its BUSINESS clock runs on, read together in one query. */
export interface SlaSettings {
  policy: SlaPolicyRow;
  calendar: CalendarSpec;
}

export function calendarSpec(row: BusinessCalendarRow): CalendarSpec {
  return {
    timezone: row.timezone,
    workdays: row.workdays,
    hours: row.hours,
    holidays: row.holidays,
    extraWorkdays: row.extraWorkdays,
  };
}

async function loadSettings(tx: Tx, where: ReturnType<typeof eq>): Promise<SlaSettings | null> {
  const [row] = await tx
    .select({ policy: slaPolicies, calendar: businessCalendar })
    .from(slaPolicies)
    .innerJoin(businessCalendar, eq(businessCalendar.id, 1))
    .where(where);
  return row ? { policy: row.policy, calendar: calendarSpec(row.calendar) } : null;
}

/** The hotline's business calendar (the working hours reports measure in). */
export async function loadCalendar(tx: Tx): Promise<CalendarSpec> {
  const [row] = await tx.select().from(businessCalendar).where(eq(businessCalendar.id, 1));
  if (!row) throw new Error('No business calendar');
  return calendarSpec(row);
}

/** The policy of a priority; fails when the defaults were never seeded. */
export async function loadSettingsForPriority(tx: Tx, priority: TicketPriority): Promise<SlaSettings> {
  const settings = await loadSettings(tx, eq(slaPolicies.priority, priority));
  if (!settings) throw new Error(`No SLA policy or business calendar for priority ${priority}`);
  return settings;
}

/** The policy a ticket's cycle was stamped with (null for a ticket never dispatched). */
export function loadSettingsById(tx: Tx, policyId: string | null): Promise<SlaSettings | null> {
  return policyId ? loadSettings(tx, eq(slaPolicies.id, policyId)) : Promise.resolve(null);
}

/** Effect keys already written for the ticket's cycle (each is unique per ticket). */
export async function loadEffectKeys(tx: Tx, ticketId: string, cycle: number): Promise<string[]> {
  const rows = await tx
    .select({ key: ticketEvents.effectKey })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        isNotNull(ticketEvents.effectKey),
        eq(ticketEvents.slaCycle, cycle),
      ),
    );
  return rows.map((row) => row.key as string);
}

/** Effect keys of many tickets in one query (the tick's batch), any cycle: the keys name their cycle. */
export async function loadEffectKeysOf(tx: Tx, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const byTicket = new Map<string, string[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await tx
    .select({ ticketId: ticketEvents.ticketId, key: ticketEvents.effectKey })
    .from(ticketEvents)
    .where(
      and(
        sql`${ticketEvents.ticketId} = any(${`{${ticketIds.join(',')}}`}::uuid[])`,
        isNotNull(ticketEvents.effectKey),
      ),
    );
  for (const row of rows) {
    const keys = byTicket.get(row.ticketId) ?? [];
    keys.push(row.key as string);
    byTicket.set(row.ticketId, keys);
  }
  return byTicket;
}
