import { expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const handler = useConsole('handler-failed');

const FIRST_PAGE = `query { tickets(first: 25, orderBy: { field: CREATED_AT, direction: DESC }) {
  totalCount nodes { number department { name } } } }`;

interface FirstPage {
  tickets: { totalCount: number; nodes: { number: string; department: { name: string } | null }[] };
}

test("a handler sees only its department's tickets", async () => {
  const email = handlerEmail('WATER_CO');
  const [asHandler, asManager] = await Promise.all([
    apiLogin(email).then((token) => ok<FirstPage>(FIRST_PAGE, {}, token)),
    apiLogin(MANAGER_EMAIL).then((token) => ok<FirstPage>(FIRST_PAGE, {}, token)),
  ]);
  expect(asHandler.tickets.totalCount).toBeGreaterThan(0);
  expect(asHandler.tickets.totalCount).toBeLessThan(asManager.tickets.totalCount);

  const { page, shot } = handler();
  await handler().signIn(email);
  // A handler's dashboard: its own department's figures.
  await page.getByRole('heading', { name: '热线运行概览' }).waitFor();
  await page
    .locator('.MuiCard-root')
    .filter({ hasText: '响应率' })
    .getByText(/^\d+(\.\d)?%$/)
    .waitFor();
  await shot('handler-1-dashboard');
  await page.getByRole('menuitem', { name: '工单' }).click();
  await expect
    .poll(() => page.locator('tbody tr td.column-number').allInnerTexts())
    .toEqual(asHandler.tickets.nodes.map((ticket) => ticket.number));
  await page.getByText(`共 ${asHandler.tickets.totalCount} 条`).waitFor();
  // Tickets since passed on to others stay visible to the department that handled them; most are its own.
  const shown = await page.locator('tbody tr td.column-department\\.name').allInnerTexts();
  expect(shown.filter((name) => name === '区自来水公司').length).toBeGreaterThan(shown.length / 2);
  // A handler does not manage the hotline: no routing, SLA or organisation screens.
  await expect.poll(() => page.getByRole('menuitem', { name: '派单规则' }).count()).toBe(0);
  await shot('handler-2-tickets');
  expect(handler().problems).toEqual([]);
});
