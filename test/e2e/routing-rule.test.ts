import { expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('routing-failed');

test('a manager creates a keyword rule and "try it" picks it as they type', async () => {
  const { page, shot } = manager();
  const ruleName = '井盖缺失破损';
  const department = '区城市管理局';
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '派单规则' }).click();
  await page.getByText('停水抢修').waitFor();
  await shot('routing-1-rules');

  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('textbox', { name: '规则名称' }).fill(ruleName);
  await page.getByRole('combobox', { name: '派往单位' }).fill(department);
  await page.getByRole('option', { name: department, exact: true }).click();
  const keywords = page.getByRole('combobox', { name: '关键词（任一）' });
  await keywords.fill('井盖');
  await keywords.press('Enter');
  await keywords.fill('窨井');
  await keywords.press('Enter');
  await expect.poll(() => page.getByTestId('conditions-summary').textContent()).toContain('井盖');
  await shot('routing-2-new-rule');
  await page.getByRole('button', { name: '保存' }).click();

  await page.getByText(ruleName).waitFor();
  await page.getByRole('textbox', { name: '标题' }).fill('人民路口井盖缺失');
  const decision = page.getByRole('status').filter({ hasText: '命中' });
  await expect.poll(() => decision.textContent()).toContain(`“${ruleName}” → ${department}`);
  await shot('routing-3-try-it');

  // The console showed what the server decides.
  const token = await apiLogin(MANAGER_EMAIL);
  const { routePreview } = await ok<{
    routePreview: { rule: { name: string } | null; department: { name: string } | null };
  }>(
    `query { routePreview(input: { title: "人民路口井盖缺失", description: "人民路口井盖缺失", demandType: CONSULTATION }) {
      rule { name } department { name } } }`,
    {},
    token,
  );
  expect(routePreview).toEqual({ rule: { name: ruleName }, department: { name: department } });
  expect(manager().problems).toEqual([]);
});
