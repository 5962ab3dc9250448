import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRule } from '../routing/routing-support.js';
import { makeDepartment, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });

const AUDIT = `query($kind: SettingsKind, $entityId: ID, $actorId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  settingsAudit(kind: $kind, entityId: $entityId, actorId: $actorId, from: $from, to: $to, first: $first, after: $after) {
    nodes { id kind entityId action at actorKind actorId actor { id } before after changes { field before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Change {
  id: string;
  kind: string;
  entityId: string;
  action: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actor: { id: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

async function audit(variables: Record<string, unknown>, token = app.adminToken): Promise<Change[]> {
  const data = await app.ok<{ settingsAudit: { nodes: Change[] } }>(
    AUDIT,
    { first: 100, ...variables },
    token,
  );
  return data.settingsAudit.nodes;
}

let manager: { id: string; token: string; email: string };
let adminId: string;
let department: string;
let otherDepartment: string;
/** Secrets handed out during the run: none may appear in any audit row. */
const secrets: string[] = [];

beforeAll(async () => {
  department = (await makeDepartment(app)).id;
  otherDepartment = (await makeDepartment(app)).id;
  manager = await makeUser(app, 'MANAGER');
  const me = await app.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, app.adminToken);
  adminId = me.me.user.id;
});

const SLA = `mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { id } }`;
const CALENDAR = `mutation($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

async function newUser(): Promise<string> {
  const email = `audited-${Math.random().toString(36).slice(2)}@test.local`;
  const data = await app.ok<{ createUser: { id: string } }>(
    CREATE_USER,
    { input: { email, name: '被审计', password: 'password-1234', role: 'AGENT' } },
    app.adminToken,
  );
  return data.createUser.id;
}

async function newScopeRule(): Promise<string> {
  const data = await app.ok<{ createScopeRule: { id: string } }>(
    'mutation($input: ScopeRuleInput!) { createScopeRule(input: $input) { id } }',
    { input: { name: '商业纠纷', keywords: ['退款'], advice: '请拨打 12315', redirectTo: '12315' } },
    manager.token,
  );
  return data.createScopeRule.id;
}

async function newApiClient(): Promise<string> {
  const data = await app.ok<{ createApiClient: { client: { id: string }; key: string } }>(
    'mutation($input: ApiClientInput!) { createApiClient(input: $input) { client { id } key } }',
    { input: { name: '城市平台', role: 'INTEGRATION', departmentId: department, rateLimitPerSecond: 5 } },
    app.adminToken,
  );
  secrets.push(data.createApiClient.key);
  return data.createApiClient.client.id;
}

async function newWebhook(): Promise<string> {
  const data = await app.ok<{ createWebhook: { webhook: { id: string }; secret: string } }>(
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { webhook { id } secret } }',
    { input: { url: 'https://receiver.example.com/hook', events: ['ticket.created'] } },
    app.adminToken,
  );
  secrets.push(data.createWebhook.secret);
  return data.createWebhook.webhook.id;
}

interface AuditedMutation {
  kind: string;
  action: string;
  actor: () => { id: string; token: string };
  /** Runs the mutation; answers the entity's id. */
  run: (token: string) => Promise<string>;
  /** Fields `changes` lists. */
  changed: string[];
}

const asAdmin = () => ({ id: adminId, token: app.adminToken });
const asManager = () => manager;

