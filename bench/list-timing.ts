// How long the console's tickets list takes to show its first page with 1,000,000 tickets in the database.
// `npx tsx bench/list-timing.ts [--tickets N] [--keep]`: loads the tickets with the benchmark's COPY
// loader into a throw-away database, starts an API process on it (production mode, serving admin/dist),
// signs in through the console and times, five times each, from navigation to the first row visible:
//   cold:  a full page load of /admin/#/tickets (token in storage, bundle from the HTTP cache);
//   in-app: a click on the "工单" menu item from the dashboard, right after a reload (nothing cached).
// Prints the medians and the server time of the list query. Not part of the test suite.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/e2e/support/chromium.js';
import { loadTickets, vacuumAnalyze, withoutIndexes } from './lib/bulk-load.js';
import { createBenchDatabase, defaultTargets } from './lib/database.js';
import { startProcess } from './lib/processes.js';
import { seedReference } from './lib/reference.js';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } },
});
const TICKETS = Number(values.tickets);
const RUNS = 5;
const PORT = 4731;
const root = fileURLToPath(new URL('..', import.meta.url));

const started = performance.now();
const say = (text: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (!existsSync(`${root}/admin/dist/index.html`)) {
  execFileSync('pnpm', ['--filter', '@hotline/admin', 'build'], { cwd: root, stdio: 'inherit' });
}
const database = await createBenchDatabase(defaultTargets);
say(`database ${database.name}`);
const stops: (() => Promise<void>)[] = [];
try {
  const reference = await seedReference(database.url);
  let copyMs = 0;
  const indexMs = await withoutIndexes(database.url, async () => {
    copyMs = (await loadTickets(database.url, { reference, now: new Date(), perDay: 60_000 }, 0, TICKETS)).ms;
  });
  const vacuumMs = await vacuumAnalyze(database.url);
  say(
    `loaded ${TICKETS.toLocaleString('en')} tickets: copy ${(copyMs / 1000).toFixed(0)} s, indexes ${(indexMs / 1000).toFixed(0)} s, vacuum ${(vacuumMs / 1000).toFixed(0)} s`,
  );

  const api = await startProcess(
    'api',
    PORT,
    { databaseUrl: database.url, redisUrl: defaultTargets.redisUrl, prefix: database.prefix },
    'list-timing-api',
  );
  stops.push(api.stop);
  const browser = await launchBrowser();
  stops.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const listTimes: number[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql') || !request.postData()?.includes('query Tickets(')) return;
    const timing = request.timing();
    listTimes.push(timing.responseEnd - timing.requestStart);
  });

  const { email, password } = reference.credentials.manager;
  await page.goto(`${api.url}/admin/#/login`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('menuitem', { name: '工单' }).waitFor();
  const firstRow = page.locator('tbody tr').first();

  // One untimed pass warms the HTTP cache (bundle) and PostgreSQL's buffers, as a day's use would.
  await page.goto(`${api.url}/admin/#/tickets`);
  await firstRow.waitFor();

  const cold: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(`${api.url}/admin/#/tickets`);
    await firstRow.waitFor();
    cold.push(performance.now() - t0);
  }
  const inApp: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${api.url}/admin/#/`);
    await page.reload();
    await page.getByRole('menuitem', { name: '工单' }).waitFor();
    const t0 = performance.now();
    await page.getByRole('menuitem', { name: '工单' }).click();
    await firstRow.waitFor();
    inApp.push(performance.now() - t0);
  }
  const shown = await page.getByText(/共 [\d,]+ 条/).textContent();
  const format = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  say(`list shows "${shown}"`);
  say(`cold page load to first row: median ${median(cold).toFixed(0)} ms (${format(cold)})`);
  say(`in-app navigation to first row: median ${median(inApp).toFixed(0)} ms (${format(inApp)})`);
  say(`list query (browser-measured request to response end): median ${median(listTimes).toFixed(0)} ms`);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  if (values.keep) say(`kept ${database.url}`);
  else await database.drop();
}
