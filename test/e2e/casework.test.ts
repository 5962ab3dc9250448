import { beforeAll, expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('casework-failed');
const reviewer = useConsole('casework-return-failed');
let token: string;

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

interface Notes {
  ticket: {
    notes: { visibility: string; body: string }[];
    publicNotes: { body: string }[];
  };
}

test('a manager adds an internal and a public note from the ticket page; both show in the history', async () => {
  const { tickets } = await ok<{ tickets: { nodes: { id: string; number: string }[] } }>(
    'query { tickets(first: 1, filter: { status: [IN_PROGRESS] }) { nodes { id number } } }',
    {},
    token,
  );
  const ticket = tickets.nodes[0]!;
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.goto(`${new URL(page.url()).origin}/admin/#/tickets/${ticket.id}/show`);
  const box = page.locator('.MuiCard-root').filter({ hasText: '添加备注' });
  await box.getByLabel('备注内容').fill('已与供水公司电话确认，抢修队下午到场');
  await box.getByRole('button', { name: '添加备注' }).click();
  await page.getByText('已与供水公司电话确认，抢修队下午到场').waitFor();
  // The box empties once the note is saved.
  await expect.poll(() => box.getByLabel('备注内容').inputValue()).toBe('');

  await box.getByLabel('备注内容').fill('抢修已安排，预计今晚 20 点前恢复供水');
  await box.getByRole('radio', { name: /公开进展/ }).check();
  await expect.poll(() => box.textContent()).toContain('来电人及对接系统可见');
  await box.getByRole('button', { name: '添加备注' }).click();
  const publicLine = page.locator('li').filter({ hasText: '抢修已安排，预计今晚 20 点前恢复供水' });
  await publicLine.waitFor();
  expect(await publicLine.getByText('公开', { exact: true }).count()).toBe(1);
  const internalLine = page.locator('li').filter({ hasText: '已与供水公司电话确认，抢修队下午到场' });
  expect(await internalLine.getByText('内部', { exact: true }).count()).toBe(1);
  await shot('casework-notes');

  const { ticket: seen } = await ok<Notes>(
    'query($id: ID!) { ticket(id: $id) { notes { visibility body } publicNotes { body } } }',
    { id: ticket.id },
    token,
  );
  expect(seen.notes.slice(-2)).toEqual([
    { visibility: 'INTERNAL', body: '已与供水公司电话确认，抢修队下午到场' },
    { visibility: 'PUBLIC', body: '抢修已安排，预计今晚 20 点前恢复供水' },
  ]);
  expect(seen.publicNotes.map((note) => note.body)).toEqual(['抢修已安排，预计今晚 20 点前恢复供水']);
  expect(manager().problems).toEqual([]);
});

test('a handler disputes a dispatch; a manager sees it counted on the dashboard and rejects it in the review queue', async () => {
  const { tickets } = await ok<{
    tickets: { nodes: { id: string; number: string; department: { code: string } }[] };
  }>(
    'query { tickets(first: 1, filter: { status: [IN_PROGRESS] }, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id number department { code } } } }',
    {},
    token,
  );
  const ticket = tickets.nodes[0]!;
  const handlerToken = await apiLogin(handlerEmail(ticket.department.code));
  await ok(
    'mutation($id: ID!) { requestReturn(id: $id, reason: "该井盖属燃气公司资产，不属本单位") { id } }',
    { id: ticket.id },
    handlerToken,
  );
  const { returnReviewQueue } = await ok<{ returnReviewQueue: { totalCount: number } }>(
    '{ returnReviewQueue(first: 1) { totalCount } }',
    {},
    token,
  );

  const { page, shot } = reviewer();
  await reviewer().signIn(MANAGER_EMAIL);
  await expect
    .poll(() => page.getByTestId('pending-returns').textContent())
    .toContain(String(returnReviewQueue.totalCount));
  await page.getByRole('menuitem', { name: '退单审核' }).click();
  const row = page.getByTestId('return-request').filter({ hasText: ticket.number });
  await row.waitFor();
  expect(await row.textContent()).toContain('该井盖属燃气公司资产，不属本单位');
  await shot('casework-return-review');
  await row.getByRole('button', { name: '驳回…' }).click();
  await row.getByLabel('驳回理由').fill('经核实井盖属市政设施，请继续办理');
  await row.getByRole('button', { name: '确认驳回' }).click();
  await expect.poll(() => row.count()).toBe(0);

  const { ticket: after } = await ok<{ ticket: { status: string; pendingReturn: unknown } }>(
    'query($id: ID!) { ticket(id: $id) { status pendingReturn { id } } }',
    { id: ticket.id },
    token,
  );
  expect(after).toEqual({ status: 'IN_PROGRESS', pendingReturn: null });
  expect(reviewer().problems).toEqual([]);
});

const history = useConsole('casework-caller-history-failed');

test("a manager sees the caller's earlier tickets on the ticket page and while typing the number at intake", async () => {
  const create = (title: string) =>
    ok<{ createTicket: { id: string; number: string } }>(
      `mutation($title: String!) { createTicket(input: { title: $title, description: "来电反映小区噪音扰民",
        demandType: COMPLAINT, callerName: "赵先生", callerPhone: "13700005555", autoDispatch: false }) { id number } }`,
      { title },
      token,
    );
  const earlier = (await create('夜间施工噪音')).createTicket;
  const later = (await create('夜间施工噪音再次反映')).createTicket;

  const { page, shot } = history();
  await history().signIn(MANAGER_EMAIL);
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/${later.id}/show`);
  const card = page.getByTestId('caller-history');
  await card.waitFor();
  expect(await card.textContent()).toContain(earlier.number);
  expect(await card.textContent()).not.toContain(later.number);
  await shot('casework-caller-history');

  await page.goto(`${origin}/admin/#/tickets/create`);
  await page.getByLabel('来电号码').fill('137 0000 5555');
  const intake = page.getByTestId('caller-history');
  await intake.waitFor();
  await expect.poll(() => intake.textContent()).toContain(later.number);
  expect(await intake.textContent()).toContain(earlier.number);
  await shot('casework-intake-caller-history');
  expect(history().problems).toEqual([]);
});
