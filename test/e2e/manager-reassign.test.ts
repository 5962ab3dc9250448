import { beforeAll, expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('reassign-failed');
let token: string;

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

interface Listed {
  tickets: {
    totalCount: number;
    nodes: { id: string; number: string; department: { id: string; name: string } | null }[];
  };
}

test('a manager filters overdue tickets and reassigns one with a reason', async () => {
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '工单' }).click();
  await page.locator('tbody tr').first().waitFor();
  await shot('reassign-1-tickets');

  const overdue = await ok<Listed>(
    `query { tickets(first: 25, filter: { overdue: true }, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount nodes { id number department { id name } } } }`,
    {},
    token,
  );
  expect(overdue.tickets.totalCount, 'the seed leaves overdue tickets').toBeGreaterThan(0);

  await page.getByRole('tab', { name: '已超期' }).click();
  await expect
    .poll(() => page.locator('tbody tr td.column-number').allInnerTexts())
    .toEqual(overdue.tickets.nodes.map((ticket) => ticket.number));
  await expect.poll(() => page.getByText(`共 ${overdue.tickets.totalCount} 条`).count()).toBe(1);
  await shot('reassign-2-overdue');

  const target = overdue.tickets.nodes[0]!;
  const newDepartment = target.department?.name === '区城市管理局' ? '区住房和城乡建设局' : '区城市管理局';
  const reason = '该路段由城管执法中队负责（端到端测试）';
  await page.locator('tbody tr').first().click();
  await page.getByRole('button', { name: '改派', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '改派至单位' }).fill(newDepartment);
  await page.getByRole('option', { name: newDepartment, exact: true }).click();
  await dialog.getByRole('textbox', { name: '改派原因' }).fill(reason);
  await shot('reassign-3-form');
  await dialog.getByRole('button', { name: '改派', exact: true }).click();
  await page.getByText(`工单 ${target.number} 已更新`).waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(reason).first().waitFor();
  await shot('reassign-4-done');

  const after = await ok<{
    ticket: {
      department: { name: string };
      events: { nodes: { type: string; note: string | null; department: { name: string } | null }[] };
    };
  }>(
    `query($id: ID!) { ticket(id: $id) { department { name } events(first: 100) { nodes { type note department { name } } } } }`,
    { id: target.id },
    token,
  );
  expect(after.ticket.department.name).toBe(newDepartment);
  const reassigned = after.ticket.events.nodes.filter((event) => event.type === 'REASSIGNED');
  expect(reassigned.at(-1)).toMatchObject({ note: reason, department: { name: newDepartment } });
  expect(manager().problems).toEqual([]);
});
