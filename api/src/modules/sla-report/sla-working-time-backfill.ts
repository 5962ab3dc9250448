import { type Db, queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { workingMsBetween } from '../../domain/sla-clock.js';
import { loadCalendar } from '../sla/sla-settings.js';

const BATCH = 1_000;

interface Pending {
  id: string;
  clock_started_at: string | Date;
  accepted_at: string | Date | null;
  resolved_at: string | Date | null;
  accept_working_ms: number | null;
  resolve_working_ms: number | null;
}

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * Gives tickets accepted or resolved before working times were stored their time to accept and to
 * resolve on today's business calendar (hold time is not known for them, so it counts). Runs at every
 * start; a partial index holds exactly the rows left to do, so once done it costs one empty index read.
 * Updates only what is still null, so concurrent starts agree.
 */
export async function backfillSlaWorkingTimes(db: Db, log: Logger): Promise<number> {
  const calendar = await loadCalendar(db).catch(() => null);
  if (!calendar) return 0;
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<Pending>(
      db,
      sql`select id, clock_started_at, accepted_at, resolved_at, accept_working_ms, resolve_working_ms
        from tickets
        where clock_started_at is not null
          and ((accepted_at is not null and accept_working_ms is null) or (resolved_at is not null and resolve_working_ms is null))
          and id > ${after}::uuid
        order by id limit ${BATCH}`,
    );
    if (rows.length === 0) break;
    const measure = (start: string | Date, end: string | Date | null) =>
      end ? workingMsBetween(calendar, 'BUSINESS', asDate(start), asDate(end)) : null;
    const values = rows.map((row) => ({
      id: row.id,
      accept: row.accept_working_ms ?? measure(row.clock_started_at, row.accepted_at),
      resolve: row.resolve_working_ms ?? measure(row.clock_started_at, row.resolved_at),
    }));
    await db.execute(sql`update tickets t set
        accept_working_ms = coalesce(t.accept_working_ms, v.accept),
        resolve_working_ms = coalesce(t.resolve_working_ms, v.resolve)
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, accept bigint, resolve bigint)
      where t.id = v.id`);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  if (done > 0)
    log.info({ tickets: done }, 'working times to accept and resolve backfilled for the SLA report');
  return done;
}
