import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createTicketBody, rawCreate } from './benchmarks/create.js';
import { runIssue14 } from './benchmarks/issue14.js';
import { measureSideBySide } from './benchmarks/measure.js';
import { type ReadBenchmark, readBenchmarks } from './benchmarks/reads.js';
import { catchUpRollups, measureRanking, rawAggregateMs, wholeDays } from './benchmarks/rollups.js';
import { measureScaleOut } from './benchmarks/scale-out.js';
import { measureSlaReport } from './benchmarks/sla-report.js';
import { measureStats } from './benchmarks/stats.js';
import { loadTickets, vacuumAnalyze, withoutIndexes } from './lib/bulk-load.js';
import { latencyChart } from './lib/chart.js';
import { createBenchDatabase, defaultTargets } from './lib/database.js';
import { login } from './lib/graphql.js';
import { runHttp } from './lib/load.js';
import { describeMachine, loadAverage } from './lib/machine.js';
import { BENCHMARKS, parseOptions, plannedSizes } from './lib/options.js';
import { HEAP_FLAGS, memoryBreakdown, outDir, POOL_SIZE, startProcess } from './lib/processes.js';
import { seedReference } from './lib/reference.js';
import {
  type BenchResults,
  type CurvePoint,
  formatJson,
  formatMarkdown,
  formatTable,
  judge,
} from './lib/report.js';

const READ_CLIENTS = 50;
/** A busy console user's pace: a list refreshed or a ticket opened every second, per client. */
const PACED_RATE = 1;
const CREATE_CLIENTS = 32;
const CURVE_CLIENTS = [1, 10, 25, 50, 100];
const API_PORT = 47100 + Math.floor(Math.random() * 800);

const options = parseOptions(process.argv.slice(2));

const started = performance.now();
const say = (text: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
// Issue 14's setup runs on its own database and server (bench/benchmarks/issue14.ts).
if (options.benchmarks.has('issue14')) {
  await runIssue14(options, say);
  if (options.benchmarks.size === 1) process.exit(0);
}
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  settings: {
    rounds: options.rounds,
    seconds: options.seconds,
    poolSize: POOL_SIZE,
    tickets: options.tickets,
    perDay: options.perDay,
    nodeFlags: [
      ...(process.env.BENCH_V8_DEFAULTS === '1' ? [] : HEAP_FLAGS),
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ],
  },
  loads: [],
  growth: [],
  checks: [],
};

