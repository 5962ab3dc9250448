import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@hotline/api/services';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser } from './chromium.js';

export const MANAGER_EMAIL = `manager@${DEMO_EMAIL_DOMAIN}`;
export const handlerEmail = (departmentCode: string) =>
  `handler.${departmentCode.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;

const screenshots = fileURLToPath(new URL('../../../screenshots/', import.meta.url));

export interface ConsolePage {
  page: Page;
  /** Uncaught page errors and GraphQL errors the console received, for the test to check. */
  problems: string[];
  /** Saves screenshots/<name>.png (full page). */
  shot(name: string): Promise<void>;
  /** Signs in through the login form and waits for the console's menu. */
  signIn(email: string, password?: string): Promise<void>;
}

/**
 * A fresh browser context on the console. The browser runs in UTC on purpose: the console must show times
 * in the business calendar's timezone (Asia/Shanghai), not the browser's.
 */
async function openConsole(browser: Browser): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', async (response) => {
    if (!response.url().endsWith('/graphql')) return;
    const body = await response.text().catch(() => '');
    if (body.includes('"errors"')) problems.push(`GraphQL: ${body.slice(0, 500)}`);
  });
  mkdirSync(screenshots, { recursive: true });
  const origin = inject('e2eBaseUrl');
  return {
    page,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
    },
    signIn: async (email, password = DEMO_PASSWORD) => {
      await page.goto(`${origin}/admin/#/login`);
      await page.locator('input[name="username"]').fill(email);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
      await page.locator('.RaSidebar-fixed, [class*="RaSidebar"]').first().waitFor();
    },
  };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The public API, as any client would call it. */
export async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${inject('e2eBaseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** Like gql, but throws on any error and returns data. */
export async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await ok<{ login: { token: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  return data.login.token;
}

/**
 * A browser and a signed-out console page for the test file (opened before its tests, closed after);
 * a failing test leaves the screenshot `failureShot`. Returns the page's accessor.
 */
export function useConsole(failureShot: string): () => ConsolePage {
  let browser: Browser | undefined;
  let opened: ConsolePage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    opened = await openConsole(browser);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await opened?.shot(failureShot);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!opened) throw new Error('the console is opened in beforeAll');
    return opened;
  };
}
