import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { raZh } from './ra-zh';
import { zh } from './zh';

const DEFAULT_LOCALE = 'zh-CN';

const messages: Record<string, TranslationMessages> = {
  'zh-CN': { ...raZh, ...zh },
  en: {
    ...englishMessages,
    ...en,
    ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } },
  },
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE]!,
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
