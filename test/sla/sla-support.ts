import { Redis } from 'ioredis';
import postgres from 'postgres';
import { expect, inject } from 'vitest';
import { makeTicket } from '../support/factories.js';
import type { TestHotline } from '../support/hotline.js';

/** Worker settings for second-scale tests: fast ticks, short leases and locks. */
export const FAST_WORKERS = { SLA_TICK_MS: '200', SLA_TIMER_LEASE_MS: '1500', SLA_EFFECT_LOCK_MS: '2000' };

/** A CALENDAR-clock policy measured in seconds. */
export async function setSecondsPolicy(
  app: TestHotline,
  priority: string,
  policy: { resolveWithin: string; remindAt: number[]; escalation: { level: number; after: string }[] },
): Promise<void> {
  await app.ok(
    'mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { id } }',
    { input: { name: `test ${priority}`, priority, clock: 'CALENDAR', acceptWithin: 'PT1S', ...policy } },
    app.adminToken,
  );
}

/** A ticket dispatched now to the department; returns its id. */
export async function makeDispatched(
  app: TestHotline,
  priority: string,
  departmentId: string,
): Promise<string> {
  const { id } = await makeTicket(app, { priority });
  await app.ok(
    'mutation($id: ID!, $departmentId: ID!) { dispatchTicket(id: $id, departmentId: $departmentId) { id } }',
    { id, departmentId },
    app.adminToken,
  );
  return id;
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

export interface EffectRow {
  ticketId: string;
  type: string;
  level: number | null;
  fraction: number | null;
  count: number;
}

/** How many REMINDER_SENT / ESCALATED events each ticket got, per level or fraction. */
export async function effectCounts(sql: postgres.Sql, ticketIds: string[]): Promise<EffectRow[]> {
  return sql<EffectRow[]>`
    select ticket_id as "ticketId", type, level, fraction, count(*)::int as count
    from ticket_events
    where ticket_id = any(${ticketIds}::uuid[]) and type in ('REMINDER_SENT', 'ESCALATED')
    group by ticket_id, type, level, fraction
    order by ticket_id, type, level, fraction`;
}

/** Every ticket got exactly the expected effects, each once. */
export async function expectEffectsOnce(
  sql: postgres.Sql,
  ticketIds: string[],
  expected: { reminders: number[]; levels: number[] },
): Promise<void> {
  const rows = await effectCounts(sql, ticketIds);
  const want = ticketIds.flatMap((ticketId) => [
    ...expected.levels.map((level) => ({ ticketId, type: 'ESCALATED', level, fraction: null, count: 1 })),
    ...expected.reminders.map((fraction) => ({
      ticketId,
      type: 'REMINDER_SENT',
      level: null,
      fraction,
      count: 1,
    })),
  ]);
  const key = (row: Omit<EffectRow, 'count'>) => `${row.ticketId}/${row.type}/${row.level}/${row.fraction}`;
  expect(new Map(rows.map((row) => [key(row), row.count]))).toEqual(
    new Map(want.map((row) => [key(row), row.count])),
  );
}

/** Whether every ticket has all its expected effects (possibly more, checked afterwards). */
export async function allApplied(
  sql: postgres.Sql,
  ticketIds: string[],
  perTicket: number,
): Promise<boolean> {
  const [row] = await sql<{ done: number }[]>`
    select count(distinct (ticket_id, effect_key))::int as done from ticket_events
    where ticket_id = any(${ticketIds}::uuid[]) and effect_key is not null`;
  return (row?.done ?? 0) >= ticketIds.length * perTicket;
}

/** Deletes every Redis key of one BullMQ prefix (never FLUSHALL: other test files share the server). */
export async function deletePrefixKeys(prefix: string): Promise<number> {
  const redis = new Redis(inject('redisUrl'));
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
