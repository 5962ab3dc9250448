import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();

const VIEWS = `query { savedViews(list: TICKETS) { name visibility mine owner { id } department { id } filters sort columns } }`;
const SAVE = `mutation($input: SavedViewInput!) {
  saveView(input: $input) { id name list visibility filters sort columns mine department { id } }
}`;
const UPDATE = `mutation($id: ID!, $changes: SavedViewChangesInput!) {
  updateView(id: $id, changes: $changes) { id name visibility filters sort columns department { id } }
}`;
const RENAME = `mutation($id: ID!, $name: String!) { renameView(id: $id, name: $name) { id name } }`;
const DELETE = `mutation($id: ID!) { deleteView(id: $id) }`;

type User = { id: string; token: string };
let water: string;
let roads: string;
let manager: User;
let admin: User;
let agent: User;
let handlerWater: User;
let colleagueWater: User;
let handlerRoads: User;

async function save(token: string, input: Record<string, unknown>) {
  const data = await app.ok<{ saveView: { id: string } }>(
    SAVE,
    { input: { list: 'TICKETS', ...input } },
    token,
  );
  return data.saveView.id;
}

async function names(token: string): Promise<string[]> {
  const data = await app.ok<{ savedViews: { name: string }[] }>(VIEWS, {}, token);
  return data.savedViews.map((view) => view.name);
}

beforeAll(async () => {
  water = (await makeDepartment(app)).id;
  roads = (await makeDepartment(app)).id;
  manager = await makeUser(app, 'MANAGER');
  agent = await makeUser(app, 'AGENT');
  handlerWater = await makeUser(app, 'HANDLER', water);
  colleagueWater = await makeUser(app, 'HANDLER', water);
  handlerRoads = await makeUser(app, 'HANDLER', roads);
  const me = await app.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, app.adminToken);
  admin = { id: me.me.user.id, token: app.adminToken };
});