const MUTATIONS: Record<string, AuditedMutation> = {
  upsertSlaPolicy: {
    kind: 'SLA_POLICY',
    action: 'UPDATED',
    actor: asManager,
    run: async (token) => {
      const data = await app.ok<{ upsertSlaPolicy: { id: string } }>(
        SLA,
        {
          input: {
            name: '紧急件',
            priority: 'EMERGENCY',
            clock: 'CALENDAR',
            acceptWithin: 'PT1H',
            resolveWithin: 'P1D',
            remindAt: [0.5, 0.8],
            escalation: [{ level: 1, after: 'PT0S' }],
          },
        },
        token,
      );
      return data.upsertSlaPolicy.id;
    },
    changed: ['name', 'acceptWithin', 'escalation'],
  },
  setBusinessCalendar: {
    kind: 'CALENDAR',
    action: 'UPDATED',
    actor: asManager,
    run: async (token) => {
      await app.ok(
        CALENDAR,
        {
          input: {
            timezone: 'Asia/Shanghai',
            workdays: [1, 2, 3, 4, 5],
            hours: [
              { start: '08:30', end: '12:00' },
              { start: '14:30', end: '18:00' },
            ],
            holidays: ['2026-05-01'],
            extraWorkdays: [],
          },
        },
        token,
      );
      return '1';
    },
    changed: ['holidays'],
  },
  createScopeRule: {
    kind: 'SCOPE_RULE',
    action: 'CREATED',
    actor: asManager,
    run: () => newScopeRule(),
    changed: ['name', 'keywords', 'categoryCodes', 'advice', 'redirectTo', 'enabled'],
  },
  updateScopeRule: {
    kind: 'SCOPE_RULE',
    action: 'UPDATED',
    actor: asManager,
    run: async (token) => {
      const id = await newScopeRule();
      await app.ok(
        'mutation($id: ID!, $input: ScopeRuleInput!) { updateScopeRule(id: $id, input: $input) { id } }',
        {
          id,
          input: { name: '商业纠纷', keywords: ['退款', '退货'], advice: '请拨打 12315', enabled: false },
        },
        token,
      );
      return id;
    },
    changed: ['keywords', 'redirectTo', 'enabled'],
  },
  deleteScopeRule: {
    kind: 'SCOPE_RULE',
    action: 'DELETED',
    actor: asManager,
    run: async (token) => {
      const id = await newScopeRule();
      await app.ok('mutation($id: ID!) { deleteScopeRule(id: $id) }', { id }, token);
      return id;
    },
    changed: ['name', 'keywords', 'categoryCodes', 'advice', 'redirectTo', 'enabled'],
  },
  createRoutingRule: {
    kind: 'ROUTING_RULE',
    action: 'CREATED',
    actor: asManager,
    run: async (token) =>
      (
        await makeRule(app, token, {
          name: '供水',
          departmentId: department,
          conditions: { keywords: ['停水'] },
        })
      ).id,
    // A null priority is null before and after: not a change.
    changed: ['name', 'position', 'enabled', 'conditions', 'departmentId'],
  },
  updateRoutingRule: {
    kind: 'ROUTING_RULE',
    action: 'UPDATED',
    actor: asManager,
    run: async (token) => {
      const rule = await makeRule(app, token, { name: '路灯', departmentId: department });
      await app.ok(
        'mutation($id: ID!, $input: RoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { id } }',
        { id: rule.id, input: { name: '路灯', departmentId: otherDepartment, conditions: {} } },
        token,
      );
      return rule.id;
    },
    changed: ['departmentId'],
  },
  deleteRoutingRule: {
    kind: 'ROUTING_RULE',
    action: 'DELETED',
    actor: asManager,
    run: async (token) => {
      const rule = await makeRule(app, token, { name: '噪音', departmentId: department });
      await app.ok('mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id: rule.id }, token);
      return rule.id;
    },
    // A null priority is null before and after: not a change.
    changed: ['name', 'position', 'enabled', 'conditions', 'departmentId'],
  },
  createUser: {
    kind: 'USER',
    action: 'CREATED',
    actor: asAdmin,
    run: () => newUser(),
    changed: ['email', 'name', 'role', 'active'],
  },
  updateUser: {
    kind: 'USER',
    action: 'UPDATED',
    actor: asAdmin,
    run: async (token) => {
      const id = await newUser();
      await app.ok(
        'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }',
        { id, input: { role: 'HANDLER', departmentId: department } },
        token,
      );
      return id;
    },
    changed: ['role', 'departmentId'],
  },
  deactivateUser: {
    kind: 'USER',
    action: 'DEACTIVATED',
    actor: asAdmin,
    run: async (token) => {
      const id = await newUser();
      await app.ok('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id }, token);
      return id;
    },
    changed: ['active'],
  },
  resetPassword: {
    kind: 'USER',
    action: 'PASSWORD_RESET',
    actor: asAdmin,
    run: async (token) => {
      const id = await newUser();
      await app.ok(
        'mutation($id: ID!) { resetPassword(id: $id, password: "secret-new-password-1") { id } }',
        { id },
        token,
      );
      secrets.push('secret-new-password-1');
      return id;
    },
    changed: [],
  },
  changePassword: {
    kind: 'USER',
    action: 'PASSWORD_CHANGED',
    actor: () => manager,
    run: async (token) => {
      await app.ok(
        'mutation { changePassword(currentPassword: "password-1234", newPassword: "my-secret-password-2") { id } }',
        {},
        token,
      );
      secrets.push('my-secret-password-2');
      // The change ended the manager's sessions.
      manager.token = await app.login(manager.email, 'my-secret-password-2');
      return manager.id;
    },
    changed: [],
  },
  createApiClient: {
    kind: 'API_CLIENT',
    action: 'CREATED',
    actor: asAdmin,
    run: () => newApiClient(),
    changed: ['name', 'role', 'departmentId', 'active', 'rateLimitPerSecond'],
  },
  revokeApiClient: {
    kind: 'API_CLIENT',
    action: 'REVOKED',
    actor: asAdmin,
    run: async (token) => {
      const id = await newApiClient();
      await app.ok('mutation($id: ID!) { revokeApiClient(id: $id) { id } }', { id }, token);
      return id;
    },
    changed: ['active', 'revokedAt'],
  },
  createWebhook: {
    kind: 'WEBHOOK',
    action: 'CREATED',
    actor: asAdmin,
    run: () => newWebhook(),
    changed: ['url', 'events', 'active'],
  },
  deleteWebhook: {
    kind: 'WEBHOOK',
    action: 'DELETED',
    actor: asAdmin,
    run: async (token) => {
      const id = await newWebhook();
      await app.ok('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, token);
      return id;
    },
    changed: ['url', 'events', 'active'],
  },
};

describe('every settings mutation is audited: who, when, before, after', () => {
  it.each(Object.entries(MUTATIONS))('%s', async (_name, mutation) => {
    const actor = mutation.actor();
    clock.advance(60_000);
    const at = clock.now();
    const entityId = await mutation.run(actor.token);
    const [latest] = await audit({ kind: mutation.kind, entityId, first: 1 });
    expect(latest).toMatchObject({
      kind: mutation.kind,
      entityId,
      action: mutation.action,
      at: at.toISOString(),
      actorKind: 'user',
      actorId: actor.id,
      actor: { id: actor.id },
    });
    if (mutation.action === 'CREATED') expect(latest!.before).toBeNull();
    else expect(latest!.before).not.toBeNull();
    if (mutation.action === 'DELETED') expect(latest!.after).toBeNull();
    else expect(latest!.after).not.toBeNull();
    expect(latest!.changes.map((change) => change.field).sort()).toEqual([...mutation.changed].sort());
    for (const change of latest!.changes) {
      expect(change.before).toEqual(latest!.before?.[change.field] ?? null);
      expect(change.after).toEqual(latest!.after?.[change.field] ?? null);
    }
  });

  it('never keeps a password hash, an API key or a webhook secret', async () => {
    const everything = JSON.stringify(await audit({}));
    expect(everything).not.toMatch(/passwordHash|keyHash|secretEncrypted|whsec_|scrypt/i);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});

describe('a refused change records nothing', () => {
  it('a rejected calendar, a duplicate email and the last admin leave the audit as it was', async () => {
    const before = (await audit({ first: 1 }))[0]!.id;
    const badCalendar = await app.gql(
      CALENDAR,
      { input: { timezone: 'Mars/Base', workdays: [], hours: [], holidays: [], extraWorkdays: [] } },
      manager.token,
    );
    expect(codes(badCalendar)).toEqual(['BAD_USER_INPUT']);
    const duplicate = await app.gql(
      CREATE_USER,
      { input: { email: 'admin@test.local', name: 'x', password: 'password-1234', role: 'AGENT' } },
      app.adminToken,
    );
    expect(codes(duplicate)).toEqual(['CONFLICT']);
    const lastAdmin = await app.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      { id: adminId },
      app.adminToken,
    );
    expect(codes(lastAdmin)).toEqual(['BAD_USER_INPUT']);
    expect((await audit({ first: 1 }))[0]!.id).toBe(before);
  });

  it('an unchanged user (same role and department) records nothing', async () => {
    const id = await newUser();
    await app.ok(
      'mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }',
      { id },
      app.adminToken,
    );
    expect((await audit({ kind: 'USER', entityId: id })).map((row) => row.action)).toEqual(['CREATED']);
  });
});

describe('settingsAudit', () => {
  it('filters by actor and by time, newest first, and pages', async () => {
    clock.advance(3_600_000);
    const start = clock.now();
    const first = await newScopeRule();
    clock.advance(60_000);
    const second = await newScopeRule();
    const mine = await audit({ actorId: manager.id, from: start.toISOString() });
    expect(mine.map((row) => row.entityId)).toEqual([second, first]);
    const onlyFirst = await audit({
      from: start.toISOString(),
      to: new Date(start.getTime() + 1).toISOString(),
    });
    expect(onlyFirst.map((row) => row.entityId)).toEqual([first]);
    expect(await audit({ actorId: adminId, from: start.toISOString() })).toEqual([]);

    const page1 = await app.ok<{
      settingsAudit: { nodes: Change[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(AUDIT, { first: 1 }, app.adminToken);
    expect(page1.settingsAudit.pageInfo.hasNextPage).toBe(true);
    const page2 = await audit({ first: 1, after: page1.settingsAudit.pageInfo.endCursor });
    expect(Number(page2[0]!.id)).toBeLessThan(Number(page1.settingsAudit.nodes[0]!.id));
  });

  it('is for MANAGER and ADMIN only, and checks its bounds', async () => {
    const handler = await makeUser(app, 'HANDLER', department);
    const agent = await makeUser(app, 'AGENT');
    expect(codes(await app.gql(AUDIT, {}, handler.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(AUDIT, {}, agent.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(AUDIT, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(AUDIT, { first: 101 }, manager.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(AUDIT, { after: 'nonsense' }, manager.token))).toEqual(['BAD_USER_INPUT']);
    const inverted = { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' };
    expect(codes(await app.gql(AUDIT, inverted, manager.token))).toEqual(['BAD_USER_INPUT']);
    expect(await audit({ actorId: 'not-a-uuid' }, manager.token)).toEqual([]);
  });

  it('routingRuleChanges reads the same rows', async () => {
    const rule = await makeRule(app, manager.token, { name: '桥梁', departmentId: department });
    const data = await app.ok<{ routingRuleChanges: { nodes: { ruleId: string; action: string }[] } }>(
      'query($id: ID) { routingRuleChanges(ruleId: $id) { nodes { ruleId action } } }',
      { id: rule.id },
      manager.token,
    );
    expect(data.routingRuleChanges.nodes).toEqual([{ ruleId: rule.id, action: 'CREATED' }]);
    expect((await audit({ kind: 'ROUTING_RULE', entityId: rule.id })).map((row) => row.action)).toEqual([
      'CREATED',
    ]);
  });
});
