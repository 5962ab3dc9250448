import { expect, test } from 'vitest';
import { apiLogin, handlerEmail, ok, useConsole } from './support/console.js';

// The console shows what the server says: a ticket's actions (Ticket.allowedActions) and the API clients.

const ADMIN_EMAIL = 'admin@e2e.local';
const ADMIN_PASSWORD = 'admin-password-1';

/** The action bar's label of each action the server may list (MERGE has no button). */
const LABELS: Record<string, string> = {
  DISPATCH: '派单',
  ACCEPT: '签收',
  ASSIGN: '指定承办人',
  RETURN: '申请退单', // the console's return files a request for a manager's review
  REASSIGN: '改派',
  HOLD: '挂起',
  RESUME: '恢复办理',
  REQUEST_EXTENSION: '申请延期',
  DECIDE_EXTENSION: '审批延期',
  RESOLVE: '办结答复',
  RECORD_FEEDBACK: '登记回访',
  CLOSE: '关闭工单',
};

const browser = useConsole('server-answers-failed');

test("a handler is offered exactly the server's actions: no second extension request while one waits", async () => {
  const email = handlerEmail('WATER_CO');
  const token = await apiLogin(email);
  const { tickets } = await ok<{ tickets: { nodes: { id: string; allowedActions: string[] }[] } }>(
    'query { tickets(first: 50, filter: { status: [IN_PROGRESS] }) { nodes { id allowedActions } } }',
    {},
    token,
  );
  const ticket = tickets.nodes.find((candidate) => candidate.allowedActions.includes('REQUEST_EXTENSION'));
  expect(ticket, 'an in-progress ticket of the handler').toBeDefined();
  const until = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const { requestExtension } = await ok<{ requestExtension: { allowedActions: string[] } }>(
    `mutation($id: ID!, $until: DateTime!) {
      requestExtension(id: $id, until: $until, reason: "管网改造工程量大") { allowedActions } }`,
    { id: ticket!.id, until },
    token,
  );
  expect(requestExtension.allowedActions).not.toContain('REQUEST_EXTENSION');

  const { page, shot } = browser();
  await browser().signIn(email);
  await page.goto(`${new URL(page.url()).origin}/admin/#/tickets/${ticket!.id}/show`);
  const bar = page.locator('[aria-label="操作"]');
  await bar.getByRole('button').first().waitFor();
  expect(await bar.getByRole('button').allInnerTexts()).toEqual(
    requestExtension.allowedActions.flatMap((action) => LABELS[action] ?? []),
  );
  await shot('server-answers-1-actions');
  expect(browser().problems).toEqual([]);
});

test('the API clients screen lists the clients the server has, not only those created in this browser', async () => {
  const token = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
  const name = `区级平台 ${Date.now()}`;
  await ok(
    'mutation($name: String!) { createApiClient(input: { name: $name, role: INTEGRATION }) { key } }',
    { name },
    token,
  );

  const { page, shot } = browser();
  // This browser created no client: whatever the list shows comes from the server.
  await page.evaluate('localStorage.clear()');
  await browser().signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${new URL(page.url()).origin}/admin/#/api-clients`);
  await page.getByText(name).waitFor();
  await shot('server-answers-2-api-clients');
  expect(browser().problems).toEqual([]);
});