describe('saving a view', () => {
  it("keeps the list's filters, sort and columns as given", async () => {
    const filters = {
      status: ['DISPATCHED', 'IN_PROGRESS'],
      overdue: true,
      createdAfter: '2026-03-01T00:00:00.000Z',
    };
    const sort = { field: 'DUE_AT', direction: 'ASC' };
    const data = await app.ok<{ saveView: Record<string, unknown> }>(
      SAVE,
      { input: { list: 'TICKETS', name: ' 超期未办 ', filters, sort, columns: ['number', 'title', 'sla'] } },
      agent.token,
    );
    expect(data.saveView).toMatchObject({
      name: '超期未办',
      list: 'TICKETS',
      visibility: 'PRIVATE',
      filters,
      sort,
      columns: ['number', 'title', 'sla'],
      mine: true,
      department: null,
    });
  });

  it.each([
    ['an unknown filter', { filters: { colour: 'red' } }],
    ['a filter of the wrong type', { filters: { status: ['LOST'] } }],
    ['a bad date', { filters: { createdAfter: 'yesterday' } }],
    ['an unknown sort field', { sort: { field: 'TITLE', direction: 'ASC' } }],
    ['a sort without direction', { sort: { field: 'DUE_AT' } }],
    ['an unknown column', { columns: ['number', 'callerPhone'] }],
    ['a blank name', { name: '  ' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
  ])('refuses %s with BAD_USER_INPUT', async (_case, input) => {
    const result = await app.gql(SAVE, { input: { list: 'TICKETS', name: 'bad', ...input } }, agent.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await names(agent.token)).not.toContain('bad');
  });

  it('refuses a second view of the same name (CONFLICT), and API clients', async () => {
    await save(agent.token, { name: '重复' });
    expect(codes(await app.gql(SAVE, { input: { list: 'TICKETS', name: '重复' } }, agent.token))).toEqual([
      'CONFLICT',
    ]);
    // Another user may use the same name.
    await save(manager.token, { name: '重复' });
    const client = await app.ok<{ createApiClient: { key: string } }>(
      'mutation { createApiClient(input: { name: "sys", role: AGENT }) { key } }',
      {},
      app.adminToken,
    );
    expect(
      codes(await app.gql(SAVE, { input: { list: 'TICKETS', name: 'x' } }, client.createApiClient.key)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(VIEWS, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('visibility', () => {
  beforeAll(async () => {
    await save(handlerWater.token, { name: 'W 私有' });
    await save(handlerWater.token, { name: 'W 部门', visibility: 'DEPARTMENT' });
    await save(handlerRoads.token, { name: 'R 部门', visibility: 'DEPARTMENT' });
    await save(manager.token, { name: 'M 全中心', visibility: 'CENTRE' });
    await save(admin.token, { name: 'A 全中心', visibility: 'CENTRE' });
  });

  it.each([
    [
      'the owner sees its private and shared views',
      () => handlerWater,
      ['A 全中心', 'M 全中心', 'W 私有', 'W 部门'],
    ],
    [
      'a colleague sees its department and the centre',
      () => colleagueWater,
      ['A 全中心', 'M 全中心', 'W 部门'],
    ],
    [
      'another department sees its own and the centre',
      () => handlerRoads,
      ['A 全中心', 'M 全中心', 'R 部门'],
    ],
  ])('%s', async (_case, who, expected) => {
    const seen = (await names(who().token)).filter((name) => /^[AMWR] /.test(name));
    expect(seen).toEqual(expected);
  });

  it('a shared view names its department and owner, and is not mine', async () => {
    const data = await app.ok<{
      savedViews: { name: string; mine: boolean; owner: { id: string }; department: { id: string } | null }[];
    }>(VIEWS, {}, colleagueWater.token);
    expect(data.savedViews.find((view) => view.name === 'W 部门')).toMatchObject({
      mine: false,
      owner: { id: handlerWater.id },
      department: { id: water },
    });
  });

  it('only MANAGER or ADMIN shares with the centre; only a user of a department shares with it', async () => {
    for (const user of [agent, handlerWater]) {
      const result = await app.gql(
        SAVE,
        { input: { list: 'TICKETS', name: 'c', visibility: 'CENTRE' } },
        user.token,
      );
      expect(codes(result)).toEqual(['FORBIDDEN']);
    }
    // The agent and the manager belong to no department.
    const noDepartment = await app.gql(
      SAVE,
      { input: { list: 'TICKETS', name: 'd', visibility: 'DEPARTMENT' } },
      agent.token,
    );
    expect(codes(noDepartment)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('changing a view', () => {
  it('the owner updates, shares, renames and deletes it', async () => {
    const id = await save(handlerWater.token, { name: '待签收', filters: { status: ['DISPATCHED'] } });
    const updated = await app.ok<{ updateView: Record<string, unknown> }>(
      UPDATE,
      {
        id,
        changes: {
          filters: { status: ['DISPATCHED'], priority: ['EMERGENCY'] },
          sort: { field: 'CREATED_AT', direction: 'ASC' },
          columns: ['number', 'status'],
          visibility: 'DEPARTMENT',
        },
      },
      handlerWater.token,
    );
    expect(updated.updateView).toMatchObject({
      name: '待签收',
      filters: { status: ['DISPATCHED'], priority: ['EMERGENCY'] },
      sort: { field: 'CREATED_AT', direction: 'ASC' },
      columns: ['number', 'status'],
      visibility: 'DEPARTMENT',
      department: { id: water },
    });
    expect(await names(colleagueWater.token)).toContain('待签收');
    // Only what is given changes; sort: null goes back to the default order.
    const partly = await app.ok<{ updateView: Record<string, unknown> }>(
      UPDATE,
      { id, changes: { sort: null, visibility: 'PRIVATE' } },
      handlerWater.token,
    );
    expect(partly.updateView).toMatchObject({ sort: null, columns: ['number', 'status'], department: null });
    expect(await names(colleagueWater.token)).not.toContain('待签收');

    await app.ok(RENAME, { id, name: '待签收 (急)' }, handlerWater.token);
    expect(await names(handlerWater.token)).toContain('待签收 (急)');
    expect(codes(await app.gql(RENAME, { id, name: 'W 私有' }, handlerWater.token))).toEqual(['CONFLICT']);
    expect(
      codes(await app.gql(UPDATE, { id, changes: { filters: { overdue: 'yes' } } }, handlerWater.token)),
    ).toEqual(['BAD_USER_INPUT']);

    expect((await app.ok<{ deleteView: string }>(DELETE, { id }, handlerWater.token)).deleteView).toBe(id);
    expect(await names(handlerWater.token)).not.toContain('待签收 (急)');
    expect(codes(await app.gql(DELETE, { id }, handlerWater.token))).toEqual(['NOT_FOUND']);
  });

  it('others may not: FORBIDDEN when they see it, NOT_FOUND when they do not', async () => {
    const shared = await save(manager.token, { name: '共享', visibility: 'CENTRE' });
    const hidden = await save(manager.token, { name: '私有' });
    for (const [id, code] of [
      [shared, 'FORBIDDEN'],
      [hidden, 'NOT_FOUND'],
    ] as const) {
      expect(codes(await app.gql(RENAME, { id, name: 'mine now' }, agent.token))).toEqual([code]);
      expect(codes(await app.gql(UPDATE, { id, changes: { columns: ['number'] } }, agent.token))).toEqual([
        code,
      ]);
      expect(codes(await app.gql(DELETE, { id }, agent.token))).toEqual([code]);
    }
    // Not even an ADMIN changes another user's view.
    expect(codes(await app.gql(DELETE, { id: shared }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(DELETE, { id: 'not-a-uuid' }, agent.token))).toEqual(['NOT_FOUND']);
    expect(await names(manager.token)).toEqual(expect.arrayContaining(['共享', '私有']));
  });
});
