import 'reflect-metadata';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  createExport,
  type ExportFormat,
  runExport,
  systemClock,
  ticketRowsQuery,
  type Viewer,
} from '@hotline/api/services';
import { exportJobs, users } from '@hotline/schema';
import { openDatabase } from '@hotline/schema/client';
import { eq } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { loadTickets, vacuumAnalyze, withoutIndexes } from './lib/bulk-load.js';
import { createBenchDatabase, defaultTargets } from './lib/database.js';
import { seedReference } from './lib/reference.js';

/**
 * `pnpm bench:exports [--rows N] [--rounds N] [--keep]`: a ticket list of N rows (default 200,000)
 * exported to CSV and to .xlsx through the export service (cursor, mapping, masking, writer, chunks
 * stored in PostgreSQL), against `COPY (the same select) TO STDOUT (FORMAT csv)` read by the same
 * machine in the same run. Prints rows/s and the ratio of each to COPY.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const ROUNDS = Number(values.rounds);
const say = (text: string) => process.stdout.write(`${text}\n`);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

const database = await createBenchDatabase(defaultTargets);
say(`database ${database.name}`);
const opened = await openDatabase({ url: database.url, max: 4 });
const raw = postgres(database.url, { max: 1, onnotice: () => {} });
try {
  const reference = await seedReference(database.url);
  await withoutIndexes(database.url, async () => {
    await loadTickets(database.url, { reference, now: new Date(), perDay: 60_000 }, 0, ROWS);
  });
  await vacuumAnalyze(database.url);
  say(`loaded ${ROWS.toLocaleString('en')} tickets`);

  const [admin] = await opened.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, reference.credentials.admin.email));
  const viewer: Viewer = { kind: 'user', id: admin?.id ?? null, role: 'ADMIN', departmentId: null };
  const ctx = { db: opened.db, clock: systemClock, viewer };

  // The baseline: the very statement the export reads, as PostgreSQL's own CSV writer sends it.
  const compiled = new PgDialect({ casing: 'snake_case' }).sqlToQuery(
    ticketRowsQuery(viewer, {}, new Date()),
  );
  if (compiled.params.length > 0) throw new Error('the baseline statement must have no parameters');
  async function copy(): Promise<{ ms: number; bytes: number }> {
    let bytes = 0;
    const started = performance.now();
    const stream = await raw.unsafe(`copy (${compiled.sql}) to stdout (format csv)`).readable();
    await pipeline(
      stream,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    return { ms: performance.now() - started, bytes };
  }

  async function exportOnce(format: ExportFormat): Promise<{ ms: number; bytes: number; rows: number }> {
    const job = await createExport(
      ctx,
      { source: 'tickets', params: {}, format, directMaxRows: 5_000 },
      async () => {},
    );
    const started = performance.now();
    await runExport({ db: opened.db, clock: systemClock }, job.id);
    const ms = performance.now() - started;
    const [done] = await opened.db.select().from(exportJobs).where(eq(exportJobs.id, job.id));
    if (done?.status !== 'DONE') throw new Error(`export ${job.id} ended ${done?.status}: ${done?.error}`);
    return { ms, bytes: done.bytes, rows: done.rowsDone };
  }

  const results: Record<string, { ms: number[]; bytes: number; rss: number }> = {};
  const record = (name: string, ms: number, bytes: number) => {
    results[name] ??= { ms: [], bytes, rss: 0 };
    results[name].ms.push(ms);
    results[name].rss = Math.max(results[name].rss, process.memoryUsage().rss / 2 ** 20);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const baseline = await copy();
    record('COPY csv', baseline.ms, baseline.bytes);
    for (const format of ['CSV', 'XLSX'] as const) {
      const run = await exportOnce(format);
      if (run.rows !== ROWS) throw new Error(`${format} wrote ${run.rows} rows, not ${ROWS}`);
      record(`export ${format}`, run.ms, run.bytes);
    }
  }
  const copyMs = median(results['COPY csv']?.ms ?? []);
  say(`\n${ROWS.toLocaleString('en')} rows, median of ${ROUNDS} rounds`);
  say('| what | ms | rows/s | MB | x COPY | peak RSS MB |');
  say('|---|---:|---:|---:|---:|---:|');
  for (const [name, result] of Object.entries(results)) {
    const ms = median(result.ms);
    say(
      `| ${name} | ${ms.toFixed(0)} | ${Math.round((ROWS / ms) * 1000).toLocaleString('en')} | ${(result.bytes / 2 ** 20).toFixed(1)} | ${(ms / copyMs).toFixed(2)} | ${result.rss.toFixed(0)} |`,
    );
  }
} finally {
  await raw.end({ timeout: 5 });
  await opened.close();
  if (values.keep) say(`kept ${database.url}`);
  else await database.drop();
}
