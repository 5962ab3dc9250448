import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInChinese } from '../../../test/render';
import { ReassignForm } from './ReassignForm';

const departments = [
  { id: 'd1', name: '市水务局' },
  { id: 'd2', name: '市住建局' },
  { id: 'd3', name: '朝阳街道' },
];

async function chooseDepartment(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('combobox', { name: /改派至单位/ }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('ReassignForm', () => {
  it('refuses to submit without a department and a reason, and says so', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderInChinese(<ReassignForm departments={departments} onSubmit={onSubmit} onCancel={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: '改派' }));

    expect(screen.getByText('请选择单位')).toBeVisible();
    expect(screen.getByText('请填写改派原因')).toBeVisible();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('treats a blank reason as missing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderInChinese(<ReassignForm departments={departments} onSubmit={onSubmit} onCancel={vi.fn()} />);

    await chooseDepartment(user, '市住建局');
    await user.type(screen.getByRole('textbox', { name: /改派原因/ }), '   ');
    await user.click(screen.getByRole('button', { name: '改派' }));

    expect(screen.getByText('请填写改派原因')).toBeVisible();
    expect(screen.queryByText('请选择单位')).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the department and the trimmed reason', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderInChinese(<ReassignForm departments={departments} onSubmit={onSubmit} onCancel={vi.fn()} />);

    await chooseDepartment(user, '朝阳街道');
    await user.type(screen.getByRole('textbox', { name: /改派原因/ }), ' 属地管理，应由街道办理 ');
    await user.click(screen.getByRole('button', { name: '改派' }));

    expect(onSubmit).toHaveBeenCalledWith({ departmentId: 'd3', reason: '属地管理，应由街道办理' });
  });

  it('does not offer the department that already holds the ticket', async () => {
    const user = userEvent.setup();
    renderInChinese(
      <ReassignForm
        departments={departments}
        currentDepartmentId="d1"
        onSubmit={vi.fn()}
        onCancel={vi.fn()}
      />,
    );

    await user.click(screen.getByRole('combobox', { name: /改派至单位/ }));

    expect(await screen.findByRole('option', { name: '市住建局' })).toBeVisible();
    expect(screen.queryByRole('option', { name: '市水务局' })).not.toBeInTheDocument();
  });
});
