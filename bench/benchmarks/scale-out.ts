import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type postgres from 'postgres';
import { gql } from '../lib/graphql.js';
import { medianFigures, type RunFigures, runHttp } from '../lib/load.js';
import { type HotlineProcess, type ProcessTargets, startProcess } from '../lib/processes.js';

export interface ScaleOutFigures {
  one: RunFigures;
  two: RunFigures;
  /** two.perSecond / one.perSecond */
  gain: number;
  ticketsCreated: number;
  /** Every count below must be 0. */
  duplicates: {
    ticketsWithoutExactlyOneCreated: number;
    ticketsWithoutExactlyOneDispatched: number;
    eventsWithOutboxRowsOtherThanOne: number;
    outboxRowsNotRelayed: number;
    webhookIdsReceivedTwice: number;
    webhooksMissing: number;
  };
  drainMs: number;
  /** CPU ms per created ticket of the API and the worker processes, per phase. */
  cpuMsPerTicket: { one: { api: number; workers: number }; two: { api: number; workers: number } };
}

export interface ScaleOutOptions {
  targets: ProcessTargets;
  /** The run's first API process (already running). */
  api: HotlineProcess;
  nextPort: number;
  agentToken: string;
  adminToken: string;
  sql: postgres.Sql;
  connections: number;
  seconds: number;
  rounds: number;
  body: (n: number) => string;
}

/** A webhook receiver that counts each webhook-id it is sent. */
async function startSink() {
  const received = new Map<string, number>();
  const server = createServer((request, response) => {
    const id = String(request.headers['webhook-id'] ?? '');
    received.set(id, (received.get(id) ?? 0) + 1);
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * createTicket with 1 API + 1 worker process, then 2 + 2 (load generator round-robin over the APIs),
 * against the same PostgreSQL and Redis, with a webhook subscribed to ticket.created. Afterwards,
 * once the outbox has drained, every created ticket must have exactly one CREATED and one DISPATCHED
 * event, every event one outbox row, and the receiver every webhook exactly once.
 */
export async function measureScaleOut(options: ScaleOutOptions): Promise<ScaleOutFigures> {
  const sink = await startSink();
  const { sql } = options;
  const processes: HotlineProcess[] = [];
  try {
    await gql(
      options.api.url,
      'mutation Hook($input: WebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
      { input: { url: sink.url, events: ['ticket.created'] } },
      options.adminToken,
    );
    // Rows left by the single-process benchmark had no subscriber when written: not this run's work.
    await sql`update outbox set relayed_at = now() where relayed_at is null`;
    const [markRow] = await sql<
      { mark: string }[]
    >`select coalesce(max(id), 0)::text as mark from ticket_events`;
    const mark = markRow!.mark;
    processes.push(await startProcess('workers', 0, options.targets, 'workers-1'));
    const cpuOf = async (list: HotlineProcess[]) =>
      (await Promise.all(list.map((p) => p.cpuMs()))).reduce((a, b) => a + b, 0);
    const run = (apis: HotlineProcess[]) =>
      runHttp({
        urls: apis.map((api) => api.url),
        connections: options.connections,
        seconds: options.seconds,
        token: options.agentToken,
        body: options.body,
      });
    const oneRounds: RunFigures[] = [];
    const cpuStart = { api: await cpuOf([options.api]), workers: await cpuOf(processes) };
    for (let round = 0; round < options.rounds; round++) oneRounds.push(await run([options.api]));
    const oneTickets = oneRounds.reduce((total, round) => total + round.operations, 0);
    const oneCpu = {
      api: ((await cpuOf([options.api])) - cpuStart.api) / Math.max(oneTickets, 1),
      workers: ((await cpuOf(processes)) - cpuStart.workers) / Math.max(oneTickets, 1),
    };
    const second = await startProcess('api', options.nextPort, options.targets, 'api-2');
    processes.push(second, await startProcess('workers', 0, options.targets, 'workers-2'));
    const twoRounds: RunFigures[] = [];
    const apis = [options.api, second];
    // A fresh process compiles (tsx) and optimises (JIT) on its first requests: not what is measured.
    await runHttp({
      urls: [second.url],
      connections: 8,
      seconds: 2,
      token: options.agentToken,
      body: (n) => options.body(9_000_000 + n),
    });
    const workers = processes.filter((process) => process.role === 'workers');
    const cpuMiddle = { api: await cpuOf(apis), workers: await cpuOf(workers) };
    for (let round = 0; round < options.rounds; round++) twoRounds.push(await run(apis));
    const twoTickets = twoRounds.reduce((total, round) => total + round.operations, 0);
    const twoCpu = {
      api: ((await cpuOf(apis)) - cpuMiddle.api) / Math.max(twoTickets, 1),
      workers: ((await cpuOf(workers)) - cpuMiddle.workers) / Math.max(twoTickets, 1),
    };

    const drainStarted = performance.now();
    while (performance.now() - drainStarted < 120_000) {
      const [pending] = await sql<{ outbox: number; deliveries: number }[]>`
        select (select count(*) from outbox where relayed_at is null)::int as outbox,
               (select count(*) from webhook_deliveries where delivered_at is null)::int as deliveries`;
      if (pending!.outbox === 0 && pending!.deliveries === 0) break;
      await new Promise((wake) => setTimeout(wake, 500));
    }
    const drainMs = performance.now() - drainStarted;

    const [counts] = await sql<Record<string, number>[]>`
      with created as (select distinct ticket_id from ticket_events where id > ${mark}::bigint and type = 'CREATED'),
      per_ticket as (
        select c.ticket_id,
          count(*) filter (where e.type = 'CREATED') as created,
          count(*) filter (where e.type = 'DISPATCHED') as dispatched
        from created c join ticket_events e on e.ticket_id = c.ticket_id group by c.ticket_id)
      select (select count(*) from per_ticket)::int as tickets,
        (select count(*) from per_ticket where created <> 1)::int as without_one_created,
        (select count(*) from per_ticket where dispatched <> 1)::int as without_one_dispatched,
        (select count(*) from ticket_events e
           left join (select event_id, count(*) as rows from outbox group by event_id) o on o.event_id = e.id
           where e.id > ${mark}::bigint and e.type in ('CREATED', 'DISPATCHED') and coalesce(o.rows, 0) <> 1
        )::int as outbox_not_one,
        (select count(*) from outbox where relayed_at is null)::int as not_relayed`;
    const webhookIdsReceivedTwice = [...sink.received.values()].filter((count) => count > 1).length;
    const tickets = counts!.tickets!;
    return {
      one: medianFigures(oneRounds),
      two: medianFigures(twoRounds),
      gain: medianFigures(twoRounds).perSecond / medianFigures(oneRounds).perSecond,
      ticketsCreated: tickets,
      duplicates: {
        ticketsWithoutExactlyOneCreated: counts!.without_one_created!,
        ticketsWithoutExactlyOneDispatched: counts!.without_one_dispatched!,
        eventsWithOutboxRowsOtherThanOne: counts!.outbox_not_one!,
        outboxRowsNotRelayed: counts!.not_relayed!,
        webhookIdsReceivedTwice,
        webhooksMissing: Math.max(tickets - sink.received.size, 0),
      },
      drainMs,
      cpuMsPerTicket: { one: oneCpu, two: twoCpu },
    };
  } finally {
    for (const process of processes.reverse()) await process.stop();
    await sink.close();
  }
}
