/**
 * Map-area and distance benchmark (`pnpm bench:geo [--sizes 100000,5000000] [--runs 200]`).
 * On a throw-away database: tickets with points spread over a district of about 50 x 50 km, bulk-inserted
 * with SQL generate_series (the geo key is computed by PostgreSQL as on every insert), then ANALYZE.
 * At each size it runs, through the same service functions the API calls (listTickets: a page of 25
 * and its bounded count), a street-sized area (500 x 500 m), a sub-district area (3 x 3 km) and a
 * 500 m circle at random places, against a raw baseline in the same run: getTicket, a primary-key read
 * through the same layer. Reports p50/p99, the ratio to the baseline, growth between sizes, and the
 * indexes each plan uses (EXPLAIN). Writes bench/out/results-geo.json.
 *
 * Only the indexes these queries may use are built (the geo key, creation time, primary key and unique
 * number): the other secondary indexes are dropped for the load, as the demo seed does, and the
 * database is dropped at the end.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  getTicket,
  listTickets,
  type ServiceContext,
  systemClock,
  ticketListQuery,
  type Viewer,
} from '@hotline/api/services';
import { openDatabase, queryRows } from '@hotline/schema/client';
import { deferIndexes } from '@hotline/schema/deferred-indexes';
import { sql as dsql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { createBenchDatabase, defaultTargets } from './lib/database.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,5000000' },
    runs: { type: 'string', default: '200' },
  },
});
const SIZES = String(args.sizes).split(',').map(Number);
const RUNS = Number(args.runs);
const DISTRICT = { south: 31.0, west: 121.2, north: 31.45, east: 121.7 };
const KEPT_INDEXES = ['tickets_geo_key_idx', 'tickets_created_at_idx'];
const manager: Viewer = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  role: 'MANAGER',
  departmentId: null,
};

const started = performance.now();
const say = (text: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

/** A deterministic sequence, so every run asks for the same places. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const METERS_PER_DEGREE = 111_195;
const cosLat = Math.cos((31.2 * Math.PI) / 180);
function areaAt(random: () => number, meters: number) {
  const height = meters / METERS_PER_DEGREE;
  const width = meters / (METERS_PER_DEGREE * cosLat);
  const south = DISTRICT.south + random() * (DISTRICT.north - DISTRICT.south - height);
  const west = DISTRICT.west + random() * (DISTRICT.east - DISTRICT.west - width);
  return { south, west, north: south + height, east: west + width };
}

interface Timing {
  p50: number;
  p99: number;
  mean: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

async function timeRuns(run: (index: number) => Promise<unknown>): Promise<Timing> {
  for (let index = 0; index < 20; index++) await run(index); // warm-up
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const begin = performance.now();
    await run(index);
    samples.push(performance.now() - begin);
  }
  return timing(samples);
}

async function insertTickets(sql: postgres.Sql, from: number, to: number): Promise<void> {
  const STEP = 500_000;
  for (let start = from; start < to; start += STEP) {
    const end = Math.min(to, start + STEP);
    await sql`
      insert into tickets (number, status, priority, demand_type, channel, title, description,
        version, created_at, updated_at, created_by_id, latitude, longitude)
      select 'G' || lpad(g::text, 12, '0'), 'CLOSED', 'ORDINARY', 'REPORT', 'PHONE', '井盖缺失' || (g % 97), '描述' || (g % 89),
        1, now() - g * interval '20 seconds', now() - g * interval '20 seconds', '00000000-0000-4000-8000-000000000002',
        round((${DISTRICT.south} + random() * ${DISTRICT.north - DISTRICT.south})::numeric, 6),
        round((${DISTRICT.west} + random() * ${DISTRICT.east - DISTRICT.west})::numeric, 6)
      from generate_series(${start + 1}::int, ${end}::int) g`;
    say(`  ${end.toLocaleString('en')} tickets`);
  }
}

interface PlanSummary {
  indexes: string[];
  planningMs: number;
  executionMs: number;
  rows: number;
}

/** What EXPLAIN ANALYZE says of a statement: the indexes it reads (and any sequential scan), its times. */
async function analyze(sql: postgres.Sql, statement: string): Promise<PlanSummary> {
  const [row] = await sql.unsafe<{ 'QUERY PLAN': unknown }[]>(`explain (analyze, format json) ${statement}`);
  const [top] = row!['QUERY PLAN'] as [
    { Plan: Record<string, unknown>; 'Planning Time': number; 'Execution Time': number },
  ];
  const names = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Index Name'] === 'string') names.add(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan') names.add(`Seq Scan on ${String(node['Relation Name'])}`);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(top.Plan);
  return {
    indexes: [...names],
    planningMs: Math.round(top['Planning Time'] * 1000) / 1000,
    executionMs: Math.round(top['Execution Time'] * 1000) / 1000,
    rows: Number(top.Plan['Actual Rows']),
  };
}