const database = await createBenchDatabase(defaultTargets);
say(`database ${database.name}, queue prefix ${database.prefix}`);
// Named prepared statements planned with their values at every execution, as the API's pool sends
// them (schema/src/db.ts): a generic plan for `ilike $1` scans by date instead of using the trigram index.
const sql = postgres(database.url, {
  max: POOL_SIZE,
  onnotice: () => {},
  connection: { plan_cache_mode: 'force_custom_plan', jit: 'off' },
});
const targets = { databaseUrl: database.url, redisUrl: defaultTargets.redisUrl, prefix: database.prefix };
const stops: (() => Promise<void>)[] = [];
try {
  results.machine = await describeMachine(sql);
  say(
    `machine: ${results.machine.cpus} CPUs, ${results.machine.memoryGb} GB, load ${results.machine.loadAverage.join(' ')}`,
  );
  const reference = await seedReference(database.url);
  const api = await startProcess('api', API_PORT, targets, 'api-1');
  stops.push(api.stop);
  const [agentToken, managerToken, adminToken] = (await Promise.all(
    (['agent', 'manager', 'admin'] as const).map((who) => {
      const { email, password } = reference.credentials[who];
      return login(api.url, email, password);
    }),
  )) as [string, string, string];
  results.apiMemoryIdle = await memoryBreakdown(api.url);
  const now = new Date();
  const samples = {
    departmentIds: reference.departments.map((department) => department.id),
    phones: [] as string[],
    ticketIds: [] as string[],
  };
  // The API's peak resident memory under each kind of read load.
  const rss = { paced: 0, saturated: 0 };
  let rssMode: keyof typeof rss = 'paced';
  const sampleRss = async () => {
    rss[rssMode] = Math.max(rss[rssMode], await api.rssMb());
  };
  const sideBySide = (
    read: ReadBenchmark,
    clients: number,
    rounds: number,
    seconds: number,
    { withRss = false, perClientRate }: { withRss?: boolean; perClientRate?: number } = {},
  ) =>
    measureSideBySide({
      perClientRate,
      apis: [api],
      token: managerToken,
      sql,
      connections: clients,
      seconds,
      rounds,
      body: read.body,
      raw: (n) => read.raw(sql, n),
      compare: 'latency',
      onSample: withRss ? sampleRss : undefined,
    });

  let loaded = 0;
  for (const size of plannedSizes(options)) {
    let copy = { tickets: 0, events: 0, ms: 0, phones: [] as string[], ids: [] as string[] };
    const indexMs = await withoutIndexes(database.url, async () => {
      copy = await loadTickets(database.url, { reference, now, perDay: options.perDay }, loaded, size);
    });
    const vacuumMs = await vacuumAnalyze(database.url);
    results.loads.push({ tickets: size, events: copy.events, copyMs: copy.ms, indexMs, vacuumMs });
    say(
      `loaded ${size.toLocaleString('en')} tickets (+${copy.events.toLocaleString('en')} events): copy ${(copy.ms / 1000).toFixed(0)} s, indexes ${(indexMs / 1000).toFixed(0)} s, vacuum ${(vacuumMs / 1000).toFixed(0)} s`,
    );
    loaded = size;
    // Samples from the whole table, newest and oldest alike.
    samples.phones.push(...copy.phones);
    samples.ticketIds.push(...copy.ids);
    const reads = readBenchmarks(samples);
    for (const read of reads)
      await runHttp({ urls: [api.url], connections: 10, seconds: 2, token: managerToken, body: read.body });

    if (options.benchmarks.has('reads') && size === options.tickets) {
      results.reads = {};
      results.readsPaced = {};
      // All paced runs first: resident memory rarely shrinks, so the paced peak must come before any saturation.
      for (const read of reads) {
        const paced = await sideBySide(read, READ_CLIENTS, options.rounds, options.seconds, {
          withRss: true,
          perClientRate: PACED_RATE,
        });
        results.readsPaced[read.name] = {
          ...paced,
          tickets: size,
          connections: READ_CLIENTS,
          perClientRate: PACED_RATE,
        };
        say(
          `${read.name}, paced: API p99 ${paced.api.p99.toFixed(1)} ms, raw p99 ${paced.raw.p99.toFixed(1)} ms (${paced.ratio.toFixed(2)}x)`,
        );
      }
      rssMode = 'saturated';
      for (const read of reads) {
        const figures = await sideBySide(read, READ_CLIENTS, options.rounds, options.seconds, {
          withRss: true,
        });
        results.reads[read.name] = { ...figures, tickets: size, connections: READ_CLIENTS };
        say(
          `${read.name}, saturated: API ${figures.api.perSecond.toFixed(0)}/s p99 ${figures.api.p99.toFixed(1)} ms, raw ${figures.raw.perSecond.toFixed(0)}/s p99 ${figures.raw.p99.toFixed(1)} ms (${figures.ratio.toFixed(2)}x), API CPU ${figures.apiCpuMsPerOperation.toFixed(2)} ms/request`,
        );
      }
      results.apiRssMb = rss.paced;
      results.apiRssSaturatedMb = rss.saturated;
      results.apiMemory = await memoryBreakdown(api.url);
    }
    if (options.benchmarks.has('curve') && size === options.tickets) {
      results.curve = [];
      for (const clients of CURVE_CLIENTS) {
        const figures = await sideBySide(reads[0]!, clients, 1, options.seconds);
        results.curve.push({ connections: clients, api: figures.api, raw: figures.raw });
        say(
          `list at ${clients} clients: p50 ${figures.api.p50.toFixed(1)} ms, p99 ${figures.api.p99.toFixed(1)} ms`,
        );
      }
    }
    if (options.benchmarks.has('growth') && options.growth.includes(size)) {
      const [list, , detail] = reads;
      // Paced load: the growth question is what the queries cost, not how fast one process saturates.
      const known = results.readsPaced && size === options.tickets ? results.readsPaced : null;
      const paced = { perClientRate: PACED_RATE };
      const listFigures = known?.list ?? (await sideBySide(list!, READ_CLIENTS, 1, options.seconds, paced));
      const detailFigures =
        known?.detail ?? (await sideBySide(detail!, READ_CLIENTS, 1, options.seconds, paced));
      results.growth.push({
        tickets: size,
        list: { apiP99: listFigures.api.p99, rawP99: listFigures.raw.p99 },
        detail: { apiP99: detailFigures.api.p99, rawP99: detailFigures.raw.p99 },
      });
      say(
        `growth at ${size.toLocaleString('en')}: list p99 ${listFigures.api.p99.toFixed(1)} ms, detail p99 ${detailFigures.api.p99.toFixed(1)} ms`,
      );
    }
    const wantsRollups = options.benchmarks.has('stats') || options.benchmarks.has('ranking');
    if (wantsRollups && size === options.statsTickets) {
      // The workers keep the roll-ups current as tickets change; after a bulk load they catch up once.
      const caughtUp = await catchUpRollups(database.url);
      results.rollupCatchUp = caughtUp;
      say(`roll-ups caught up: ${caughtUp.days} days in ${(caughtUp.ms / 1000).toFixed(1)} s`);
    }
    if (options.benchmarks.has('stats') && size === options.statsTickets) {
      const range = await wholeDays(sql, now, 30);
      const stats = await measureStats(api.url, managerToken, range, 10);
      const rawMs = await rawAggregateMs(sql, range.from, range.to, 3);
      results.stats = { ...stats, tickets: size, rawMs, ratio: stats.medianMs / rawMs };
      say(
        `stats over 30 days (${stats.received} tickets): median ${stats.medianMs.toFixed(0)} ms, max ${stats.maxMs.toFixed(0)} ms; counted from the tickets ${rawMs.toFixed(0)} ms (${(stats.medianMs / rawMs).toFixed(3)}x)`,
      );
    }
    if (options.benchmarks.has('ranking') && size === options.statsTickets) {
      const range = await wholeDays(sql, now, 90);
      const ranking = await measureRanking(api.url, managerToken, range, 90, 10);
      const rawMs = await rawAggregateMs(sql, range.from, range.to, 3);
      results.ranking = { ...ranking, tickets: size, rawMs, ratio: ranking.medianMs / rawMs };
      say(
        `department ranking over 90 days (${ranking.departments} departments, ${ranking.volume} tickets): median ${ranking.medianMs.toFixed(0)} ms, max ${ranking.maxMs.toFixed(0)} ms; counted from the tickets ${rawMs.toFixed(0)} ms (${(ranking.medianMs / rawMs).toFixed(3)}x)`,
      );
    }
    if (options.benchmarks.has('slareport') && size === options.statsTickets) {
      const report = await measureSlaReport(api.url, managerToken, now, 90, 3);
      results.slaReport = { ...report, tickets: size, judged: report.tickets };
      say(
        `SLA report over 90 days (${report.tickets} tickets judged): median ${report.medianMs.toFixed(0)} ms, max ${report.maxMs.toFixed(0)} ms, ${report.timedOut} of 3 cancelled at the statement timeout`,
      );
    }
  }

  if (options.benchmarks.has('create')) {
    await runHttp({
      urls: [api.url],
      connections: 8,
      seconds: 1,
      token: agentToken,
      body: (n) => createTicketBody(reference, 8_000_000 + n),
    });
    const figures = await measureSideBySide({
      apis: [api],
      token: agentToken,
      sql,
      connections: CREATE_CLIENTS,
      seconds: options.seconds,
      rounds: options.rounds,
      body: (n) => createTicketBody(reference, n),
      raw: rawCreate(sql, reference),
      compare: 'throughput',
    });
    results.create = { ...figures, connections: CREATE_CLIENTS };
    say(
      `createTicket: API ${figures.api.perSecond.toFixed(0)}/s, raw ${figures.raw.perSecond.toFixed(0)}/s (${figures.ratio.toFixed(2)}), API CPU ${figures.apiCpuMsPerOperation.toFixed(2)} ms/ticket`,
    );
  }
  if (options.benchmarks.has('scaleout')) {
    results.scaleOut = await measureScaleOut({
      targets,
      api,
      nextPort: API_PORT + 1,
      agentToken,
      adminToken,
      sql,
      connections: CREATE_CLIENTS,
      seconds: options.seconds,
      rounds: Math.max(1, options.rounds - 1),
      body: (n) => createTicketBody(reference, 5_000_000 + n),
    });
    const { one, two, duplicates } = results.scaleOut;
    say(
      `scale-out: ${one.perSecond.toFixed(0)}/s -> ${two.perSecond.toFixed(0)}/s; CPU ms/ticket ${JSON.stringify(results.scaleOut.cpuMsPerTicket)}; ${JSON.stringify(duplicates)}`,
    );
  }
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  await sql.end({ timeout: 5 });
  if (options.keep) say(`kept database ${database.url}`);
  else await database.drop();
}

