import { expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('sla-report-failed');

/** The page's "last 90 days" in the demo calendar's zone (Asia/Shanghai, UTC+8 all year). */
function last90Days(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const midnight = (offsetDays: number) =>
    new Date(Date.parse(`${today}T00:00:00+08:00`) + offsetDays * 86_400_000).toISOString();
  return { from: midnight(-89), to: midnight(1) };
}

const percent = (rate: number | null) =>
  rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

test('the SLA report shows the rates, the table by department and the missed deadlines, linked to tickets', async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  const { slaReport } = await ok<{
    slaReport: {
      overall: { acceptRate: number | null; resolveRate: number | null; tickets: number };
      byDepartment: { department: { name: string } | null }[];
      breaches: { totalCount: number; nodes: { ticket: { id: string; number: string } }[] };
    };
  }>(
    `query($from: DateTime!, $to: DateTime!) { slaReport(from: $from, to: $to) {
      overall { acceptRate resolveRate tickets }
      byDepartment { department { name } }
      breaches(first: 1) { totalCount nodes { ticket { id number } } }
    } }`,
    last90Days(),
    token,
  );
  expect(slaReport.overall.tickets).toBeGreaterThan(0);
  expect(slaReport.breaches.totalCount).toBeGreaterThan(0);

  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '时限考核' }).click();
  await page.locator('#react-admin-title').filter({ hasText: '时限考核报表' }).waitFor();
  await page.getByRole('button', { name: '近 90 天' }).click();
  const headline = page.getByTestId('sla-headline');
  for (const [label, rate] of [
    ['按时签收率', slaReport.overall.acceptRate],
    ['按时办结率', slaReport.overall.resolveRate],
  ] as const) {
    const card = headline.locator('.MuiCard-root').filter({ hasText: label });
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain(percent(rate));
  }
  // The department table lists the department that missed most first.
  const firstDepartment = slaReport.byDepartment[0]?.department?.name ?? '无承办单位';
  await expect
    .poll(() => page.getByTestId('sla-by-department').locator('tbody tr').first().textContent())
    .toContain(firstDepartment);
  await expect
    .poll(() => page.getByRole('heading', { name: /超时明细/ }).textContent())
    .toContain(String(slaReport.breaches.totalCount));
  const latest = slaReport.breaches.nodes[0]!.ticket;
  await page.getByTestId('sla-breaches').getByRole('link', { name: latest.number }).first().waitFor();
  await shot('sla-report-90-days');

  await page.getByRole('tab', { name: '按紧急程度' }).click();
  await expect.poll(() => page.getByTestId('sla-by-priority').locator('tbody tr').count()).toBeGreaterThan(0);

  await page.getByTestId('sla-breaches').getByRole('link', { name: latest.number }).first().click();
  await expect.poll(() => page.url()).toContain(`/tickets/${encodeURIComponent(latest.id)}/show`);
  expect(manager().problems).toEqual([]);
});