const database = await createBenchDatabase(defaultTargets);
say(`database ${database.name}`);
const sql = postgres(database.url, {
  max: 2,
  onnotice: () => {},
  connection: { maintenance_work_mem: '512MB' },
});
const app = await openDatabase({ url: database.url, max: 2 });
const ctx: ServiceContext = { db: app.db, clock: systemClock, viewer: manager };
const dialect = new PgDialect({ casing: 'snake_case' });
const results: Record<string, unknown>[] = [];
try {
  const parked = await deferIndexes(app.db, { tables: ['tickets'] });
  say(`${parked} secondary indexes of tickets dropped for the load`);
  const definitions = await sql<
    { name: string; definition: string }[]
  >`select name, definition from deferred_indexes`;
  let loaded = 0;
  for (const size of SIZES) {
    say(`loading up to ${size.toLocaleString('en')} tickets`);
    for (const name of KEPT_INDEXES) await sql.unsafe(`drop index if exists ${name}`);
    const loadStart = performance.now();
    await insertTickets(sql, loaded, size);
    const loadMs = performance.now() - loadStart;
    const indexStart = performance.now();
    for (const { name, definition } of definitions.filter((d) => KEPT_INDEXES.includes(d.name))) {
      say(`  building ${name}`);
      await sql.unsafe(definition);
    }
    const indexMs = performance.now() - indexStart;
    await sql`vacuum analyze tickets`;
    loaded = size;
    const ids = (await sql<{ id: string }[]>`select id from tickets tablesample system (1) limit 1000`).map(
      (r) => r.id,
    );

    const random = sequence(42);
    const streets = Array.from({ length: RUNS + 20 }, () => areaAt(random, 500));
    const districts = Array.from({ length: RUNS + 20 }, () => areaAt(random, 3000));
    const circles = Array.from({ length: RUNS + 20 }, () => {
      const { south, west } = areaAt(random, 1000);
      return {
        lat: south + 500 / METERS_PER_DEGREE,
        lng: west + 500 / (METERS_PER_DEGREE * cosLat),
        radiusMeters: 500,
      };
    });
    const listAndCount = async (filter: Record<string, unknown>) => {
      const page = await listTickets(ctx, { first: 25, filter });
      const count = await page.count();
      return { rows: page.rows.length, count: count.value };
    };
    const plan = async (filter: Record<string, unknown>) => {
      const query = ticketListQuery(manager, { filter }, new Date());
      const inline = (statement: ReturnType<typeof dsql>) => {
        const text = dialect.sqlToQuery(statement);
        return text.sql.replace(/\$(\d+)/g, (_: string, n: string) => {
          const value = text.params[Number(n) - 1];
          return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
        });
      };
      return {
        list: await analyze(
          sql,
          inline(dsql`select * from tickets where ${query.where} order by ${query.orderBy} limit 26`),
        ),
        count: await analyze(
          sql,
          inline(
            dsql`select count(*) from (select 1 from tickets where ${query.where} limit 10001) as matching`,
          ),
        ),
      };
    };
    const matched = async (filters: Record<string, unknown>[]) => {
      let rows = 0;
      for (const filter of filters.slice(0, 20)) rows += (await listAndCount(filter)).count;
      return Math.round(rows / 20);
    };

    say(`measuring at ${size.toLocaleString('en')}`);
    const baseline = await timeRuns((i) => getTicket(ctx, ids[i % ids.length]!));
    const street = await timeRuns((i) => listAndCount({ within: streets[i]! }));
    const district = await timeRuns((i) => listAndCount({ within: districts[i]! }));
    const near = await timeRuns((i) => listAndCount({ near: circles[i]! }));
    const row = {
      tickets: size,
      loadSeconds: Math.round(loadMs / 100) / 10,
      indexSeconds: Math.round(indexMs / 100) / 10,
      baselinePrimaryKey: baseline,
      street500m: {
        ...street,
        ratioP50: +(street.p50 / baseline.p50).toFixed(1),
        meanMatches: await matched(streets.map((within) => ({ within }))),
      },
      district3km: {
        ...district,
        ratioP50: +(district.p50 / baseline.p50).toFixed(1),
        meanMatches: await matched(districts.map((within) => ({ within }))),
      },
      near500m: {
        ...near,
        ratioP50: +(near.p50 / baseline.p50).toFixed(1),
        meanMatches: await matched(circles.map((near) => ({ near }))),
      },
      plans: {
        street500m: await plan({ within: streets[0]! }),
        district3km: await plan({ within: districts[0]! }),
        near500m: await plan({ near: circles[0]! }),
      },
      geoKeyIndexMb: Math.round(
        Number(
          (await sql<{ size: string }[]>`select pg_relation_size('tickets_geo_key_idx') as size`)[0]!.size,
        ) /
          2 ** 20,
      ),
    };
    results.push(row);
    say(JSON.stringify(row));
  }
  const [first, last] = [results[0], results.at(-1)] as [Record<string, Timing>, Record<string, Timing>];
  const growth = Object.fromEntries(
    ['baselinePrimaryKey', 'street500m', 'district3km', 'near500m'].map((key) => [
      key,
      +(last[key]!.p50 / first[key]!.p50).toFixed(2),
    ]),
  );
  const [machine] = await queryRows<{ version: string }>(app.db, dsql`select version()`);
  const output = {
    startedAt: new Date().toISOString(),
    runs: RUNS,
    postgres: machine?.version,
    results,
    growthP50: growth,
  };
  const outDir = fileURLToPath(new URL('./out/', import.meta.url));
  await mkdir(outDir, { recursive: true });
  await writeFile(`${outDir}results-geo.json`, `${JSON.stringify(output, null, 2)}\n`);
  say(`growth of p50 from ${SIZES[0]} to ${SIZES.at(-1)}: ${JSON.stringify(growth)}`);
} finally {
  await app.close();
  await sql.end({ timeout: 5 });
  await database.drop();
}
