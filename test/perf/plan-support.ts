import * as schema from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

/** A statement as the application sent it. */
export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * The application's own database handle (drizzle over postgres.js, snake_case), recording every
 * statement it sends: the plan test explains exactly the SQL the real query builders produce.
 */
export function recordingDatabase(url: string) {
  const captured: CapturedQuery[] = [];
  const client = postgres(url, {
    max: 2,
    onnotice: () => {},
    debug: (_connection, text, params) => captured.push({ text, params: params as unknown[] }),
  });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as Db;
  return {
    db,
    client,
    captured,
    /** The statements sent while `run` ran. */
    async capture(run: () => Promise<unknown>): Promise<CapturedQuery[]> {
      const from = captured.length;
      await run();
      // Leaves out transaction control and postgres.js's own type lookup on a new connection.
      return captured
        .slice(from)
        .filter(
          (query) =>
            !/^(begin|commit|rollback)/i.test(query.text.trim()) && !query.text.includes('pg_catalog'),
        );
    },
  };
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** EXPLAIN (FORMAT JSON) of a captured statement, with its own parameters (a custom plan, as the app gets). */
export async function explain(
  sql: postgres.Sql | postgres.TransactionSql,
  query: CapturedQuery,
): Promise<PlanNode> {
  const rows = await sql.unsafe(`explain (format json) ${query.text}`, query.params as never[]);
  const plan = (rows[0] as Record<string, unknown>)['QUERY PLAN'] as { Plan: PlanNode }[];
  return plan[0]!.Plan;
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Sequential scans of the big tables: what must never appear on a hot path. */
export function seqScansOfBigTables(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter(
      (node) =>
        node['Node Type'] === 'Seq Scan' &&
        ['tickets', 'ticket_events'].includes(node['Relation Name'] ?? ''),
    )
    .map((node) => node['Relation Name']!);
}

export function indexesUsed(plan: PlanNode): string[] {
  return planNodes(plan)
    .map((node) => node['Index Name'])
    .filter((name): name is string => Boolean(name));
}

/**
 * 50,000 tickets and 150,000 events made by generate_series (seconds): 20 departments, a status mix
 * where a fifth of the tickets run, unique phones, deadlines spread over weeks, SLA timers on the
 * running tickets of which a few are due. Then ANALYZE, so the planner sees the real distribution.
 */
export async function fillTickets(sql: postgres.Sql, count = 50_000): Promise<void> {
  await sql`insert into departments (code, name, kind) select 'PLAN_' || g, '部门' || g, 'BUREAU' from generate_series(1, 20) g`;
  await sql`
    with d as (select array_agg(id order by code) as ids from departments where code like 'PLAN_%')
    insert into tickets (id, number, status, priority, demand_type, channel, title, description, caller_phone,
      department_id, version, created_at, updated_at, created_by_id, due_at, next_timer_at, latitude, longitude)
    select gen_random_uuid(), 'P' || lpad(g::text, 12, '0'),
      (array['NEW','DISPATCHED','IN_PROGRESS','ON_HOLD','RETURNED','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g % 10]::ticket_status,
      'ORDINARY', 'COMPLAINT', 'PHONE', '小区停水' || (g % 97), '来电人反映小区停水多日，希望尽快处理。' || (g % 89),
      '13' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
      d.ids[1 + (g * 13 + g / 7) % 20], 1, now() - g * interval '1 minute', now() - g * interval '1 minute', gen_random_uuid(),
      now() - g * interval '1 minute' + ((g * 37) % 7 + 1) * interval '1 day' + ((g * 7919) % 1440) * interval '1 minute',
      case when g % 10 in (1, 2) then now() + (g % 500 - 5) * interval '1 hour' end,
      -- Spread over a district of about 50 x 50 km.
      31.0 + ((g::bigint * 7919) % 100003) / 100003.0 * 0.45, 121.2 + ((g::bigint * 104729) % 100019) / 100019.0 * 0.5
    from generate_series(1, ${count}) g, d`;
  await sql`
    insert into ticket_events (ticket_id, type, at, to_status)
    select t.id, (array['CREATED','DISPATCHED','ACCEPTED'])[k]::ticket_event_type, t.created_at, 'NEW'
    from tickets t, generate_series(1, 3) k`;
  await sql`analyze tickets`;
  await sql`analyze ticket_events`;
}
