import type { Db } from '@hotline/schema/client';
import { queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { aggregateTickets, COUNTER_COLUMNS } from './rollup-figures.js';

/** pg_advisory_xact_lock key of the roll-up: one worker at a time rolls days up. */
const ROLLUP_LOCK = 1_312_345_007;
/** Days rolled up in one transaction (a day of a 60,000-a-day city takes about a second). */
const DAYS_PER_RUN = 7;

export const ZONE_SQL = sql`coalesce((select timezone from business_calendar where id = 1), 'Asia/Shanghai')`;

export interface RollUpResult {
  /** Days rolled up again. */
  days: number;
  /** Marked days still waiting (more than one run's worth, or another worker held the lock). */
  pending: boolean;
}

/**
 * Rolls up again the days that changes marked (rollup_dirty_days), oldest first, at most
 * DAYS_PER_RUN of them: in one REPEATABLE READ transaction it reads the marks, replaces those days'
 * rows from the tickets, and deletes the marks it read. A change committed meanwhile is invisible to
 * both the recount and the delete, so its mark stays for the next run: nothing is lost, nothing is
 * recounted from a half-seen change. A changed business calendar zone cuts every day again.
 */
export async function rollUpDirtyDays(db: Db, clock: Clock): Promise<RollUpResult> {
  return db.transaction(
    async (tx) => {
      const [lock] = await queryRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${ROLLUP_LOCK}) as locked`,
      );
      if (!lock?.locked) return { days: 0, pending: true };
      const [zoneRow] = await queryRows<{ zone: string; rolled_zone: string | null }>(
        tx,
        sql`select ${ZONE_SQL} as zone, (select timezone from rollup_state where id = 1) as rolled_zone`,
      );
      const zone = zoneRow!.zone;
      if (zoneRow!.rolled_zone !== zone) {
        // Days are cut in the calendar's zone: a new zone (or the first run) rolls every day up again.
        await tx.execute(sql`delete from daily_rollups`);
        await tx.execute(sql`insert into rollup_dirty_days (day)
          select distinct (created_at at time zone ${zone})::date from tickets`);
        await tx.execute(sql`insert into rollup_state (id, timezone) values (1, ${zone})
          on conflict (id) do update set timezone = excluded.timezone`);
      }
      const marked = await queryRows<{ day: string }>(
        tx,
        sql`select to_char(day, 'YYYY-MM-DD') as day from rollup_dirty_days
          group by day order by day limit ${DAYS_PER_RUN + 1}`,
      );
      const days = marked.slice(0, DAYS_PER_RUN).map((row) => row.day);
      const columns = sql.raw(['day', 'department_id', 'category_id', ...COUNTER_COLUMNS].join(', '));
      for (const day of days) {
        const start = sql`(${day}::date::timestamp at time zone ${zone})`;
        const end = sql`((${day}::date + 1)::timestamp at time zone ${zone})`;
        await tx.execute(sql`delete from daily_rollups where day = ${day}::date`);
        await tx.execute(sql`insert into daily_rollups (${columns}) ${aggregateTickets(start, end, zone)}`);
      }
      if (days.length > 0) {
        await tx.execute(
          sql`delete from rollup_dirty_days where day = any(${`{${days.join(',')}}`}::date[])`,
        );
        await tx.execute(
          sql`update rollup_state set rolled_at = ${clock.now().toISOString()}::timestamptz where id = 1`,
        );
      }
      return { days: days.length, pending: marked.length > DAYS_PER_RUN };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Rolls up until no marked day is left (tests, benchmarks, a start-up catch-up); returns the days. */
export async function rollUpAllDirtyDays(db: Db, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await rollUpDirtyDays(db, clock);
    total += result.days;
    if (!result.pending) return total;
    if (result.days === 0) await new Promise((wake) => setTimeout(wake, 50));
  }
}
