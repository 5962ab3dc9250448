import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_FAILURES } from '../../api/src/auth/login-throttle.js';
import { makeUser } from '../support/factories.js';
import { startTestHotline, type TestHotline } from '../support/hotline.js';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

let app: TestHotline;
beforeAll(async () => {
  app = await startTestHotline();
}, 60_000);
afterAll(() => app?.stop());

async function signIn(email: string, password: string, forwardedFor?: string, target = app) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = (await response.json()) as {
    data?: { login: { token: string } } | null;
    errors?: { message: string; extensions: { code: string; retryAfter?: number } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

const codeOf = (result: Awaited<ReturnType<typeof signIn>>) => result.body.errors?.[0]?.extensions.code;

describe('sign-in throttling', () => {
  it('refuses an account after repeated wrong passwords, even the right one, with RATE_LIMITED and Retry-After', async () => {
    const user = await makeUser(app, 'AGENT');
    for (let attempt = 0; attempt < LOGIN_FAILURES.allowed; attempt++) {
      expect(codeOf(await signIn(user.email, `wrong-${attempt}`))).toBe('UNAUTHENTICATED');
    }
    const refused = await signIn(user.email, 'password-1234');
    expect(refused.status).toBe(429);
    expect(refused.body.data ?? null).toBeNull();
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    const retryAfter = refused.body.errors![0]!.extensions.retryAfter!;
    expect(retryAfter).toBeGreaterThan(LOGIN_FAILURES.windowSeconds - 120);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_FAILURES.windowSeconds);
    expect(refused.retryAfter).toBe(String(retryAfter));
    // The email's case and spaces do not make it another account.
    expect(codeOf(await signIn(` ${user.email.toUpperCase()} `, 'password-1234'))).toBe('RATE_LIMITED');

    // Other accounts sign in as usual.
    const colleague = await makeUser(app, 'AGENT');
    expect((await signIn(colleague.email, 'password-1234')).body.data?.login.token).toBeTruthy();
  });

  it('forgets the failures once the account signs in', async () => {
    const user = await makeUser(app, 'MANAGER');
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < LOGIN_FAILURES.allowed - 1; attempt++) {
        expect(codeOf(await signIn(user.email, 'wrong'))).toBe('UNAUTHENTICATED');
      }
      expect((await signIn(user.email, 'password-1234')).body.data?.login.token).toBeTruthy();
    }
  });

  it('ignores X-Forwarded-For unless a proxy is trusted, so a guesser cannot pick a fresh address', async () => {
    const user = await makeUser(app, 'AGENT');
    for (let attempt = 0; attempt < LOGIN_FAILURES.allowed; attempt++) {
      expect(codeOf(await signIn(user.email, 'wrong', `203.0.113.${attempt}`))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(user.email, 'wrong', '198.51.100.7'))).toBe('RATE_LIMITED');
  });
});

describe('sign-in throttling behind a trusted proxy', () => {
  let proxied: TestHotline;
  beforeAll(async () => {
    proxied = await startTestHotline({ env: { TRUST_PROXY: '1' } });
  }, 60_000);
  afterAll(() => proxied?.stop());

  it('counts per client address, so guessing from one address does not lock the account out elsewhere', async () => {
    const user = await makeUser(proxied, 'AGENT');
    for (let attempt = 0; attempt < LOGIN_FAILURES.allowed; attempt++) {
      expect(codeOf(await signIn(user.email, 'wrong', '203.0.113.9', proxied))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(user.email, 'password-1234', '203.0.113.9', proxied))).toBe('RATE_LIMITED');
    const elsewhere = await signIn(user.email, 'password-1234', '198.51.100.20', proxied);
    expect(elsewhere.body.data?.login.token).toBeTruthy();
  });
});
