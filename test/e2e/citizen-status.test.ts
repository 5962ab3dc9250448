import { expect, inject, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const browser = useConsole('citizen-status-failed');

test("a caller follows the ticket on the phone-sized status page, in Chinese and English, with the agent's code", async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  const { createTicket } = await ok<{ createTicket: { id: string; number: string; lookupCode: string } }>(
    `mutation { createTicket(input: { title: "路灯不亮", description: "幸福小区3号楼前路灯不亮", demandType: HELP_REQUEST,
      callerName: "王女士", callerPhone: "13900001111", autoDispatch: false }) { id number lookupCode } }`,
    {},
    token,
  );
  await ok(
    'mutation($id: ID!) { addNote(ticketId: $id, body: "已联系社区物业核实情况。", visibility: PUBLIC) { id } }',
    { id: createTicket.id },
    token,
  );
  await ok(
    'mutation($id: ID!) { addNote(ticketId: $id, body: "内部备注不得外传", visibility: INTERNAL) { id } }',
    { id: createTicket.id },
    token,
  );

  const { page, problems } = browser();
  await page.setViewportSize({ width: 390, height: 844 });
  const origin = inject('e2eBaseUrl');
  // A wrong code first, typed by hand.
  await page.goto(`${origin}/status#lang=zh-CN`);
  await page.locator('#number').fill(createTicket.number);
  await page.locator('#code').fill('AAAAA-AAAAA');
  await page.getByRole('button', { name: '查询' }).click();
  await expect.poll(() => page.locator('#message').textContent()).toContain('没有找到');

  // The link from the text message fills both fields and looks the ticket up.
  await page.goto(
    `${origin}/status#n=${createTicket.number}&c=${createTicket.lookupCode.toLowerCase()}&lang=zh-CN`,
  );
  await page.reload();
  await page.locator('#r-stage').filter({ hasText: '已受理' }).waitFor();
  const shown = (await page.locator('#result').textContent()) ?? '';
  expect(shown).toContain(createTicket.number);
  expect(shown).toContain('已联系社区物业核实情况。');
  expect(shown).not.toContain('内部备注');
  expect(shown).not.toContain('王女士');
  await page.screenshot({ path: '/tmp/citizen-status-zh.png', fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#r-stage').filter({ hasText: 'Received' }).waitFor();
  await expect.poll(() => page.locator('h1').textContent()).toBe('12345 Ticket status');
  await page.screenshot({ path: '/tmp/citizen-status-en.png', fullPage: true });
  expect(problems).toEqual([]);
});
