import 'reflect-metadata';
import { ADDRESS_FAILURES, hashWith, LOGIN_FAILURES } from '@hotline/api/services';
import { users } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { type TestHotline, useHotline } from '../support/hotline.js';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

const app = useHotline();
/** The server behind a trusted proxy, of the describe block that uses it (`post` sends to it). */
let proxied: TestHotline;

async function post(query: string, variables: Record<string, unknown>, forwardedFor: string) {
  const response = await fetch(`${proxied.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions: { code: string } }[];
  };
  return { status: response.status, body };
}

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

  it('ignores X-Forwarded-For unless a proxy is trusted, so a guesser cannot pick a fresh address', async () => {
    const user = await makeUser(app, 'AGENT');
    for (let attempt = 0; attempt < LOGIN_FAILURES.allowed; attempt++) {
      expect(codeOf(await signIn(user.email, 'wrong', `203.0.113.${attempt}`))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(user.email, 'wrong', '198.51.100.7'))).toBe('RATE_LIMITED');
  });
});

describe('sign-in throttling behind a trusted proxy', () => {
  proxied = useHotline({ env: { TRUST_PROXY: '1' } });

  it('counts per client address, so guessing from one address does not lock the account out elsewhere', async () => {
    const user = await makeUser(proxied, 'AGENT');
    for (let attempt = 0; attempt < LOGIN_FAILURES.allowed; attempt++) {
      expect(codeOf(await signIn(user.email, 'wrong', '203.0.113.9', proxied))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(user.email, 'password-1234', '203.0.113.9', proxied))).toBe('RATE_LIMITED');
    const elsewhere = await signIn(user.email, 'password-1234', '198.51.100.20', proxied);
    expect(elsewhere.body.data?.login.token).toBeTruthy();
  });

  it('forgets the failures once the account signs in', async () => {
    const user = await makeUser(proxied, 'MANAGER');
    for (let round = 0; round < 2; round++) {
      const wrong = Array.from({ length: LOGIN_FAILURES.allowed - 1 }, () =>
        signIn(user.email, 'wrong', '203.0.113.30', proxied),
      );
      for (const result of await Promise.all(wrong)) expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(
        (await signIn(user.email, 'password-1234', '203.0.113.30', proxied)).body.data?.login.token,
      ).toBeTruthy();
    }
  });

  it('parallel wrong guesses beyond the limit are refused: each takes its point before the password is checked', async () => {
    const user = await makeUser(proxied, 'AGENT');
    const guesses = Array.from({ length: LOGIN_FAILURES.allowed + 8 }, (_, index) =>
      signIn(user.email, `wrong-${index}`, '203.0.113.40', proxied),
    );
    const answered = (await Promise.all(guesses)).map(codeOf);
    expect(answered.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(LOGIN_FAILURES.allowed);
    expect(answered.filter((code) => code === 'RATE_LIMITED')).toHaveLength(8);
  });

  it('throttles password spraying: one address, one password, many accounts', async () => {
    // Successful sign-ins from the address give their points back: they do not count.
    const user = await makeUser(proxied, 'AGENT');
    for (let attempt = 0; attempt < 2; attempt++) {
      const signedIn = await signIn(user.email, 'password-1234', '203.0.113.50', proxied);
      expect(signedIn.body.data?.login.token).toBeTruthy();
    }

    const sprayed = Array.from(
      { length: ADDRESS_FAILURES.allowed + 6 },
      (_, index) => `nobody-${index}-${Date.now()}@test.local`,
    );
    const answered = (
      await Promise.all(sprayed.map((email) => signIn(email, 'Summer2024!', '203.0.113.50', proxied)))
    ).map(codeOf);
    expect(answered.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(ADDRESS_FAILURES.allowed);
    expect(answered.filter((code) => code === 'RATE_LIMITED')).toHaveLength(6);

    // The address is paused for every account, even with the right password; other addresses are not.
    const refused = await signIn(user.email, 'password-1234', '203.0.113.50', proxied);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.extensions.retryAfter).toBeGreaterThan(
      ADDRESS_FAILURES.windowSeconds - 120,
    );
    expect(
      (await signIn(user.email, 'password-1234', '203.0.113.51', proxied)).body.data?.login.token,
    ).toBeTruthy();
  });

  it('100 aliased logins in one request are refused before any password is checked', async () => {
    const user = await makeUser(proxied, 'AGENT');
    // A hash from an older release: any check of the right password would replace it.
    const older = await hashWith('password-1234', { N: 1 << 14, r: 8, p: 1 });
    const db = proxied.hotline.database.db;
    await db.update(users).set({ passwordHash: older }).where(eq(users.id, user.id));
    const storedHash = async () =>
      (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0]?.hash;

    const aliases = Array.from(
      { length: 100 },
      (_, index) => `a${index}: login(email: $email, password: $password) { token }`,
    );
    const hundred = `mutation($email: String!, $password: String!) { ${aliases.join(' ')} }`;
    for (const password of ['password-1234', 'wrong-password']) {
      const refused = await post(hundred, { email: user.email, password }, '203.0.113.70');
      expect(refused.status).toBe(400);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    }
    expect(await storedHash()).toBe(older);

    // Also through a fragment, and beside any other field.
    const viaFragment = await post(
      `mutation($email: String!, $password: String!) { ...Two }
       fragment Two on Mutation { a: login(email: $email, password: $password) { token } b: login(email: $email, password: $password) { token } }`,
      { email: user.email, password: 'password-1234' },
      '203.0.113.70',
    );
    expect(viaFragment.body.errors?.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    const beside = await post(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } deactivateUser(id: "x") { id } }`,
      { email: user.email, password: 'password-1234' },
      '203.0.113.70',
    );
    expect(beside.body.errors?.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await storedHash()).toBe(older);

    // None of the wrong ones counted: the right password signs in at once from that address.
    expect(
      (await signIn(user.email, 'password-1234', '203.0.113.70', proxied)).body.data?.login.token,
    ).toBeTruthy();
  });
});
