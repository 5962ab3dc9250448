import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { deferIndexes, rebuildDeferredIndexes } from '@hotline/schema/deferred-indexes';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { EVENT_COLUMNS, TICKET_COLUMNS, TICKET_DEPARTMENT_COLUMNS } from './copy-columns.js';
import { type GenerateOptions, generateBatch } from './ticket-rows.js';

export interface LoadResult {
  tickets: number;
  events: number;
  ms: number;
  /** Samples for the search and detail benchmarks. */
  phones: string[];
  ids: string[];
}

const BATCH = 2_000;

/**
 * A connection for bulk loading: FK triggers off (the generator writes consistent rows; the
 * constraints stay in place and check every row the API writes later) and no waiting for the WAL
 * flush. Superuser only, as the local benchmark server's `postgres` is.
 */
function loaderConnection(url: string) {
  return postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { session_replication_role: 'replica', synchronous_commit: 'off' },
  });
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (chunk.length > 0 && !stream.write(chunk)) await once(stream, 'drain');
}

/**
 * COPYs tickets [from, to) (0 = the newest), their events and ticket_departments rows through three
 * connections at once, then advances the ticket number sequence past them.
 */
export async function loadTickets(
  url: string,
  options: GenerateOptions,
  from: number,
  to: number,
): Promise<LoadResult> {
  const started = performance.now();
  const clients = [loaderConnection(url), loaderConnection(url), loaderConnection(url)];
  const [ticketClient, eventClient, departmentClient] = clients as [postgres.Sql, postgres.Sql, postgres.Sql];
  const phones: string[] = [];
  const ids: string[] = [];
  let events = 0;
  try {
    const streams = await Promise.all([
      ticketClient`copy tickets (${ticketClient.unsafe(TICKET_COLUMNS.join(', '))}) from stdin`.writable(),
      eventClient`copy ticket_events (${eventClient.unsafe(EVENT_COLUMNS.join(', '))}) from stdin`.writable(),
      departmentClient`copy ticket_departments (${departmentClient.unsafe(TICKET_DEPARTMENT_COLUMNS.join(', '))}) from stdin`.writable(),
    ]);
    const [ticketStream, eventStream, departmentStream] = streams;
    for (let start = from; start < to; start += BATCH) {
      const batch = generateBatch(options, start, Math.min(start + BATCH, to));
      phones.push(...batch.phones);
      ids.push(...batch.ids);
      events += batch.eventCount;
      await Promise.all([
        write(ticketStream, batch.tickets),
        write(eventStream, batch.events),
        write(departmentStream, batch.ticketDepartments),
      ]);
    }
    for (const stream of streams) stream.end();
    await Promise.all(streams.map((stream) => finished(stream)));
    await ticketClient`select setval('ticket_number_seq', greatest(${to + 1}, (select last_value from ticket_number_seq)))`;
  } finally {
    await Promise.all(clients.map((client) => client.end({ timeout: 5 })));
  }
  return { tickets: to - from, events, ms: performance.now() - started, phones, ids };
}

const LOADED_TABLES = ['tickets', 'ticket_events', 'ticket_departments'];

/**
 * Runs `load` with the secondary indexes of the loaded tables dropped, then builds them again (in
 * two sessions, the trigram index alone in one): building an index once is several times cheaper
 * than maintaining it row by row, the GIN trigram index above all. Unique indexes and primary keys
 * stay. The same deferral as the demo seed's (schema/src/deferred-indexes.ts). Returns the
 * milliseconds spent building.
 */
export async function withoutIndexes(url: string, load: () => Promise<void>): Promise<number> {
  const client = postgres(url, {
    max: 2,
    onnotice: () => {},
    connection: { maintenance_work_mem: '1GB', max_parallel_maintenance_workers: '2' },
  });
  const db = drizzle(client);
  try {
    await deferIndexes(db, { tables: LOADED_TABLES });
    await load();
    const started = performance.now();
    await rebuildDeferredIndexes(db, 2);
    return performance.now() - started;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Statistics and visibility maps, as autovacuum would have them on a long-running database. */
export async function vacuumAnalyze(url: string): Promise<number> {
  const started = performance.now();
  const client = postgres(url, { max: 3, onnotice: () => {} });
  try {
    await Promise.all([
      client`vacuum (analyze) tickets`,
      client`vacuum (analyze) ticket_events`,
      client`vacuum (analyze) ticket_departments`,
    ]);
  } finally {
    await client.end({ timeout: 5 });
  }
  return performance.now() - started;
}
