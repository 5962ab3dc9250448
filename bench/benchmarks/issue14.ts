import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadTickets, vacuumAnalyze, withoutIndexes } from '../lib/bulk-load.js';
import { createBenchDatabase, defaultTargets } from '../lib/database.js';
import { login } from '../lib/graphql.js';
import { median, medianFigures, type RunFigures, runHttp } from '../lib/load.js';
import { describeMachine, loadAverage, type Machine } from '../lib/machine.js';
import type { BenchOptions } from '../lib/options.js';
import { runPgbench } from '../lib/pgbench.js';
import {
  type HotlineProcess,
  memoryBreakdown,
  outDir,
  POOL_SIZE,
  shippedStartCommand,
  startProcess,
} from '../lib/processes.js';
import { seedReference } from '../lib/reference.js';
import { type Check, formatJson } from '../lib/report.js';
import { createTicketBody } from './create.js';
import { DETAIL, SUMMARY } from './reads.js';

/**
 * Issue 14's setup in one run: the server started exactly as `pnpm start` starts it (compiled, API and
 * workers in one process, the start script's own flags and nothing else), PostgreSQL on the same
 * machine, 32 keep-alive clients, a department queue of ~18,000 DISPATCHED tickets after VACUUM
 * ANALYZE, and pgbench running the raw SQL of the same work in the same run as the anchor.
 */

const CLIENTS = 32;
/** Every third of the newest 54,000 tickets waits in one department for acceptance. */
const QUEUE = { tickets: 18_000, every: 3 };
const QUEUE_DEPARTMENT = 'CITY_MANAGEMENT';
const DETAIL_EVENTS = 20;
/** The API's `totalCount` bound (api/src/modules/tickets/tickets.query.ts EXACT_COUNT_BOUND). */
const EXACT_BOUND = 10_000;
const PORT = 48000 + Math.floor(Math.random() * 800);

export interface Work {
  api: RunFigures;
  raw: RunFigures;
  /** API operations/s ÷ pgbench transactions/s. */
  ratio: number;
  apiCpuMsPerOperation: number;
  rounds: { api: RunFigures; raw: RunFigures; apiCpuMs: number }[];
}

type ReadName = 'queue' | 'detail' | 'search';

/** API CPU per page (median of the rounds) and fields in its answer, with each GRAPHQL_EXECUTOR. */
export interface FieldCost {
  fieldsPerPage: { full: number; idsOnly: number };
  cpuMsPerPage: Record<'jit' | 'graphql-js', { full: number; idsOnly: number }>;
  /** (full - idsOnly) / (fields(full) - fields(idsOnly)), in microseconds. */
  microsecondsPerField: Record<'jit' | 'graphql-js', number>;
}

/** Every field an answer holds (an object's keys, through lists), as resolved by the executor. */
function countFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countFields(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, item) => sum + 1 + countFields(item), 0);
}

export interface Issue14Results {
  startedAt: string;
  finishedAt?: string;
  totalSeconds?: number;
  machine?: Machine;
  loadAverageAtEnd?: number[];
  /** The server command, as package.json's `start` ships it. */
  startCommand: string;
  settings: { rounds: number; seconds: number; clients: number; poolSize: number };
  /** DISPATCHED tickets of the queue's department when measured. */
  queueTickets?: number;
  /** The queue page on the freshly loaded table, before any ANALYZE (autovacuum held off), then after. */
  analyze?: { tickets: number; before: Work; after: Work };
  sizes: ({ tickets: number; events: number; loadSeconds: number } & Partial<Record<ReadName, Work>>)[];
  create?: Work;
  /** GraphQL execution per field: the queue page with its list fields and with `id` only, per executor. */
  fieldCost?: FieldCost;
  /** The server's resident set, MB: after start, and the peak under the reads and creates at the main size. */
  rss?: { idleMb: number; peakMb: number; afterLoad: Record<string, number> };
  checks: Check[];
}

const queueBody = (departmentId: string, fields = SUMMARY) =>
  JSON.stringify({
    query: `query Queue($filter: TicketFilter) { tickets(first: 50, filter: $filter, orderBy: { field: DUE_AT, direction: ASC }) { totalCount totalCountIsExact nodes { ${fields} } } }`,
    variables: { filter: { departmentId, status: ['DISPATCHED'] } },
  });

