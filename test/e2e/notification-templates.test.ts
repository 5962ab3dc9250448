import { expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('notification-templates-failed');

test('a manager rewords the intake text message in the console, and it is saved', async () => {
  const { page, problems } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '通知模板' }).click();
  const card = page.getByTestId('template-INTAKE-ZH_CN');
  await card.waitFor();
  expect(await page.locator('[data-testid^="template-"]').count()).toBe(8);
  const body = card.getByLabel('内容（短信及邮件正文）');
  await body.fill('【12345】工单 {number} 已受理，查询码 {code}，请保存。{statusUrl}');
  await card.getByRole('button', { name: '保存' }).click();
  await page.getByText('模板已保存').waitFor();
  await page.screenshot({ path: '/tmp/citizen-templates.png', fullPage: false });

  const token = await apiLogin(MANAGER_EMAIL);
  const { notificationTemplates } = await ok<{
    notificationTemplates: { event: string; language: string; body: string; isDefault: boolean }[];
  }>('{ notificationTemplates { event language body isDefault } }', {}, token);
  expect(notificationTemplates.find((t) => t.event === 'INTAKE' && t.language === 'ZH_CN')).toEqual({
    event: 'INTAKE',
    language: 'ZH_CN',
    body: '【12345】工单 {number} 已受理，查询码 {code}，请保存。{statusUrl}',
    isDefault: false,
  });
  await ok('mutation { resetNotificationTemplate(event: INTAKE, language: ZH_CN) { isDefault } }', {}, token);
  expect(problems).toEqual([]);
});
