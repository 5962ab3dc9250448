import { beforeAll, expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('cohandling-manager-failed');
const coHandler = useConsole('cohandling-cohandler-failed');
const lead = useConsole('cohandling-lead-failed');
let token: string;

const LEAD = '区城市管理局';
const CO_HANDLER = '区住房和城乡建设局';
const REPLY = '经核查，该处井盖属住建局管网养护范围，已安排更换（端到端测试）';

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

interface Department {
  id: string;
  code: string;
  name: string;
}

test('a manager dispatches with a co-handler; the co-handler accepts and replies; the lead resolves only then', async () => {
  const { departments } = await ok<{ departments: Department[] }>(
    '{ departments { id code name } }',
    {},
    token,
  );
  const leadDepartment = departments.find((department) => department.name === LEAD)!;
  const coDepartment = departments.find((department) => department.name === CO_HANDLER)!;
  const { createTicket: ticket } = await ok<{ createTicket: { id: string; number: string } }>(
    `mutation { createTicket(input: { title: "人行道井盖破损", description: "幸福小区东门人行道井盖破损下陷，行人易绊倒（端到端测试）",
      demandType: REPORT, callerName: "李女士", callerPhone: "13900001111", autoDispatch: false }) { id number } }`,
    {},
    token,
  );

  // The manager dispatches from the ticket page: the lead and a co-handler.
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  await page.getByRole('button', { name: '派单', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '承办单位' }).fill(LEAD);
  await page.getByRole('option', { name: LEAD, exact: true }).click();
  await dialog.getByRole('combobox', { name: '协办单位' }).fill(CO_HANDLER);
  await page.getByRole('option', { name: CO_HANDLER, exact: true }).click();
  await shot('cohandling-1-dispatch');
  await dialog.getByRole('button', { name: '派单', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const panel = page.getByTestId('co-handling-panel');
  await panel.waitFor();
  await expect.poll(() => panel.textContent()).toContain(CO_HANDLER);
  expect(await panel.textContent()).toContain('待签收');
  await shot('cohandling-2-dispatched');
  expect(manager().problems).toEqual([]);

  // The lead accepts; it may not resolve while the co-handler's part is open.
  const leadToken = await apiLogin(handlerEmail(leadDepartment.code));
  await ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, leadToken);
  const leading = lead();
  await leading.signIn(handlerEmail(leadDepartment.code));
  await leading.page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  await leading.page.getByTestId('co-handling-panel').waitFor();
  await leading.page.getByRole('button', { name: '挂起', exact: true }).waitFor();
  expect(await leading.page.getByRole('button', { name: '办结答复' }).count()).toBe(0);
  await leading.shot('cohandling-3-lead-waits');

  // The co-handler finds it among its co-handling cases, accepts and replies.
  const helping = coHandler();
  await helping.signIn(handlerEmail(coDepartment.code));
  await helping.page.goto(
    `${origin}/admin/#/tickets?filter=${encodeURIComponent(JSON.stringify({ coHandling: true }))}`,
  );
  const row = helping.page.locator('tr').filter({ hasText: ticket.number });
  await row.waitFor();
  expect(await row.getByTestId('co-handling-chip').textContent()).toBe('协办 0/1');
  await helping.shot('cohandling-4-cohandler-list');
  await helping.page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  expect(await helping.page.getByRole('button', { name: '办结答复' }).count()).toBe(0);
  await helping.page.getByRole('button', { name: '签收协办' }).click();
  await helping.page.getByRole('dialog').getByRole('button', { name: '签收协办' }).click();
  await helping.page.getByRole('button', { name: '回复协办意见' }).click();
  const replyDialog = helping.page.getByRole('dialog');
  await replyDialog.getByRole('textbox', { name: '协办意见' }).fill(REPLY);
  await replyDialog.getByRole('button', { name: '回复协办意见' }).click();
  const answered = helping.page.getByTestId('co-handling-panel');
  await expect.poll(() => answered.textContent()).toContain(REPLY);
  expect(await answered.textContent()).toContain('已回复');
  await helping.shot('cohandling-5-cohandler-replied');
  expect(helping.problems).toEqual([]);

  // Now the lead resolves.
  await leading.page.reload();
  await leading.page.getByRole('button', { name: '办结答复' }).click();
  const resolveDialog = leading.page.getByRole('dialog');
  await resolveDialog.getByRole('textbox', { name: '答复内容' }).fill('已会同住建局更换井盖，恢复通行');
  await resolveDialog.getByRole('button', { name: '办结答复' }).click();
  await resolveDialog.waitFor({ state: 'hidden' });
  await leading.shot('cohandling-6-lead-resolved');
  expect(leading.problems).toEqual([]);

  const { ticket: seen } = await ok<{
    ticket: {
      status: string;
      coHandlers: { status: string; reply: string | null; department: { id: string } }[];
    };
  }>(
    'query($id: ID!) { ticket(id: $id) { status coHandlers { status reply department { id } } } }',
    { id: ticket.id },
    token,
  );
  expect(seen).toEqual({
    status: 'RESOLVED',
    coHandlers: [{ status: 'REPLIED', reply: REPLY, department: { id: coDepartment.id } }],
  });
});
