import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, UserMenu } from 'react-admin';
import { TimezoneProvider } from '../common/timezone';
import { ChangePasswordMenuItem } from '../users/ChangePasswordMenuItem';
import { AppMenu } from './AppMenu';

function AppUserBar() {
  return (
    <AppBar
      userMenu={
        <UserMenu>
          <ChangePasswordMenuItem />
          <Logout />
        </UserMenu>
      }
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AppMenu} appBar={AppUserBar}>
      <TimezoneProvider>{children}</TimezoneProvider>
    </Layout>
  );
}
