import { expect, test } from 'vitest';
import { apiLogin, gql, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('conflict-failed');

test('a change made elsewhere while the form is open is reported as a conflict with a reload', async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  const { tickets, departments } = await ok<{
    tickets: { nodes: { id: string; number: string; version: number; department: { code: string } }[] };
    departments: { id: string; code: string; name: string }[];
  }>(
    `query { tickets(first: 20, filter: { status: [IN_PROGRESS], overdue: false }) { nodes { id number version department { code } } }
      departments { id code name } }`,
    {},
    token,
  );
  const ticket = tickets.nodes.find((candidate) => candidate.department.code !== 'WATER_CO');
  expect(ticket, 'an open ticket to work on').toBeDefined();
  const elsewhere = departments.find((department) => department.code === 'GOV_SERVICE')!;
  const mine = departments.find((department) => department.code === 'CULTURE')!;

  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.goto(`${new URL(page.url()).origin}/admin/#/tickets/${ticket!.id}/show`);
  await page.getByRole('button', { name: '改派', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '改派至单位' }).fill(mine.name);
  await page.getByRole('option', { name: mine.name, exact: true }).click();
  await dialog.getByRole('textbox', { name: '改派原因' }).fill('属文化市场执法范围');

  // Someone else reassigns the same ticket through the API while the form is open.
  const behindTheBack = await gql(
    `mutation($id: ID!, $to: ID!, $version: Int) {
      reassignTicket(id: $id, departmentId: $to, reason: "由另一位值班长改派", expectedVersion: $version) { version } }`,
    { id: ticket!.id, to: elsewhere.id, version: ticket!.version },
    token,
  );
  expect(behindTheBack.errors).toBeUndefined();

  await dialog.getByRole('button', { name: '改派', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect.poll(() => alert.textContent()).toContain('工单已被他人修改');
  await expect.poll(() => alert.textContent()).toContain('请重新加载');
  await shot('conflict-1-alert');

  await alert.getByRole('button', { name: '重新加载' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('由另一位值班长改派').waitFor();
  await shot('conflict-2-reloaded');

  const { ticket: after } = await ok<{ ticket: { department: { code: string } } }>(
    'query($id: ID!) { ticket(id: $id) { department { code } } }',
    { id: ticket!.id },
    token,
  );
  expect(after.department.code).toBe('GOV_SERVICE');
  expect(manager().problems.filter((problem) => !problem.includes('"CONFLICT"'))).toEqual([]);
  expect(manager().problems.filter((problem) => problem.includes('"CONFLICT"'))).toHaveLength(1);
});
