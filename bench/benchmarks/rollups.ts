import { aggregateTickets, rollUpAllDirtyDays, systemClock, ZONE_SQL } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import { sql as drizzleSql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { gql } from '../lib/graphql.js';
import { median } from '../lib/load.js';

/** Runs a drizzle SQL fragment through postgres.js (the benchmark's raw client). */
function raw<T extends object>(sql: postgres.Sql, query: SQL): Promise<T[]> {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  return sql.unsafe<T[]>(text, params as postgres.ParameterOrJSON<never>[]);
}

/** The business calendar's zone, as the roll-up cuts days (ZONE_SQL). */
async function calendarZone(sql: postgres.Sql): Promise<string> {
  const [row] = await raw<{ zone: string }>(sql, drizzleSql`select ${ZONE_SQL} as zone`);
  return row!.zone;
}

/**
 * The last `days` whole days up to today in the business calendar's zone, as the console asks them
 * (dashboard periods, "last 90 days"): from the first day's midnight to tomorrow's.
 */
export async function wholeDays(
  sql: postgres.Sql,
  now: Date,
  days: number,
): Promise<{ from: Date; to: Date }> {
  const zone = await calendarZone(sql);
  const [row] = await sql<{ from: Date; to: Date }[]>`
    with today as (select (${now.toISOString()}::timestamptz at time zone ${zone})::date as day)
    select ((day - ${days - 1}::int)::timestamp at time zone ${zone}) as "from",
      ((day + 1)::timestamp at time zone ${zone}) as "to"
    from today`;
  return { from: new Date(row!.from), to: new Date(row!.to) };
}

/**
 * Rolls every marked day up, as the workers' roll-up job does after a load. The bulk loader writes
 * tickets with triggers off, so nothing is marked; the first roll-up of a database (no zone rolled
 * yet) marks and rolls every day that has tickets. Returns the days rolled and the time it took.
 */
export async function catchUpRollups(url: string): Promise<{ days: number; ms: number }> {
  const database = await openDatabase({ url, max: 2 });
  try {
    const started = performance.now();
    const days = await rollUpAllDirtyDays(database.db, systemClock);
    return { days, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

/**
 * The same figures counted straight from the tickets over [from, to): the statement the roll-up
 * runs per day, run once over the whole window. What a stats or ranking query would cost without
 * the roll-up table, measured in the same run as the API.
 */
export async function rawAggregateMs(sql: postgres.Sql, from: Date, to: Date, runs: number): Promise<number> {
  const query = drizzleSql`select count(*)::int as rows from (${aggregateTickets(
    drizzleSql`${from.toISOString()}::timestamptz`,
    drizzleSql`${to.toISOString()}::timestamptz`,
    await calendarZone(sql),
  )}) as figures`;
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await raw(sql, query);
    runsMs.push(performance.now() - started);
  }
  return median(runsMs);
}

export interface RankingFigures {
  days: number;
  /** Departments ranked. */
  departments: number;
  /** Tickets behind the ranked departments' volumes in the window. */
  volume: number;
  runsMs: number[];
  medianMs: number;
  maxMs: number;
}

/** What the console's ranking page asks: every department's scorecard, this period and the last. */
const RANKING_QUERY = `query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) {
  entries { rank department { id name code } scoreChange
    current { score volume responseRate onTimeResolutionRate satisfactionRate reopenRate returnRate
      rejectedReturns supervisedTickets coHandlingOnTimeRate }
    previous { score volume } } } }`;

/** The department ranking over `range` (`days` whole days), asked `runs` times one after another. */
export async function measureRanking(
  url: string,
  token: string,
  range: { from: Date; to: Date },
  days: number,
  runs: number,
): Promise<RankingFigures> {
  const variables = { from: range.from.toISOString(), to: range.to.toISOString() };
  const runsMs: number[] = [];
  let departments = 0;
  let volume = 0;
  // Two runs first, not counted: the API's first answers of a kind compile its code paths.
  for (let run = 0; run < 2; run++) await gql(url, RANKING_QUERY, variables, token);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const data = await gql<{ departmentRanking: { entries: { current: { volume: number } }[] } }>(
      url,
      RANKING_QUERY,
      variables,
      token,
    );
    runsMs.push(performance.now() - started);
    departments = data.departmentRanking.entries.length;
    volume = data.departmentRanking.entries.reduce((sum, entry) => sum + entry.current.volume, 0);
  }
  return { days, departments, volume, runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs) };
}
