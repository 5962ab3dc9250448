import { randomBytes } from 'node:crypto';
import { ManualClock, purgeExpiredExports, rollUpAllDirtyDays } from '@hotline/api/services';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import {
  CREATE_DOWNLOAD,
  CREATE_EXPORT,
  download,
  downloadUrl,
  parseCsv,
  parseXlsx,
  startExport,
} from './export-support.js';

const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });
const tag = `EXP${randomBytes(3).toString('hex')}`;
const filter = { search: tag };

let manager: { id: string; token: string };
let handlerA: { id: string; email: string; token: string };
let A: string;
let B: string;
const numbers: Record<string, string> = {};
const admin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  app.ok<T>(query, variables, app.adminToken);

beforeAll(async () => {
  A = (await makeDepartment(app)).id;
  B = (await makeDepartment(app)).id;
  manager = await makeUser(app, 'MANAGER');
  handlerA = await makeUser(app, 'HANDLER', A);
  // at A now (phone in full for A's handler), moved from A to B (masked for A), only ever at B (unseen by A)
  const atA = await makeTicket(app, { title: `${tag} 路灯不亮`, callerPhone: '13800000001' });
  await admin('mutation($id: ID!, $d: ID) { dispatchTicket(id: $id, departmentId: $d) { id } }', {
    id: atA.id,
    d: A,
  });
  clock.advance(60_000);
  const moved = await makeTicket(app, { title: `${tag} 噪音扰民，"夜间"施工`, callerPhone: '13800000002' });
  await admin('mutation($id: ID!, $d: ID) { dispatchTicket(id: $id, departmentId: $d) { id } }', {
    id: moved.id,
    d: A,
  });
  await admin(
    'mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "不属本单位") { id } }',
    { id: moved.id, d: B },
  );
  clock.advance(60_000);
  const atB = await makeTicket(app, { title: `${tag} 占道经营`, callerPhone: '13800000003' });
  await admin('mutation($id: ID!, $d: ID) { dispatchTicket(id: $id, departmentId: $d) { id } }', {
    id: atB.id,
    d: B,
  });
  Object.assign(numbers, { atA: atA.number, moved: moved.number, atB: atB.number });
});

const PHONES_SEEN = `query($filter: TicketFilter) { tickets(filter: $filter, first: 100) { nodes { number caller { phone } } } }`;

/** number -> phone as `token` sees them through the `tickets` query. */
async function phonesInApi(token: string): Promise<Record<string, string>> {
  const data = await app.ok<{ tickets: { nodes: { number: string; caller: { phone: string } }[] } }>(
    PHONES_SEEN,
    { filter },
    token,
  );
  return Object.fromEntries(data.tickets.nodes.map((node) => [node.number, node.caller.phone]));
}

