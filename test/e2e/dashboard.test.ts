import { expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('dashboard-failed');

/** The last seven calendar days in the demo calendar's zone (Asia/Shanghai, UTC+8 all year). */
function lastWeek(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const midnight = (offsetDays: number) =>
    new Date(Date.parse(`${today}T00:00:00+08:00`) + offsetDays * 86_400_000).toISOString();
  return { from: midnight(-6), to: midnight(1) };
}

const percent = (rate: number | null) => (rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`);

test('the dashboard shows the three rates and its charts', async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  const { stats } = await ok<{
    stats: {
      responseRate: number | null;
      resolutionRate: number | null;
      satisfactionRate: number | null;
      received: number;
    };
  }>(
    'query($from: DateTime!, $to: DateTime!) { stats(from: $from, to: $to) { responseRate resolutionRate satisfactionRate received } }',
    lastWeek(),
    token,
  );
  expect(stats.received).toBeGreaterThan(0);

  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('heading', { name: '热线运行概览' }).waitFor();
  // Four recharts charts: daily volume, escalations today, top categories, overdue by department.
  await expect.poll(() => page.locator('svg.recharts-surface').count(), { timeout: 15_000 }).toBe(4);
  await expect
    .poll(() => page.locator('.recharts-area-area, .recharts-bar-rectangle path').count())
    .toBeGreaterThan(3);
  for (const [label, rate] of [
    ['响应率', stats.responseRate],
    ['解决率', stats.resolutionRate],
    ['满意率', stats.satisfactionRate],
  ] as const) {
    const card = page.locator('.MuiCard-root').filter({ hasText: label });
    await expect.poll(() => card.textContent()).toContain(percent(rate));
  }
  await page.getByText(String(stats.received), { exact: true }).first().waitFor();
  await shot('dashboard-1-week');
  expect(manager().problems).toEqual([]);
});