/** The raw SQL of each work, as pgbench scripts (`:name` variables are bound parameters). */
const SCRIPTS: Record<ReadName | 'create', string> = {
  queue: `select * from tickets where department_id = :dept and status = 'DISPATCHED'
  order by due_at asc nulls last, id asc limit 51;
select count(*) from (select 1 from tickets where department_id = :dept and status = 'DISPATCHED' limit ${EXACT_BOUND + 1}) as matching;
`,
  detail: `\\set i random(1, :samples)
select ticket_id from bench_samples where i = :i \\gset
select * from tickets where id = :ticket_id;
select * from ticket_events where ticket_id = :ticket_id and id > 0 order by id asc limit 101;
`,
  search: `\\set i random(1, :samples)
select phone from bench_samples where i = :i \\gset
select * from tickets where id = any(array(select tickets_quoting_numbers(array[:phone, '86' || :phone, '0086' || :phone])))
  or id = any(array(select id from tickets where caller_phone in (:phone, '+86' || :phone)))
  order by created_at desc nulls last, id desc limit 51;
select count(*) from (select 1 from tickets where id = any(array(select tickets_quoting_numbers(array[:phone, '86' || :phone, '0086' || :phone])))
  or id = any(array(select id from tickets where caller_phone in (:phone, '+86' || :phone)))
  limit ${EXACT_BOUND + 1}) as matching;
`,
  // The ticket (dispatched, deadlines set), its CREATED and DISPATCHED events with their outbox rows,
  // and its ticket_departments row: three inserts in one transaction.
  create: `\\set c random(1, :categories)
\\set a random(1, :areas)
\\set p random(0, 99999999)
begin;
insert into tickets (id, number, status, priority, demand_type, channel, title, description, category_id,
  area_id, address, caller_name, caller_phone, department_id, version, created_at, updated_at, created_by_id,
  sla_policy_id, sla_cycle, clock_started_at, accept_due_at, due_at, next_timer_at, first_dispatched_at)
select gen_random_uuid(), to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('ticket_number_seq')::text, 8, '0'),
  'DISPATCHED', 'ORDINARY', 'COMPLAINT', 'PHONE', :title, :description, c.category_id,
  (select area_id from bench_areas where i = :a), :address, :caller, '138' || lpad(:p::text, 8, '0'),
  c.department_id, 2, now(), now(), :agent, :policy, 1, now(), now() + make_interval(hours => :accept_hours),
  now() + make_interval(hours => :resolve_hours), now() + make_interval(hours => :accept_hours), now()
from bench_categories c where c.i = :c
returning id as ticket_id, department_id as ticket_department \\gset
with e as (
  insert into ticket_events (ticket_id, type, at, actor_id, from_status, to_status, department_id, note, sla_cycle)
  values (:ticket_id, 'CREATED', now(), :agent, null, 'NEW', null, null, 1),
         (:ticket_id, 'DISPATCHED', now(), :agent, 'NEW', 'DISPATCHED', :ticket_department, 'rule', 1)
  returning id, type)
insert into outbox (event_id, ticket_id, type, payload, created_at)
select e.id, :ticket_id, case e.type when 'CREATED' then 'ticket.created' else 'ticket.dispatched' end,
  jsonb_build_object('ticket', jsonb_build_object('id', :ticket_id::text, 'status', 'DISPATCHED', 'departmentId', :ticket_department::text)),
  now()
from e;
insert into ticket_departments (ticket_id, department_id, first_at) values (:ticket_id, :ticket_department, now());
commit;
`,
};

const LABELS: Record<ReadName, string> = {
  queue: 'queue page: 50 tickets + totalCount',
  detail: `ticket detail with ${DETAIL_EVENTS} events`,
  search: "search by a caller's phone",
};

