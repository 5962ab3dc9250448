import { expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('views-audit-failed');

interface View {
  name: string;
  visibility: string;
  filters: Record<string, unknown>;
  sort: Record<string, unknown> | null;
  columns: string[];
}

test('a manager saves the overdue tickets without the "updated" column as a centre view, then applies it', async () => {
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  await page.getByRole('menuitem', { name: '工单' }).click();
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('tab', { name: '已超期' }).click();
  await page.getByRole('columnheader', { name: '更新时间' }).waitFor();

  // Hide a column with the column picker.
  await page.getByRole('button', { name: '列', exact: true }).click();
  await page.locator('.MuiPopover-paper').getByText('更新时间', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('columnheader', { name: '更新时间' }).count()).toBe(0);

  // Save the current view for the whole centre.
  await page.getByRole('button', { name: '视图', exact: true }).click();
  await page.getByRole('menuitem', { name: '将当前视图另存为…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('视图名称').fill('超期工单 (e2e)');
  await dialog.getByLabel('共享给').click();
  await page.getByRole('option', { name: '全中心' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('视图“超期工单 (e2e)”已保存').waitFor();

  const token = await apiLogin(MANAGER_EMAIL);
  const { savedViews } = await ok<{ savedViews: View[] }>(
    '{ savedViews(list: TICKETS) { name visibility filters sort columns } }',
    {},
    token,
  );
  expect(savedViews.find((view) => view.name === '超期工单 (e2e)')).toEqual({
    name: '超期工单 (e2e)',
    visibility: 'CENTRE',
    filters: { overdue: true },
    sort: { field: 'CREATED_AT', direction: 'DESC' },
    columns: [
      'number',
      'title',
      'status',
      'priority',
      'department',
      'category',
      'sla',
      'createdAt',
      'supervision',
      'coHandling',
    ],
  });

  // Back to everything with every column, then apply the view.
  await page.getByRole('tab', { name: '全部' }).click();
  await page.getByRole('button', { name: '列', exact: true }).click();
  await page.locator('.MuiPopover-paper').getByText('更新时间', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('columnheader', { name: '更新时间' }).waitFor();
  await page.getByRole('button', { name: /^视图/ }).click();
  await page.getByRole('menuitem', { name: /^超期工单 \(e2e\)/ }).click();
  await expect
    .poll(() => page.getByRole('tab', { name: '已超期' }).getAttribute('aria-selected'))
    .toBe('true');
  await expect.poll(() => page.getByRole('columnheader', { name: '更新时间' }).count()).toBe(0);
  await page.getByRole('button', { name: '视图: 超期工单 (e2e)' }).waitFor();
  await shot('saved-view-applied');
  expect(manager().problems).toEqual([]);
});

test('the audit log lists a scope rule change with its before and after', async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  const { createScopeRule } = await ok<{ createScopeRule: { id: string } }>(
    'mutation { createScopeRule(input: { name: "e2e 物业纠纷", keywords: ["物业费"], advice: "请咨询住建部门" }) { id } }',
    {},
    token,
  );
  await ok(
    'mutation($id: ID!) { updateScopeRule(id: $id, input: { name: "e2e 物业纠纷", keywords: ["物业费", "停车费"], advice: "请咨询住建部门" }) { id } }',
    { id: createScopeRule.id },
    token,
  );

  const { page, shot } = manager();
  await page.getByRole('menuitem', { name: '操作审计' }).click();
  await page.locator('#react-admin-title').filter({ hasText: '操作审计' }).waitFor();
  await page.getByTestId('audit-filters').getByLabel('配置项').click();
  await page.getByRole('option', { name: '受理范围规则' }).click();
  const rows = page.getByTestId('audit-row').filter({ hasText: 'e2e 物业纠纷' });
  await expect.poll(() => rows.count()).toBe(2);
  const latest = rows.first();
  await expect.poll(() => latest.textContent()).toContain('修改');
  await latest.click();
  const diff = page.getByTestId('audit-diff');
  await diff.waitFor();
  const keywords = diff.locator('tr').filter({ hasText: 'keywords' });
  await expect
    .poll(() => keywords.locator('td').allTextContents())
    .toEqual(['keywords', '物业费', '物业费, 停车费']);
  await shot('audit-log-diff');

  // The routing rules page's History button opens the log on routing rules.
  await page.getByRole('menuitem', { name: '派单规则' }).click();
  await page.getByRole('link', { name: '变更记录' }).click();
  await expect.poll(() => page.url()).toContain('kind=ROUTING_RULE');
  await page.getByTestId('audit-log').waitFor();
  expect(manager().problems).toEqual([]);
});
