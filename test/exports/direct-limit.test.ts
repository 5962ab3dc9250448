import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { download, parseCsv, startExport, waitForExport } from './export-support.js';

// EXPORT_DIRECT_MAX_ROWS moves the line between an export written in the request and one a worker writes.
const app = useHotline({ role: 'all', env: { EXPORT_DIRECT_MAX_ROWS: '2' } });
const tag = `LIM${randomBytes(3).toString('hex')}`;
const single = `ONE${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  for (const title of ['路灯', '噪音', '占道']) await makeTicket(app, { title: `${tag} ${title}` });
  await makeTicket(app, { title: `${single} 井盖` });
});

it('up to EXPORT_DIRECT_MAX_ROWS rows the export answers DONE', async () => {
  const job = await startExport(app, app.adminToken, {
    format: 'CSV',
    tickets: { filter: { search: single } },
  });
  expect(job).toMatchObject({ status: 'DONE', rowsTotal: 1, rowsDone: 1 });
});

it('above it the export is QUEUED and a worker writes every row', async () => {
  const job = await startExport(app, app.adminToken, { format: 'CSV', tickets: { filter: { search: tag } } });
  expect(job).toMatchObject({ status: 'QUEUED', rowsTotal: 3, rowsDone: 0 });
  const done = (await waitForExport(app, app.adminToken, job.id)).at(-1);
  expect(done).toMatchObject({ status: 'DONE', rowsDone: 3 });
  expect(parseCsv((await download(app, app.adminToken, job.id)).body).slice(1)).toHaveLength(3);
});