results.finishedAt = new Date().toISOString();
results.totalSeconds = Math.round((performance.now() - started) / 1000);
results.loadAverageAtEnd = loadAverage();
results.checks = judge(results);
// Only a run of every benchmark at the default scale replaces the committed figures; others write under bench/out/.
const complete = options.benchmarks.size === Object.keys(BENCHMARKS).length && options.tickets === 1_000_000;
const benchDir = fileURLToPath(new URL(complete ? '.' : './out/', import.meta.url));
await writeFile(`${benchDir}results.json`, formatJson(results));
await mkdir(outDir, { recursive: true });
await writeFile(`${outDir}/figures.md`, formatMarkdown(results));
const curve = results.curve;
if (curve) {
  const points = (pick: (point: CurvePoint) => number) =>
    curve.map((point) => ({ x: point.connections, y: pick(point) }));
  const svg = latencyChart(
    `Tickets list latency vs load (${options.tickets.toLocaleString('en')} tickets)`,
    `department + status filter, by DUE_AT, first 50 + totalCount; ${results.machine?.cpus} CPUs, run ${results.startedAt.slice(0, 16)}Z`,
    [
      { label: 'API p50', color: '#2b6cb0', points: points((point) => point.api.p50) },
      { label: 'API p99', color: '#c53030', points: points((point) => point.api.p99) },
      { label: 'raw SQL p99', color: '#718096', dashed: true, points: points((point) => point.raw.p99) },
    ],
  );
  await writeFile(`${benchDir}latency-vs-load.svg`, svg);
}
const written = complete ? 'bench/' : 'bench/out/';
process.stdout.write(
  `\n${formatTable(results)}\n\ntotal ${results.totalSeconds} s; wrote ${written}results.json${results.curve ? ` and ${written}latency-vs-load.svg` : ''}\n`,
);
