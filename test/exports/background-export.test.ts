import { randomBytes } from 'node:crypto';
import { queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { download, parseCsv, parseXlsx, startExport, waitForExport } from './export-support.js';

// API and workers in one process: large exports go through the `export` queue.
const app = useHotline({ role: 'all' });
const tag = `BIG${randomBytes(3).toString('hex')}`;
const COUNT = 8_000;
let handler: { id: string; token: string };

beforeAll(async () => {
  const A = (await makeDepartment(app)).id;
  const B = (await makeDepartment(app)).id;
  handler = await makeUser(app, 'HANDLER', A);
  const template = await makeTicket(app, { title: `${tag} 大批量导出` });
  // COUNT tickets handled by A, every second one now at B (its phone masked for A's handler).
  await app.hotline.database.db.execute(sql`
    with copies as (
      insert into tickets (id, number, status, priority, demand_type, channel, title, description,
        caller_name, caller_phone, department_id, created_at, updated_at, created_by_id)
      select gen_random_uuid(), t.number || '-' || i, 'DISPATCHED', t.priority, t.demand_type, t.channel,
        t.title, t.description, t.caller_name, '139' || lpad(i::text, 8, '0'),
        case when i % 2 = 0 then ${A}::uuid else ${B}::uuid end,
        t.created_at + i * interval '1 second', t.updated_at, t.created_by_id
      from tickets t, generate_series(1, ${COUNT}) i where t.id = ${template.id}
      returning id, created_at)
    insert into ticket_departments (ticket_id, department_id, first_at)
    select id, ${A}::uuid, created_at from copies`);
  // Every progress report the worker commits, kept here: polling alone may miss them on a fast machine.
  await app.hotline.database.db.execute(sql`
    create table test_export_progress (export_id uuid, status text, rows_done int);
    create function test_keep_export_progress() returns trigger language plpgsql as $$
      begin
        insert into test_export_progress values (new.id, new.status, new.rows_done);
        return new;
      end $$;
    create trigger test_keep_export_progress after update of rows_done on export_jobs
      for each row execute function test_keep_export_progress()`);
});

const filter = () => ({ search: tag, status: ['DISPATCHED'] });

it('a large .xlsx export runs in the background with progress, and holds every row, masked for the handler', async () => {
  const job = await startExport(app, handler.token, { format: 'XLSX', tickets: { filter: filter() } });
  expect(job).toMatchObject({ status: 'QUEUED', rowsDone: 0, rowsTotal: COUNT });
  const seen = await waitForExport(app, handler.token, job.id);
  const done = seen.at(-1);
  expect(done).toMatchObject({ status: 'DONE', rowsDone: COUNT, rowsTotal: COUNT });
  // The console's progress bar moves: rows written are reported batch by batch while it runs.
  const reports = await queryRows<{ rows_done: number }>(
    app.hotline.database.db,
    sql`select rows_done from test_export_progress
        where export_id = ${job.id} and status = 'RUNNING' and rows_done > 0 and rows_done < ${COUNT}`,
  );
  expect(reports.length).toBeGreaterThan(0);
  const rows = (
    (await parseXlsx((await download(app, handler.token, job.id)).body)).get('Tickets') ?? []
  ).slice(1);
  expect(rows).toHaveLength(COUNT);
  const phones = rows.map((row) => String(row[11]));
  expect(phones.filter((phone) => phone.includes('****'))).toHaveLength(COUNT / 2);
  expect(new Set(rows.map((row) => row[0])).size).toBe(COUNT);
}, 90_000);

it('a large CSV export holds every row once, in the list order, and the stored file matches its size', async () => {
  const job = await startExport(app, handler.token, {
    format: 'CSV',
    tickets: { filter: filter(), orderBy: { field: 'CREATED_AT', direction: 'ASC' } },
  });
  const done = (await waitForExport(app, handler.token, job.id)).at(-1);
  expect(done).toMatchObject({ status: 'DONE', rowsDone: COUNT });
  const { body } = await download(app, handler.token, job.id);
  expect(body.length).toBe(done?.bytes);
  const rows = parseCsv(body).slice(1);
  expect(rows).toHaveLength(COUNT);
  expect(rows[0]?.[0]).toMatch(/-1$/);
  expect(rows.at(-1)?.[0]).toMatch(new RegExp(`-${COUNT}$`));
  const [chunks] = await queryRows<{ n: number }>(
    app.hotline.database.db,
    sql`select count(*)::int as n from export_chunks where export_id = ${job.id}`,
  );
  expect(chunks?.n).toBeGreaterThan(1);
}, 60_000);
