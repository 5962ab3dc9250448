import { beforeAll, expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('incidents-manager-failed');
let token: string;

const DEPARTMENT = '区城市管理局';
const REPLY = '和平路主水管已抢修完毕，今日18时起恢复供水（端到端测试）';

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

async function createTicket(title: string, phone: string) {
  const { createTicket: ticket } = await ok<{ createTicket: { id: string; number: string } }>(
    `mutation($title: String!, $phone: String!) { createTicket(input: { title: $title,
      description: "和平路与建设路路口地面冒水，周边小区停水（端到端测试）", demandType: REPORT,
      callerName: "来电人", callerPhone: $phone, autoDispatch: false }) { id number } }`,
    { title, phone },
    token,
  );
  return ticket;
}

test('a manager links two callers to an incident and resolves it; the callers show resolved with the reply', async () => {
  const { departments } = await ok<{ departments: { id: string; code: string; name: string }[] }>(
    '{ departments { id code name } }',
    {},
    token,
  );
  const department = departments.find((candidate) => candidate.name === DEPARTMENT)!;
  const parent = await createTicket('和平路主水管爆裂', '13900002001');
  await ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    { id: parent.id, d: department.id },
    token,
  );
  const handlerToken = await apiLogin(handlerEmail(department.code));
  await ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: parent.id }, handlerToken);
  const callers = [
    await createTicket('家里停水', '13900002002'),
    await createTicket('路口冒水', '13900002003'),
  ];

  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  const origin = new URL(page.url()).origin;
  // On each caller's page: link to the incident, found by its number.
  for (const [index, caller] of callers.entries()) {
    await page.goto(`${origin}/admin/#/tickets/${caller.id}/show`);
    await page.getByRole('button', { name: '关联主工单', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '主工单编号' }).fill(parent.number);
    await dialog.getByRole('textbox', { name: '关联说明（可选）' }).fill('同一处爆管');
    if (index === 0) await shot('incidents-1-link');
    await dialog.getByRole('button', { name: '关联主工单', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const linked = page.getByTestId('incident-parent');
    await expect.poll(() => linked.textContent()).toContain(parent.number);
  }
  await shot('incidents-2-linked');

  // The incident lists its callers; the list marks them.
  await page.goto(`${origin}/admin/#/tickets/${parent.id}/show`);
  const panel = page.getByTestId('incident-panel');
  await expect.poll(() => page.getByTestId('incident-count').textContent()).toContain('关联来电 2 件');
  for (const caller of callers) await panel.getByText(caller.number, { exact: false }).waitFor();
  // An incident with callers joins no other incident.
  expect(await page.getByRole('button', { name: '关联主工单', exact: true }).count()).toBe(0);
  await shot('incidents-3-parent');
  await panel.getByRole('link', { name: '在工单列表中查看全部关联来电' }).click();
  const row = page.locator('tr').filter({ hasText: callers[0]!.number });
  await row.waitFor();
  expect(await row.getByTestId('incident-child-chip').textContent()).toBe(`并入 ${parent.number}`);
  await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
  await shot('incidents-4-list');

  // The manager resolves the incident once; every caller follows with the reply.
  await page.goto(`${origin}/admin/#/tickets/${parent.id}/show`);
  await page.getByRole('button', { name: '办结答复' }).click();
  const resolveDialog = page.getByRole('dialog');
  await resolveDialog.getByRole('textbox', { name: '答复内容' }).fill(REPLY);
  await resolveDialog.getByRole('button', { name: '办结答复' }).click();
  await resolveDialog.waitFor({ state: 'hidden' });
  for (const caller of callers) {
    await expect
      .poll(
        async () =>
          (
            await ok<{ ticket: { status: string } }>(
              'query($id: ID!) { ticket(id: $id) { status } }',
              { id: caller.id },
              token,
            )
          ).ticket.status,
        { timeout: 20_000 },
      )
      .toBe('RESOLVED');
    await page.goto(`${origin}/admin/#/tickets/${caller.id}/show`);
    await expect.poll(() => page.locator('main').textContent()).toContain(REPLY);
    expect(await page.locator('main').textContent()).toContain('已办结');
  }
  await shot('incidents-5-caller-resolved');
  expect(manager().problems).toEqual([]);
});
