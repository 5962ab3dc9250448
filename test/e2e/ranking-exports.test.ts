import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('ranking-exports-failed');
const handler = useConsole('ranking-handler-failed');
let token: string;

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

/** The page's "last 90 days" in the demo calendar's zone (Asia/Shanghai, UTC+8 all year). */
function last90Days(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const midnight = (offsetDays: number) =>
    new Date(Date.parse(`${today}T00:00:00+08:00`) + offsetDays * 86_400_000).toISOString();
  return { from: midnight(-89), to: midnight(1) };
}

interface Entry {
  rank: number;
  department: { id: string; name: string; code: string };
  current: { score: number | null; volume: number };
}

async function ranking(): Promise<Entry[]> {
  const data = await ok<{ departmentRanking: { entries: Entry[] } }>(
    `query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) {
      entries { rank department { id name code } current { score volume } } } }`,
    last90Days(),
    token,
  );
  return data.departmentRanking.entries;
}

const scoreText = (score: number | null) => (score == null ? '—' : score.toFixed(1));

/** The ranking table's rows as [rank, department, score]. */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('ranking-table').locator('tbody tr');
  const count = await rows.count();
  const result: string[][] = [];
  for (let index = 0; index < count; index++) {
    const cells = await rows.nth(index).locator('td').allTextContents();
    result.push(cells.slice(0, 3));
  }
  return result;
}

const expected = (entries: Entry[]) =>
  entries.map((entry) => [String(entry.rank), entry.department.name, scoreText(entry.current.score)]);

async function origin(page: Page): Promise<string> {
  return new URL(page.url()).origin;
}

test('the ranking page lists every department as departmentRanking does, and drills down to the tickets behind a figure', async () => {
  const entries = await ranking();
  expect(entries.filter((entry) => entry.current.volume > 0).length).toBeGreaterThan(0);
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '考核排名' }).click();
  await page.locator('#react-admin-title').filter({ hasText: '考核排名' }).waitFor();
  await page.getByRole('button', { name: '近 90 天' }).click();
  expect(page.url()).toContain('period=last_90_days');
  await expect.poll(() => tableRows(page), { timeout: 15_000 }).toEqual(expected(entries));
  await page.getByTestId('red-list').getByText(entries[0]!.department.name).waitFor();
  await page.getByTestId('score-chart').locator('.recharts-bar-rectangle path').first().waitFor();
  await shot('ranking-90-days');

  // The busiest department's page, then the tickets behind its volume.
  const busiest = [...entries].sort((a, b) => b.current.volume - a.current.volume)[0]!;
  await page
    .getByTestId('ranking-table')
    .getByRole('link', { name: busiest.department.name, exact: true })
    .click();
  await page.locator('#react-admin-title').filter({ hasText: busiest.department.name }).waitFor();
  expect(page.url()).toContain(`/ranking/${busiest.department.id}?period=last_90_days`);
  const volume = page.getByTestId('drill-volume');
  await expect.poll(() => volume.textContent()).toBe(String(busiest.current.volume));
  // The busiest department has tickets, so the trend has at least one volume bar.
  await page.getByTestId('scorecard-trend').locator('.recharts-bar-rectangle path').first().waitFor();
  await shot('ranking-department');
  await volume.click();
  const notice = page.getByTestId('drill-down-notice');
  await expect
    .poll(() => notice.textContent(), { timeout: 15_000 })
    .toContain(`正在显示${busiest.department.name}「工单量」指标背后的 ${busiest.current.volume} 件工单`);
  const { tickets } = await ok<{ tickets: { totalCount: number } }>(
    'query($filter: TicketFilter) { tickets(first: 1, filter: $filter) { totalCount } }',
    {
      filter: {
        dispatchedToDepartmentId: busiest.department.id,
        createdAfter: last90Days().from,
        createdBefore: last90Days().to,
      },
    },
    token,
  );
  expect(tickets.totalCount).toBe(busiest.current.volume);
  await shot('ranking-drill-down');
  expect(manager().problems).toEqual([]);
});

test('the weights dialog changes the scores and the order', async () => {
  const { page, shot } = manager();
  const before = await ok<{ scorecardWeights: Record<string, number> }>(
    '{ scorecardWeights { responseRate resolutionRate onTimeResolutionRate satisfactionRate reopenRate returnRate } }',
    {},
    token,
  );
  const initial = await ranking();
  await page.goto(`${await origin(page)}/admin/#/ranking?period=last_90_days`);
  await expect.poll(() => tableRows(page), { timeout: 15_000 }).toEqual(expected(initial));
  await page.getByRole('button', { name: '考核权重' }).click();
  const dialog = page.getByTestId('weights-dialog');
  // Only on-time acceptance counts.
  for (const [label, value] of [
    ['签收及时率', '100'],
    ['办结率', '0'],
    ['按时办结率', '0'],
    ['满意率', '0'],
    ['重办率', '0'],
    ['退单率', '0'],
  ] as const) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  await shot('ranking-weights');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const after = await ranking();
  expect(expected(after)).not.toEqual(expected(initial));
  await expect.poll(() => tableRows(page), { timeout: 15_000 }).toEqual(expected(after));
  // Put the weights back for the other tests.
  await ok(
    'mutation($input: ScorecardWeightsInput!) { setScorecardWeights(input: $input) { responseRate } }',
    { input: before.scorecardWeights },
    token,
  );
  expect(manager().problems).toEqual([]);
});

