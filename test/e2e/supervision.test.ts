import { beforeAll, expect, test } from 'vitest';
import { apiLogin, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('supervision-manager-failed');
const handler = useConsole('supervision-handler-failed');
let token: string;

beforeAll(async () => {
  token = await apiLogin(MANAGER_EMAIL);
});

interface Supervised {
  ticket: {
    supervision: {
      level: string;
      status: string;
      note: string;
      reply: string | null;
      overdue: boolean;
    } | null;
  };
}

test('a manager supervises a case from its page; the list marks it; the department replies from its own console', async () => {
  // A running case nobody supervised yet, away from the ones other console tests pick (the newest, the oldest).
  const { tickets } = await ok<{
    tickets: { nodes: { id: string; number: string; department: { code: string } }[] };
  }>(
    'query { tickets(first: 7, filter: { status: [IN_PROGRESS], supervised: false }) { nodes { id number department { code } } } }',
    {},
    token,
  );
  const ticket = tickets.nodes.at(-1)!;

  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  await page.getByRole('button', { name: '督办', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('督办意见').fill('群众三次来电反映，请加快处置并于 24 小时内答复');
  await dialog.getByLabel('限时回复（小时）').fill('24');
  await dialog.getByRole('button', { name: '督办', exact: true }).click();
  const panel = page.getByTestId('supervision-panel');
  await panel.waitFor();
  await expect.poll(() => panel.textContent()).toContain('群众三次来电反映，请加快处置并于 24 小时内答复');
  expect(await panel.getByTestId('supervision-chip').textContent()).toBe('督办');
  expect(await panel.textContent()).toContain('待回复');
  await shot('supervision-ticket-page');

  // The ticket list marks it, and its filter finds it.
  await page.goto(
    `${origin}/admin/#/tickets?filter=${encodeURIComponent(JSON.stringify({ supervised: true }))}`,
  );
  const row = page.locator('tr').filter({ hasText: ticket.number });
  await row.waitFor();
  expect(await row.getByTestId('supervision-chip').textContent()).toBe('督办');
  await shot('supervision-list');
  expect(manager().problems).toEqual([]);

  const answering = handler();
  await answering.signIn(handlerEmail(ticket.department.code));
  await answering.page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  await answering.page.getByRole('button', { name: '回复督办' }).click();
  const replyDialog = answering.page.getByRole('dialog');
  await replyDialog.getByLabel('督办回复内容').fill('已增派抢修人员，今日 18 点前完成处置');
  await replyDialog.getByRole('button', { name: '回复督办' }).click();
  const answered = answering.page.getByTestId('supervision-panel');
  await expect.poll(() => answered.textContent()).toContain('已增派抢修人员，今日 18 点前完成处置');
  expect(await answered.textContent()).toContain('已回复');
  await answering.shot('supervision-replied');
  expect(await answering.page.getByRole('button', { name: '回复督办' }).count()).toBe(0);

  const { ticket: seen } = await ok<Supervised>(
    'query($id: ID!) { ticket(id: $id) { supervision { level status note reply overdue } } }',
    { id: ticket.id },
    token,
  );
  expect(seen.supervision).toEqual({
    level: 'SUPERVISE',
    status: 'REPLIED',
    note: '群众三次来电反映，请加快处置并于 24 小时内答复',
    reply: '已增派抢修人员，今日 18 点前完成处置',
    overdue: false,
  });
  expect(answering.problems).toEqual([]);
});
