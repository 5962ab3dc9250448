import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { TimezoneProvider } from '../common/timezone';
import { AppMenu } from './AppMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AppMenu}>
      <TimezoneProvider>{children}</TimezoneProvider>
    </Layout>
  );
}