describe('a small export is written at once', () => {
  it('CSV: UTF-8 with BOM, the ticket list in its order, Chinese intact, a UTF-8 file name', async () => {
    const job = await startExport(app, app.adminToken, { format: 'CSV', tickets: { filter } });
    expect(job).toMatchObject({
      source: 'TICKETS',
      format: 'CSV',
      status: 'DONE',
      rowsDone: 3,
      rowsTotal: 3,
    });
    expect(JSON.parse(job.parameters)).toEqual({ filter: { search: tag } });
    const { response, body } = await download(app, app.adminToken, job.id);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?tickets-\d{8}-\d{4}\.csv"?$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body.length).toBe(job.bytes);
    const [header, ...rows] = parseCsv(body);
    expect(header?.slice(0, 3)).toEqual(['Number', 'Status', 'Priority']);
    // Newest first, as the ticket list orders by default.
    expect(rows.map((row) => row[0])).toEqual([numbers.atB, numbers.moved, numbers.atA]);
    expect(rows[1]?.[5]).toBe(`${tag} 噪音扰民，"夜间"施工`);
    expect(rows.map((row) => row[11])).toEqual(['13800000003', '13800000002', '13800000001']);
    const created = header?.indexOf('Created at') ?? -1;
    // Hotline time (Asia/Shanghai): 2026-03-02 09:00 for the first ticket.
    expect(rows[2]?.[created]).toBe('2026-03-02 09:00:00');
  });

  it('.xlsx: a workbook exceljs reads back, headers in Chinese when asked, times as dates', async () => {
    const job = await startExport(app, app.adminToken, {
      format: 'XLSX',
      language: 'ZH',
      tickets: { filter, orderBy: { field: 'NUMBER', direction: 'ASC' } },
    });
    expect(job.status).toBe('DONE');
    expect(job.fileName).toMatch(/^工单-\d{8}-\d{4}\.xlsx$/);
    const { response, body } = await download(app, app.adminToken, job.id);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(job.fileName)}`,
    );
    const sheets = await parseXlsx(body);
    const rows = sheets.get('工单') ?? [];
    expect(rows[0]?.slice(0, 2)).toEqual(['工单编号', '状态']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([numbers.atA, numbers.moved, numbers.atB]);
    expect(rows[1]?.[5]).toBe(`${tag} 路灯不亮`);
    expect(rows[1]?.[14]).toEqual(new Date('2026-03-02T09:00:00Z'));
  });
});

describe('scope and masking', () => {
  it('a HANDLER exports only what its department handled, phones masked exactly as the API shows them', async () => {
    const job = await startExport(app, handlerA.token, { format: 'CSV', tickets: { filter } });
    const [, ...rows] = parseCsv((await download(app, handlerA.token, job.id)).body);
    const exported = Object.fromEntries(rows.map((row) => [row[0], row[11]]));
    expect(exported).toEqual({
      [numbers.atA as string]: '13800000001',
      [numbers.moved as string]: '138****0002',
    });
    expect(exported).toEqual(await phonesInApi(handlerA.token));
  });

  it('an INTEGRATION client gets every phone masked, in CSV and .xlsx alike', async () => {
    const created = await app.ok<{ createApiClient: { key: string } }>(
      'mutation($input: ApiClientInput!) { createApiClient(input: $input) { key } }',
      { input: { name: `erp ${tag}`, role: 'INTEGRATION', departmentId: A } },
      app.adminToken,
    );
    const key = created.createApiClient.key;
    const csv = await startExport(app, key, { format: 'CSV', tickets: { filter } });
    const csvRows = parseCsv((await download(app, key, csv.id)).body).slice(1);
    const xlsx = await startExport(app, key, { format: 'XLSX', tickets: { filter } });
    const xlsxRows = ((await parseXlsx((await download(app, key, xlsx.id)).body)).get('Tickets') ?? []).slice(
      1,
    );
    const api = await phonesInApi(key);
    expect(Object.values(api).every((phone) => phone.includes('****'))).toBe(true);
    expect(Object.fromEntries(csvRows.map((row) => [row[0], row[11]]))).toEqual(api);
    expect(Object.fromEntries(xlsxRows.map((row) => [row[0], row[11]]))).toEqual(api);
  });

  it("a HANDLER may not export another department's figures", async () => {
    const result = await app.gql(
      CREATE_EXPORT,
      {
        input: {
          format: 'CSV',
          stats: { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z', departmentId: B },
        },
      },
      handlerA.token,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('download links', () => {
  it('work once; a forged, reused or expired token is refused, and so is another account asking for a link', async () => {
    const job = await startExport(app, manager.token, { format: 'CSV', tickets: { filter } });
    const url = await downloadUrl(app, manager.token, job.id);
    expect((await fetch(url)).status).toBe(200);
    const reused = await fetch(url);
    expect(reused.status).toBe(404);
    expect(await reused.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const forged = `${app.url}/exports/${job.id}/download?token=${randomBytes(32).toString('base64url')}`;
    expect((await fetch(forged)).status).toBe(404);
    expect((await fetch(`${app.url}/exports/${job.id}/download`)).status).toBe(404);
    const late = await downloadUrl(app, manager.token, job.id);
    clock.advance(5 * 60_000 + 1);
    expect((await fetch(late)).status).toBe(404);
    expect(codes(await app.gql(CREATE_DOWNLOAD, { id: job.id }, handlerA.token))).toEqual(['NOT_FOUND']);
  });

  it('stop working when the owner is deactivated', async () => {
    const agent = await makeUser(app, 'AGENT');
    const job = await startExport(app, agent.token, { format: 'CSV', tickets: { filter } });
    const url = await downloadUrl(app, agent.token, job.id);
    await admin('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: agent.id });
    const refused = await fetch(url);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});

describe('reports', () => {
  it('stats as CSV: the figures the stats query answers, then by day, by category, returns', async () => {
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z' };
    const stats = await app.ok<{ stats: { received: number; returned: number } }>(
      'query($from: DateTime!, $to: DateTime!) { stats(from: $from, to: $to) { received returned } }',
      range,
      manager.token,
    );
    const job = await startExport(app, manager.token, { format: 'CSV', stats: range });
    expect(job.status).toBe('DONE');
    const rows = parseCsv((await download(app, manager.token, job.id)).body);
    expect(rows[0]).toEqual(['Figures']);
    expect(rows[1]).toEqual(['Figure', 'Value']);
    expect(rows[2]).toEqual(['Received', String(stats.stats.received)]);
    expect(rows.find((row) => row[0] === 'Returned')).toEqual(['Returned', String(stats.stats.returned)]);
    expect(rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(['By day', 'By category', 'Returns by department']),
    );
  });

  it('the SLA report as .xlsx: a sheet per table, the figures the slaReport query answers', async () => {
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z' };
    const report = await app.ok<{
      slaReport: { overall: { tickets: number }; byPriority: { priority: string; tickets: number }[] };
    }>(
      'query($from: DateTime!, $to: DateTime!) { slaReport(from: $from, to: $to) { overall { tickets } byPriority { priority tickets } } }',
      range,
      manager.token,
    );
    const job = await startExport(app, manager.token, { format: 'XLSX', slaReport: range });
    expect(job.status).toBe('DONE');
    const sheets = await parseXlsx((await download(app, manager.token, job.id)).body);
    expect([...sheets.keys()]).toEqual(['By priority', 'By department', 'By category', 'Missed deadlines']);
    expect(sheets.get('By priority')?.map((row) => row.slice(0, 2))).toEqual([
      ['Priority', 'Tickets'],
      ['ALL', report.slaReport.overall.tickets],
      ...report.slaReport.byPriority.map((row) => [row.priority, row.tickets]),
    ]);
    expect(report.slaReport.overall.tickets).toBe(3);
  });

  it('the ranking as .xlsx, headers in Chinese: a row per department in rank order, as departmentRanking answers', async () => {
    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z' };
    const { departmentRanking } = await app.ok<{
      departmentRanking: {
        entries: {
          rank: number;
          department: { name: string };
          overdueNow: number;
          scoreChange: number | null;
          current: {
            score: number | null;
            volume: number;
            responseRate: number | null;
            supervisedTickets: number;
            rejectedReturns: number;
            coHandlingRequests: number;
            coHandlingOnTimeRate: number | null;
          };
        }[];
      };
    }>(
      `query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) { entries {
        rank department { name } overdueNow scoreChange
        current { score volume responseRate supervisedTickets rejectedReturns coHandlingRequests coHandlingOnTimeRate } } } }`,
      range,
      manager.token,
    );
    const job = await startExport(app, manager.token, { format: 'XLSX', language: 'ZH', ranking: range });
    expect(job).toMatchObject({
      source: 'RANKING',
      status: 'DONE',
      rowsTotal: departmentRanking.entries.length,
    });
    expect(job.fileName).toMatch(/^考核排名-.*\.xlsx$/);
    const rows = (await parseXlsx((await download(app, manager.token, job.id)).body)).get('考核排名') ?? [];
    expect(rows[0]).toEqual([
      '排名',
      '单位',
      '得分',
      '工单量',
      '签收及时率',
      '办结率',
      '按时办结率',
      '满意率',
      '重办率',
      '退单率',
      '退单数',
      '退单申请被驳回',
      '当前超期',
      '督办工单',
      '协办请求',
      '协办按时率',
      '得分变化',
    ]);
    const cells = (value: unknown) => (value === null ? undefined : value);
    expect(
      // Cells by position (a row holds no trailing empty cells).
      rows.slice(1).map((row) => [0, 1, 2, 3, 4, 11, 12, 13, 14, 15, 16].map((index) => row[index])),
    ).toEqual(
      departmentRanking.entries.map((entry) => [
        entry.rank,
        entry.department.name,
        cells(entry.current.score),
        entry.current.volume,
        cells(entry.current.responseRate),
        entry.current.rejectedReturns,
        entry.overdueNow,
        entry.current.supervisedTickets,
        entry.current.coHandlingRequests,
        cells(entry.current.coHandlingOnTimeRate),
        cells(entry.scoreChange),
      ]),
    );
    // A and B were sent tickets in the period: their rows count them.
    expect(
      departmentRanking.entries.filter((entry) => entry.current.volume > 0).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('the ranking is for ADMIN and MANAGER: a HANDLER is refused', async () => {
    const result = await app.gql(
      CREATE_EXPORT,
      { input: { format: 'CSV', ranking: { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' } } },
      handlerA.token,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });

  it('refuses an input naming no source or two', async () => {
    const none = await app.gql(CREATE_EXPORT, { input: { format: 'CSV' } }, manager.token);
    const two = await app.gql(
      CREATE_EXPORT,
      {
        input: {
          format: 'CSV',
          tickets: {},
          stats: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
        },
      },
      manager.token,
    );
    expect(codes(none)).toEqual(['BAD_USER_INPUT']);
    expect(codes(two)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('audit and expiry', () => {
  it('every export is recorded: an ADMIN lists who exported what; others only their own', async () => {
    const everyone = await admin<{
      exports: { ownerId: string; ownerName: string | null; source: string; parameters: string }[];
    }>('{ exports(first: 100, everyone: true) { ownerId ownerName source parameters } }');
    expect(everyone.exports).toContainEqual({
      ownerId: handlerA.id,
      ownerName: `HANDLER ${handlerA.email}`,
      source: 'TICKETS',
      parameters: JSON.stringify({ filter: { search: tag } }),
    });
    const own = await app.ok<{ exports: { ownerId: string }[] }>(
      '{ exports { ownerId } }',
      {},
      handlerA.token,
    );
    expect(own.exports.length).toBeGreaterThan(0);
    expect(own.exports.every((job) => job.ownerId === handlerA.id)).toBe(true);
    expect(codes(await app.gql('{ exports(everyone: true) { id } }', {}, handlerA.token))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('after 7 days the file is deleted, the record stays EXPIRED and links stop working', async () => {
    const job = await startExport(app, manager.token, { format: 'CSV', tickets: { filter } });
    const url = await downloadUrl(app, manager.token, job.id);
    const db = app.hotline.database.db;
    expect(await purgeExpiredExports(db, clock.now())).toBe(0);
    const purged = await purgeExpiredExports(db, new Date(clock.now().getTime() + 7 * 86_400_000 + 1));
    expect(purged).toBeGreaterThan(0);
    const chunks = await db.execute(
      sql`select count(*)::int as n from export_chunks where export_id = ${job.id}`,
    );
    expect((chunks as unknown as { n: number }[])[0]?.n).toBe(0);
    const after = await app.ok<{ export: { status: string } }>(
      'query($id: ID!) { export(id: $id) { status } }',
      { id: job.id },
      manager.token,
    );
    expect(after.export.status).toBe('EXPIRED');
    expect((await fetch(url)).status).toBe(404);
  });
});