export async function runIssue14(
  options: BenchOptions,
  say: (text: string) => void,
): Promise<Issue14Results> {
  const started = performance.now();
  const start = shippedStartCommand();
  const results: Issue14Results = {
    startedAt: new Date().toISOString(),
    startCommand: [...Object.entries(start.env).map(([k, v]) => `${k}=${v}`), 'node', ...start.args].join(
      ' ',
    ),
    settings: { rounds: options.rounds, seconds: options.seconds, clients: CLIENTS, poolSize: POOL_SIZE },
    sizes: [],
    checks: [],
  };
  const main = options.tickets;
  const sizes = [...new Set([...options.growth.filter((size) => size < main), main])].sort((a, b) => a - b);
  if (sizes[0]! < QUEUE.tickets * QUEUE.every)
    throw new Error(`issue14 needs at least ${QUEUE.tickets * QUEUE.every} tickets`);

  const database = await createBenchDatabase(defaultTargets);
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  const targets = { databaseUrl: database.url, redisUrl: defaultTargets.redisUrl, prefix: database.prefix };
  let server: HotlineProcess | undefined;
  try {
    results.machine = await describeMachine(sql);
    say(`issue14: database ${database.name}, load ${results.machine.loadAverage.join(' ')}`);
    const reference = await seedReference(database.url);
    const queueDepartment =
      reference.departments.find((department) => department.code === QUEUE_DEPARTMENT) ??
      reference.departments[0]!;
    await sql`create table bench_categories (i int primary key, category_id uuid, department_id uuid)`;
    await sql`create table bench_areas (i int primary key, area_id uuid)`;
    await sql`create table bench_samples (i int primary key, ticket_id uuid, phone text)`;
    await sql`insert into bench_categories ${sql(reference.categories.map((c, i) => ({ i: i + 1, category_id: c.id, department_id: c.departmentId })))}`;
    await sql`insert into bench_areas ${sql(reference.communities.map((a, i) => ({ i: i + 1, area_id: a.id })))}`;

    server = await startProcess('all', PORT, targets, 'issue14-all', { shipped: true });
    say(`issue14: started \`${results.startCommand}\` (pid ${server.pid})`);
    const idleMb = await server.rssMb();
    const { agent, manager } = reference.credentials;
    const [agentToken, managerToken] = await Promise.all([
      login(server.url, agent.email, agent.password),
      login(server.url, manager.email, manager.password),
    ]);
    let peakMb = 0;
    const api = server;
    const sampler = setInterval(() => {
      void api.rssMb().then((mb) => {
        peakMb = Math.max(peakMb, mb);
      });
    }, 250);

    const now = new Date();
    const samples = { ids: [] as string[], phones: [] as string[] };
    let loaded = 0;
    const side = async (
      name: string,
      rounds: number,
      body: (n: number) => string,
      script: string,
      token: string,
      defines: Record<string, string | number>,
    ): Promise<Work> => {
      // Warm both sides (prepared statements, caches, connections) before the measured rounds.
      await runHttp({ urls: [api.url], connections: CLIENTS, seconds: 1, token, body });
      await runPgbench({ url: database.url, name, script, clients: CLIENTS, seconds: 1, defines });
      const measured: Work['rounds'] = [];
      for (let round = 0; round < rounds; round++) {
        const cpuBefore = await api.cpuMs();
        const apiRun = await runHttp({
          urls: [api.url],
          connections: CLIENTS,
          seconds: options.seconds,
          token,
          body,
        });
        const apiCpuMs = (await api.cpuMs()) - cpuBefore;
        const raw = await runPgbench({
          url: database.url,
          name,
          script,
          clients: CLIENTS,
          seconds: options.seconds,
          defines,
        });
        measured.push({ api: apiRun, raw, apiCpuMs });
      }
      const apiFigures = medianFigures(measured.map((round) => round.api));
      const rawFigures = medianFigures(measured.map((round) => round.raw));
      return {
        api: apiFigures,
        raw: rawFigures,
        ratio: apiFigures.perSecond / rawFigures.perSecond,
        apiCpuMsPerOperation: median(
          measured.map((round) => round.apiCpuMs / Math.max(round.api.operations, 1)),
        ),
        rounds: measured,
      };
    };
    const readDefines = () => ({ dept: queueDepartment.id, samples: samples.ids.length });
    const bodies: Record<ReadName, (n: number) => string> = {
      queue: () => queueBody(queueDepartment.id),
      detail: (n) =>
        JSON.stringify({
          query: `query Detail($id: ID!) { ticket(id: $id) { ${DETAIL} } }`,
          variables: { id: samples.ids[n % samples.ids.length] },
        }),
      search: (n) =>
        JSON.stringify({
          query: `query Search($filter: TicketFilter) { tickets(first: 50, filter: $filter) { totalCount totalCountIsExact nodes { ${SUMMARY} } } }`,
          variables: { filter: { search: samples.phones[n % samples.phones.length] } },
        }),
    };
    const report = (label: string, work: Work) =>
      say(
        `issue14: ${label}: API ${work.api.perSecond.toFixed(0)}/s p99 ${work.api.p99.toFixed(1)} ms, pgbench ${work.raw.perSecond.toFixed(0)}/s p99 ${work.raw.p99.toFixed(1)} ms (${work.ratio.toFixed(2)}), API CPU ${work.apiCpuMsPerOperation.toFixed(2)} ms/op`,
      );

    for (const size of sizes) {
      const first = loaded === 0;
      const loadStarted = performance.now();
      // The first load measures the queue page before any statistics exist: autovacuum held off.
      if (first)
        await sql`alter table tickets set (autovacuum_enabled = false, toast.autovacuum_enabled = false)`;
      let events = 0;
      await withoutIndexes(database.url, async () => {
        const copy = await loadTickets(
          database.url,
          { reference, now, perDay: options.perDay, queue: { departmentId: queueDepartment.id, ...QUEUE } },
          loaded,
          size,
        );
        events = copy.events;
        samples.ids.push(...copy.ids);
        samples.phones.push(...copy.phones);
      });
      loaded = size;
      await sql`truncate bench_samples`;
      await sql`insert into bench_samples ${sql(samples.ids.map((id, i) => ({ i: i + 1, ticket_id: id, phone: samples.phones[i]! })))}`;
      // Each detail sample gets notes up to DETAIL_EVENTS events.
      await sql`
        insert into ticket_events (ticket_id, type, at, actor_id, note, visibility, sla_cycle)
        select t.id, 'NOTE_ADDED', t.updated_at + g * interval '1 second', ${reference.managerId},
          '已电话联系来电人，约定明日上午上门查看处理。', 'PUBLIC', t.sla_cycle
        from bench_samples s join tickets t on t.id = s.ticket_id
          cross join lateral generate_series(1, ${DETAIL_EVENTS} - (select count(*)::int from ticket_events e where e.ticket_id = t.id)) g`;
      let before: Work | undefined;
      if (first) {
        // The loader ANALYZEs what it loaded (schema/src/deferred-indexes.ts); a table grown as fast by
        // the API's own inserts has no statistics until autovacuum's first pass: dropped to measure that.
        await sql`delete from pg_statistic where starelid = any(array['tickets', 'ticket_events', 'ticket_departments']::regclass[])`;
        before = await side(
          'queue-before-analyze',
          1,
          bodies.queue,
          SCRIPTS.queue,
          managerToken,
          readDefines(),
        );
        report(`queue page at ${size.toLocaleString('en')} tickets before ANALYZE`, before);
        await sql`alter table tickets reset (autovacuum_enabled, toast.autovacuum_enabled)`;
      }
      await vacuumAnalyze(database.url);
      const step: Issue14Results['sizes'][number] = {
        tickets: size,
        events,
        loadSeconds: Math.round((performance.now() - loadStarted) / 1000),
      };
      say(`issue14: loaded ${size.toLocaleString('en')} tickets in ${step.loadSeconds} s`);
      const rounds = size === main ? options.rounds : 1;
      if (size === main) peakMb = 0;
      for (const name of ['queue', 'detail', 'search'] as const) {
        step[name] = await side(name, rounds, bodies[name], SCRIPTS[name], managerToken, readDefines());
        report(`${LABELS[name]} at ${size.toLocaleString('en')}`, step[name]);
      }
      if (before) results.analyze = { tickets: size, before, after: step.queue! };
      results.sizes.push(step);
    }
    const [queued] = await sql<{ count: number }[]>`
      select count(*)::int as count from tickets where department_id = ${queueDepartment.id} and status = 'DISPATCHED'`;
    results.queueTickets = queued!.count;

    // GraphQL execution per field: the same queue page with the console's fields and with `id` only,
    // API side only, on this server (jit) and on one started with GRAPHQL_EXECUTOR=graphql-js.
    const pageCpu = async (target: HotlineProcess, fields: string) => {
      const body = () => queueBody(queueDepartment.id, fields);
      await runHttp({ urls: [target.url], connections: CLIENTS, seconds: 1, token: managerToken, body });
      const perPage: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const cpuBefore = await target.cpuMs();
        const run = await runHttp({
          urls: [target.url],
          connections: CLIENTS,
          seconds: options.seconds,
          token: managerToken,
          body,
        });
        perPage.push(((await target.cpuMs()) - cpuBefore) / Math.max(run.operations, 1));
      }
      return median(perPage);
    };
    const pageFields = async (target: HotlineProcess, fields: string) => {
      const response = await fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${managerToken}` },
        body: queueBody(queueDepartment.id, fields),
      });
      return countFields(((await response.json()) as { data: unknown }).data);
    };
    const executorCost = async (target: HotlineProcess) => ({
      full: await pageCpu(target, SUMMARY),
      idsOnly: await pageCpu(target, 'id'),
    });
    const fieldsPerPage = { full: await pageFields(api, SUMMARY), idsOnly: await pageFields(api, 'id') };
    const jitCost = await executorCost(api);
    const interpreter = await startProcess('all', PORT + 1, targets, 'issue14-graphql-js', {
      shipped: true,
      env: { GRAPHQL_EXECUTOR: 'graphql-js' },
    });
    const interpreterCost = await executorCost(interpreter).finally(() => interpreter.stop());
    const perField = (cost: { full: number; idsOnly: number }) =>
      ((cost.full - cost.idsOnly) * 1000) / (fieldsPerPage.full - fieldsPerPage.idsOnly);
    results.fieldCost = {
      fieldsPerPage,
      cpuMsPerPage: { jit: jitCost, 'graphql-js': interpreterCost },
      microsecondsPerField: { jit: perField(jitCost), 'graphql-js': perField(interpreterCost) },
    };
    say(
      `issue14: queue page CPU, ${fieldsPerPage.full} fields / ${fieldsPerPage.idsOnly} (id only): jit ${jitCost.full.toFixed(2)} / ${jitCost.idsOnly.toFixed(2)} ms (${results.fieldCost.microsecondsPerField.jit.toFixed(2)} µs per field), graphql-js ${interpreterCost.full.toFixed(2)} / ${interpreterCost.idsOnly.toFixed(2)} ms (${results.fieldCost.microsecondsPerField['graphql-js'].toFixed(2)} µs per field)`,
    );

    const policy = reference.policies.ORDINARY;
    results.create = await side(
      'create',
      options.rounds,
      (n) => createTicketBody(reference, n),
      SCRIPTS.create,
      agentToken,
      {
        categories: reference.categories.length,
        areas: reference.communities.length,
        title: '小区路灯不亮',
        description: '来电人反映小区东门路灯连续三晚不亮，夜间出行不便，请尽快维修。',
        address: '朝阳街道幸福里小区东门',
        caller: '王先生',
        agent: reference.agentId,
        policy: policy.id,
        accept_hours: policy.acceptHours,
        resolve_hours: policy.resolveHours,
      },
    );
    report('createTicket with auto-dispatch', results.create);
    clearInterval(sampler);
    results.rss = { idleMb, peakMb, afterLoad: await memoryBreakdown(api.url) };
    say(`issue14: server RSS idle ${idleMb.toFixed(0)} MB, peak under load ${peakMb.toFixed(0)} MB`);
  } finally {
    await server?.stop().catch(() => {});
    await sql.end({ timeout: 5 });
    if (options.keep) say(`issue14: kept database ${database.url}`);
    else await database.drop();
  }
  results.finishedAt = new Date().toISOString();
  results.totalSeconds = Math.round((performance.now() - started) / 1000);
  results.loadAverageAtEnd = loadAverage();
  results.checks = judgeIssue14(results);
  const complete = main === 1_000_000;
  const dir = fileURLToPath(new URL(complete ? '..' : '../out/', import.meta.url));
  await mkdir(outDir, { recursive: true });
  await writeFile(`${dir}/issue14.json`, formatJson(results));
  await writeFile(`${outDir}/issue14.md`, formatIssue14(results));
  process.stdout.write(
    `\n${formatIssue14(results)}\nwrote ${complete ? 'bench/' : 'bench/out/'}issue14.json\n`,
  );
  return results;
}

/** The issue's targets, judged on the medians. */
export function judgeIssue14(results: Issue14Results): Check[] {
  const checks: Check[] = [];
  const add = (name: string, target: string, measured: string, pass: boolean) =>
    checks.push({ name, target, measured, pass });
  const main = results.sizes.at(-1);
  if (results.create) {
    const { api, ratio } = results.create;
    add('createTicket with auto-dispatch', '>= 800/s', `${api.perSecond.toFixed(0)}/s`, api.perSecond >= 800);
    add('createTicket / pgbench', '>= 0.30', ratio.toFixed(2), ratio >= 0.3);
  }
  if (main?.queue) {
    const { api } = main.queue;
    add('queue page rate', '>= 600/s', `${api.perSecond.toFixed(0)}/s`, api.perSecond >= 600);
    add('queue page p99', '<= 100 ms', `${api.p99.toFixed(0)} ms`, api.p99 <= 100);
  }
  if (main?.detail) {
    const { api } = main.detail;
    add('ticket detail rate', '>= 1500/s', `${api.perSecond.toFixed(0)}/s`, api.perSecond >= 1500);
  }
  if (main?.search) {
    const { api } = main.search;
    add('phone search rate', '>= 1000/s', `${api.perSecond.toFixed(0)}/s`, api.perSecond >= 1000);
  }
  const smallest = results.sizes[0]?.search;
  if (main?.search && smallest && results.sizes.length > 1) {
    const growth = main.search.api.p99 / smallest.api.p99;
    add(
      `phone search p99 ${results.sizes[0]!.tickets.toLocaleString('en')} -> ${main.tickets.toLocaleString('en')}`,
      'flat (<= 1.5x)',
      `${smallest.api.p99.toFixed(0)} -> ${main.search.api.p99.toFixed(0)} ms (${growth.toFixed(2)}x)`,
      growth <= 1.5,
    );
  }
  if (results.rss)
    add(
      'server RSS under the load',
      '<= 250 MB',
      `${results.rss.peakMb.toFixed(0)} MB`,
      results.rss.peakMb <= 250,
    );
  return checks;
}

const f = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The issue's table as Markdown (pasted into docs/performance.md). */
export function formatIssue14(results: Issue14Results): string {
  const lines: string[] = [];
  const main = results.sizes.at(-1);
  const load = results.machine?.loadAverage.join(' / ') ?? '?';
  lines.push(
    `issue 14, ${results.startedAt.slice(0, 16)}Z, \`${results.startCommand}\`, ${results.settings.clients} clients, ` +
      `${results.settings.rounds} rounds of ${results.settings.seconds} s (medians), load ${load} at the start, ` +
      `${results.loadAverageAtEnd?.join(' / ') ?? '?'} at the end; queue ${f(results.queueTickets)} DISPATCHED tickets`,
    '',
    `| work (${f(main?.tickets)} tickets) | API | pgbench | API / pgbench | API CPU / op |`,
    '|---|---|---|---|---|',
  );
  const row = (label: string, work: Work | undefined) => {
    if (!work) return;
    lines.push(
      `| ${label} | ${f(work.api.perSecond)}/s, p99 ${f(work.api.p99, 1)} ms | ${f(work.raw.perSecond)}/s, p99 ${f(work.raw.p99, 1)} ms | ${f(work.ratio, 2)} | ${f(work.apiCpuMsPerOperation, 2)} ms |`,
    );
  };
  row('createTicket with auto-dispatch', results.create);
  row(LABELS.queue, main?.queue);
  row(LABELS.detail, main?.detail);
  row(LABELS.search, main?.search);
  if (results.analyze)
    row(`queue page at ${f(results.analyze.tickets)} tickets, before ANALYZE`, results.analyze.before);
  if (results.analyze) row(`the same after VACUUM ANALYZE`, results.analyze.after);
  if (results.rss)
    lines.push(
      `| server RSS: idle / peak under the load | ${f(results.rss.idleMb)} / ${f(results.rss.peakMb)} MB | | | |`,
    );
  const cost = results.fieldCost;
  if (cost)
    lines.push(
      '',
      `| GraphQL execution, queue page (${cost.fieldsPerPage.full} fields; ${cost.fieldsPerPage.idsOnly} with \`id\` only) | API CPU / page | with \`id\` only | per field |`,
      '|---|---|---|---|',
      ...(['jit', 'graphql-js'] as const).map(
        (executor) =>
          `| GRAPHQL_EXECUTOR=${executor} | ${f(cost.cpuMsPerPage[executor].full, 2)} ms | ${f(cost.cpuMsPerPage[executor].idsOnly, 2)} ms | ${f(cost.microsecondsPerField[executor], 2)} µs |`,
      ),
    );
  lines.push(
    '',
    '| tickets | queue page API | pgbench | detail API | pgbench | phone search API | pgbench |',
    '|---|---|---|---|---|---|---|',
  );
  const cell = (work: Work | undefined, side: 'api' | 'raw') =>
    work ? `${f(work[side].perSecond)}/s, p99 ${f(work[side].p99, 1)} ms` : '–';
  for (const step of results.sizes) {
    lines.push(
      `| ${f(step.tickets)} | ${cell(step.queue, 'api')} | ${cell(step.queue, 'raw')} | ${cell(step.detail, 'api')} | ${cell(step.detail, 'raw')} | ${cell(step.search, 'api')} | ${cell(step.search, 'raw')} |`,
    );
  }
  lines.push('', '| target | goal | measured | |', '|---|---|---|---|');
  for (const check of results.checks)
    lines.push(
      `| ${check.name} | ${check.target} | ${check.measured} | ${check.pass ? 'met' : '**missed**'} |`,
    );
  return `${lines.join('\n')}\n`;
}