test('an Excel export of the ranking downloads at once and holds every department in rank order', async () => {
  const { page } = manager();
  const entries = await ranking();
  await page.goto(`${await origin(page)}/admin/#/ranking?period=last_90_days`);
  // The weights changed behind the page's back (the previous test put them back): read the ranking again.
  await page.reload();
  await expect.poll(() => tableRows(page), { timeout: 15_000 }).toEqual(expected(entries));
  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^考核排名-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet('考核排名')!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  expect(rows[0]?.slice(0, 3)).toEqual(['排名', '单位', '得分']);
  expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual(
    entries.map((entry) => [entry.rank, entry.department.name]),
  );
  expect(manager().problems).toEqual([]);
});

test('a ticket list export above EXPORT_DIRECT_MAX_ROWS runs in the background with progress, then downloads every row', async () => {
  const { page, shot } = manager();
  const { tickets } = await ok<{ tickets: { totalCount: number } }>(
    'query { tickets(first: 1, filter: { status: [RESOLVED, CLOSED] }) { totalCount } }',
    {},
    token,
  );
  expect(tickets.totalCount).toBeGreaterThan(100);
  const filter = encodeURIComponent(JSON.stringify({ status: ['RESOLVED', 'CLOSED'] }));
  await page.goto(`${await origin(page)}/admin/#/tickets?filter=${filter}`);
  await page.locator('.RaDatagrid-table tbody tr').first().waitFor();
  await page.getByTestId('export-button').click();
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const dialog = page.getByTestId('export-progress');
  await dialog.waitFor();
  await expect.poll(() => dialog.getByTestId('export-status').textContent()).toMatch(/\/ \d+ 行/);
  await shot('export-progress');
  const download = dialog.getByRole('button', { name: '下载' });
  await expect.poll(() => download.isEnabled(), { timeout: 60_000 }).toBe(true);
  expect(await dialog.getByTestId('export-status').textContent()).toContain(
    `${tickets.totalCount} / ${tickets.totalCount}`,
  );
  await shot('export-done');
  const downloading = page.waitForEvent('download');
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const body = await readFile((await file.path())!);
  const rows = parse(body.subarray(3), { relax_column_count: true }) as string[][];
  expect(rows.slice(1)).toHaveLength(tickets.totalCount);
  await page.keyboard.press('Escape');

  // The exports page lists it, done, with its size.
  await page.getByRole('menuitem', { name: '导出记录' }).click();
  const row = page.getByTestId('exports-table').locator('tbody tr').first();
  await expect.poll(() => row.textContent()).toContain('工单列表');
  expect(await row.textContent()).toContain(String(tickets.totalCount));
  await shot('exports-page');
  expect(manager().problems).toEqual([]);
});

test("a handler sees its own department's scorecard, drills down within its scope, and exports the SLA report at once", async () => {
  const entries = await ranking();
  const busiest = [...entries].sort((a, b) => b.current.volume - a.current.volume)[0]!;
  const { page, shot } = handler();
  await handler().signIn(handlerEmail(busiest.department.code));
  await page.getByRole('menuitem', { name: '本单位考核' }).click();
  await page.locator('#react-admin-title').filter({ hasText: busiest.department.name }).waitFor();
  await page.getByRole('button', { name: '近 90 天' }).click();
  const volume = page.getByTestId('drill-volume');
  await expect.poll(() => volume.textContent(), { timeout: 15_000 }).toBe(String(busiest.current.volume));
  await shot('ranking-handler-department');
  await volume.click();
  await expect
    .poll(() => page.getByTestId('drill-down-notice').textContent(), { timeout: 15_000 })
    .toContain(`背后的 ${busiest.current.volume} 件工单`);

  await page.getByRole('menuitem', { name: '时限考核' }).click();
  await page.locator('#react-admin-title').filter({ hasText: '时限考核报表' }).waitFor();
  await page.getByTestId('sla-headline').waitFor();
  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^SLA报表-.*\.csv$/);
  const body = await readFile((await file.path())!);
  const rows = parse(body.subarray(3), { relax_column_count: true }) as string[][];
  expect(rows[0]).toEqual(['按优先级']);
  expect(handler().problems).toEqual([]);
});
