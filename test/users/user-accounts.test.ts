import 'reflect-metadata';
import { hashWith, loadConfig, PASSWORD_HASH_PARAMS } from '@hotline/api/services';
import { users } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { ADMIN_EMAIL, codes, startTestHotline, useHotline } from '../support/hotline.js';

const ME = '{ me { role department { id } user { id active } } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role department { id } } }';
const RESET = 'mutation($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }';
const CHANGE =
  'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { id } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

const app = useHotline();
beforeAll(async () => {}, 60_000);

describe('ending sessions', () => {
  it("a deactivated user's token fails on the next request, and the user cannot sign in", async () => {
    const agent = await makeUser(app, 'AGENT');
    expect((await app.ok(ME, {}, agent.token)).me.user).toEqual({ id: agent.id, active: true });

    const data = await app.ok(DEACTIVATE, { id: agent.id }, app.adminToken);
    expect(data.deactivateUser).toEqual({ id: agent.id, active: false });

    expect(codes(await app.gql(ME, {}, agent.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(LOGIN, { email: agent.email, password: 'password-1234' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('a role or department change takes effect on the next request', async () => {
    const [first, second] = [await makeDepartment(app), await makeDepartment(app)];
    const handler = await makeUser(app, 'HANDLER', first.id);
    const other = await makeUser(app, 'AGENT');

    const moved = await app.ok(
      UPDATE,
      { id: handler.id, input: { departmentId: second.id } },
      app.adminToken,
    );
    expect(moved.updateUser).toEqual({ id: handler.id, role: 'HANDLER', department: { id: second.id } });
    expect(codes(await app.gql(ME, {}, handler.token))).toEqual(['UNAUTHENTICATED']);
    const again = await app.login(handler.email, 'password-1234');
    expect((await app.ok(ME, {}, again)).me).toMatchObject({
      role: 'HANDLER',
      department: { id: second.id },
    });

    // Left out: unchanged; null: no department.
    const promoted = await app.ok(UPDATE, { id: handler.id, input: { role: 'MANAGER' } }, app.adminToken);
    expect(promoted.updateUser).toEqual({ id: handler.id, role: 'MANAGER', department: { id: second.id } });
    expect(codes(await app.gql(ME, {}, again))).toEqual(['UNAUTHENTICATED']);
    const cleared = await app.ok(UPDATE, { id: handler.id, input: { departmentId: null } }, app.adminToken);
    expect(cleared.updateUser.department).toBeNull();

    // Nothing to change: the sessions go on. Someone else's change leaves them alone too.
    const manager = await app.login(handler.email, 'password-1234');
    await app.ok(UPDATE, { id: handler.id, input: { role: 'MANAGER', departmentId: null } }, app.adminToken);
    await app.ok(UPDATE, { id: other.id, input: { role: 'MANAGER' } }, app.adminToken);
    expect((await app.ok(ME, {}, manager)).me.role).toBe('MANAGER');
  });

  it('refuses a HANDLER without a department, an unknown department and an unknown user', async () => {
    const agent = await makeUser(app, 'AGENT');
    const noDepartment = await app.gql(UPDATE, { id: agent.id, input: { role: 'HANDLER' } }, app.adminToken);
    expect(codes(noDepartment)).toEqual(['BAD_USER_INPUT']);
    const unknown = await app.gql(
      UPDATE,
      { id: agent.id, input: { departmentId: '00000000-0000-4000-8000-000000000000' } },
      app.adminToken,
    );
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(DEACTIVATE, { id: 'nope' }, app.adminToken))).toEqual(['NOT_FOUND']);
    // Refused changes keep the session.
    expect((await app.ok(ME, {}, agent.token)).me.role).toBe('AGENT');
  });

  it('keeps one active ADMIN', async () => {
    const [admin] = await app.hotline.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, ADMIN_EMAIL));
    const refused = await app.gql(DEACTIVATE, { id: admin!.id }, app.adminToken);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    const demoted = await app.gql(UPDATE, { id: admin!.id, input: { role: 'MANAGER' } }, app.adminToken);
    expect(codes(demoted)).toEqual(['BAD_USER_INPUT']);
    expect((await app.ok(ME, {}, app.adminToken)).me.role).toBe('ADMIN');
  });

  it('resetPassword, deactivateUser and updateUser are ADMIN only', async () => {
    const target = await makeUser(app, 'AGENT');
    for (const role of ['MANAGER', 'AGENT']) {
      const viewer = await makeUser(app, role);
      expect(codes(await app.gql(DEACTIVATE, { id: target.id }, viewer.token))).toEqual(['FORBIDDEN']);
      const update = await app.gql(UPDATE, { id: target.id, input: { role: 'ADMIN' } }, viewer.token);
      expect(codes(update)).toEqual(['FORBIDDEN']);
      const reset = await app.gql(RESET, { id: target.id, password: 'taken-over-1' }, viewer.token);
      expect(codes(reset)).toEqual(['FORBIDDEN']);
    }
    expect(codes(await app.gql(DEACTIVATE, { id: target.id }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.ok(ME, {}, target.token)).me.role).toBe('AGENT');
    expect(await app.login(target.email, 'password-1234')).toBeTruthy();
  });
});

describe('passwords', () => {
  it('resetPassword sets a new password and ends the sessions', async () => {
    const agent = await makeUser(app, 'AGENT');
    await app.ok(RESET, { id: agent.id, password: 'fresh-password-9' }, app.adminToken);
    expect(codes(await app.gql(ME, {}, agent.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(LOGIN, { email: agent.email, password: 'password-1234' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await app.login(agent.email, 'fresh-password-9')).toBeTruthy();
    const short = await app.gql(RESET, { id: agent.id, password: 'short' }, app.adminToken);
    expect(codes(short)).toEqual(['BAD_USER_INPUT']);
  });

  it('changePassword needs the current password, then ends every session of the user', async () => {
    const handler = await makeUser(app, 'HANDLER', (await makeDepartment(app)).id);
    const otherSession = await app.login(handler.email, 'password-1234');

    const wrong = await app.gql(
      CHANGE,
      { current: 'not-my-password', next: 'new-password-7' },
      handler.token,
    );
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.extensions?.field).toBe('currentPassword');
    expect((await app.ok(ME, {}, handler.token)).me.role).toBe('HANDLER');

    await app.ok(CHANGE, { current: 'password-1234', next: 'new-password-7' }, handler.token);
    expect(codes(await app.gql(ME, {}, handler.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(ME, {}, otherSession))).toEqual(['UNAUTHENTICATED']);
    expect(await app.login(handler.email, 'new-password-7')).toBeTruthy();
  });

  it("a hash with an older release's weaker parameters still signs in, and is replaced at once", async () => {
    const agent = await makeUser(app, 'AGENT');
    const db = app.hotline.database.db;
    const storedHash = async () =>
      (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, agent.id)))[0]?.hash;
    const older = await hashWith('password-1234', { N: 1 << 15, r: 8, p: 1 });
    await db.update(users).set({ passwordHash: older }).where(eq(users.id, agent.id));

    expect(await app.login(agent.email, 'password-1234')).toBeTruthy();
    const rehashed = await storedHash();
    expect(rehashed).not.toBe(older);
    const { N, r, p } = PASSWORD_HASH_PARAMS;
    expect(rehashed).toMatch(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$`));
    expect(await app.login(agent.email, 'password-1234')).toBeTruthy();
    expect(await storedHash()).toBe(rehashed);
    // Not a credential change: sessions go on.
    expect((await app.ok(ME, {}, agent.token)).me.role).toBe('AGENT');
  });

  it('changePassword is for signed-in staff users', async () => {
    expect(codes(await app.gql(CHANGE, { current: 'x', next: 'new-password-7' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

describe('TOKEN_TTL', () => {
  it('is capped at 24 hours: a longer lifetime stops the start with its name', () => {
    expect(() => loadConfig({ TOKEN_TTL: '25h' })).toThrow(/TOKEN_TTL: at most 24h/);
    expect(() => loadConfig({ TOKEN_TTL: '7d' })).toThrow(/TOKEN_TTL/);
    expect(() => loadConfig({ TOKEN_TTL: 'forever' })).toThrow(/TOKEN_TTL/);
    expect(loadConfig({ TOKEN_TTL: '24h' }).TOKEN_TTL).toBe('86400s');
  });

  it('tokens live 12 hours by default', async () => {
    const payload = JSON.parse(Buffer.from(app.adminToken.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(12 * 3600);
  });

  it('a token is refused once it expires, though it was accepted a moment before', async () => {
    const short = await startTestHotline({ env: { TOKEN_TTL: '2s' } });
    try {
      const token = short.adminToken;
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
        exp: number;
      };
      // Twice: the second is answered from the verified-token cache.
      for (let i = 0; i < 2; i++)
        expect((await short.gql('{ departments { id } }', {}, token)).errors).toBeUndefined();
      await new Promise((wake) => setTimeout(wake, Math.max(exp * 1000 - Date.now(), 0) + 100));
      expect(codes(await short.gql('{ departments { id } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await short.stop();
    }
  });
});
