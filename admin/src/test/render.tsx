import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminContext, type DataProvider, I18nContextProvider } from 'react-admin';
import { i18nProvider } from '../i18n';

/** Renders with the real zh-CN messages, so tests read what a user reads. */
export function renderInChinese(ui: ReactElement) {
  return render(<I18nContextProvider value={i18nProvider}>{ui}</I18nContextProvider>);
}

/** Renders inside react-admin's contexts (query client, data provider, i18n). */
export function renderInAdmin(ui: ReactElement, dataProvider: Partial<DataProvider>) {
  return render(
    <AdminContext dataProvider={dataProvider as DataProvider} i18nProvider={i18nProvider}>
      {ui}
    </AdminContext>,
  );
}
