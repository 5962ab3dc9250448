import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { i18nProvider } from '../i18n';
import { ChangePasswordPage } from './ChangePasswordPage';

function renderPage() {
  const changePassword = vi.fn(async () => ({ id: 'u1', email: 'agent@hotline.local' }));
  const login = vi.fn(async () => undefined);
  const authProvider: AuthProvider = {
    login,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => 'AGENT',
  };
  render(
    <AdminContext
      dataProvider={{ changePassword } as unknown as DataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
    >
      <ChangePasswordPage />
    </AdminContext>,
  );
  return { changePassword, login };
}

async function fill(current: string, next: string, again: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/当前密码/), current);
  await user.type(screen.getByLabelText(/^新密码/), next);
  await user.type(screen.getByLabelText(/再次输入新密码/), again);
  await user.click(screen.getByRole('button', { name: '修改密码' }));
}

describe('change my password', () => {
  it('refuses two different new passwords without asking the server', async () => {
    const { changePassword } = renderPage();
    await fill('old-password', 'new-password-1', 'new-password-2');
    expect(await screen.findByText('两次输入的新密码不一致')).toBeVisible();
    expect(changePassword).not.toHaveBeenCalled();
  });

  it('sends the current and the new password, then signs in again with the new one', async () => {
    const { changePassword, login } = renderPage();
    await fill('old-password', 'new-password-1', 'new-password-1');
    await waitFor(() => expect(changePassword).toHaveBeenCalledWith('old-password', 'new-password-1'));
    await waitFor(() =>
      expect(login).toHaveBeenCalledWith({ email: 'agent@hotline.local', password: 'new-password-1' }),
    );
  });
});
