import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { categories } from '@hotline/schema';
import { openDatabase } from '@hotline/schema/client';
import { systemViewer } from '../auth/viewer.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { computeStats } from '../modules/stats/stats.service.js';

// `tsx api/src/seed/measure-stats.ts [days]`: stats over the last N days (default 30), timed, as a
// manager would ask for them; run after `pnpm seed` to check the demo's rates and the query latency.
const days = Number(process.argv[2] ?? 30);
const config = loadConfig();
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: `${config.DATA_DIR}/pglite`,
  max: 4,
});
try {
  const ctx = { db: database.db, clock: systemClock, viewer: systemViewer };
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const timings: number[] = [];
  let stats = await computeStats(ctx, { from, to });
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    stats = await computeStats(ctx, { from, to });
    timings.push(performance.now() - started);
  }
  const codes = new Map((await database.db.select().from(categories)).map((row) => [row.id, row.code]));
  const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const counts = stats.byDay.map((day) => day.count);
  process.stdout.write(
    `${[
      `stats for the last ${days} days: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms (5 warm runs)`,
      `received ${stats.received}, dispatched ${stats.dispatched}, resolved ${stats.resolved}, overdue ${stats.overdue}, out of scope ${stats.outOfScope}, returned ${stats.returned}`,
      `response ${percent(stats.responseRate)}, resolution ${percent(stats.resolutionRate)}, satisfaction ${percent(stats.satisfactionRate)}`,
      `per day: min ${Math.min(...counts)}, mean ${(stats.received / counts.length).toFixed(0)}, max ${Math.max(...counts)}`,
      `top categories: ${stats.byCategory
        .slice(0, 6)
        .map((row) => `${codes.get(row.categoryId)}=${row.count}`)
        .join(', ')}`,
    ].join('\n')}\n`,
  );
} finally {
  await database.close();
}
