import { beforeAll, describe, expect, it } from 'vitest';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import { listRules, makeAreas, makeDepartments, makeRule, RULE_FIELDS } from './routing-support.js';

const app = useHotline();
let manager: string;
let agent: string;
let dept: Record<string, string>;
const rules: Record<string, string> = {};

const PREVIEW = `query($input: RoutePreviewInput!) {
  routePreview(input: $input) { rule { name } department { code } priority scopeAdvice { redirectTo } }
}`;

async function preview(input: Record<string, unknown>) {
  const data = await app.ok<{
    routePreview: { rule: { name: string } | null; department: { code: string } | null; priority: string };
  }>(
    PREVIEW,
    { input: { title: '来电', description: '市民反映', demandType: 'HELP_REQUEST', ...input } },
    agent,
  );
  return data.routePreview;
}

beforeAll(async () => {
  manager = (await makeUser(app, 'MANAGER')).token;
  agent = (await makeUser(app, 'AGENT')).token;
  dept = await makeDepartments(app, ['WATER', 'ENV', 'CITY', 'SUBDIST_A', 'LIGHTS', 'CATCH']);
  await makeAreas(app, 'AREA_A', ['AREA_A_1', 'AREA_A_2']);
  await makeAreas(app, 'AREA_B', ['AREA_B_1']);
  const add = async (key: string, input: Record<string, unknown>) => {
    rules[key] = (await makeRule(app, manager, { name: key, ...input })).id;
  };
  await add('water', {
    departmentId: dept.WATER,
    priority: 'EMERGENCY',
    conditions: { keywords: ['停水', 'Water Outage'] },
  });
  await add('noise-complaints', {
    departmentId: dept.ENV,
    conditions: {
      demandTypes: ['COMPLAINT', 'REPORT'],
      categoryCodes: ['URBAN_CONSTRUCTION_NOISE', 'ECOLOGY_NOISE'],
    },
  });
  await add('city-platform', { departmentId: dept.CITY, conditions: { channels: ['CITY_PLATFORM'] } });
  await add('lights-disabled', {
    departmentId: dept.LIGHTS,
    enabled: false,
    conditions: { keywords: ['路灯'] },
  });
  await add('area-a', { departmentId: dept.SUBDIST_A, conditions: { areaCodes: ['AREA_A_1', 'AREA_A_2'] } });
});

describe('routing decisions', () => {
  const cases: [string, Record<string, unknown>, string | null, string][] = [
    ['Chinese keyword', { title: '幸福小区停水三天', description: '至今没有通知' }, 'WATER', 'EMERGENCY'],
    [
      'English keyword, other case',
      { title: 'WATER OUTAGE in block 3', description: 'no notice' },
      'WATER',
      'EMERGENCY',
    ],
    [
      'keyword in the description',
      { title: '反映问题', description: '我们楼从早上开始停水了' },
      'WATER',
      'EMERGENCY',
    ],
    [
      'demand type and category both match',
      { demandType: 'COMPLAINT', categoryCode: 'ECOLOGY_NOISE' },
      'ENV',
      'ORDINARY',
    ],
    [
      'the other demand type of the list',
      { demandType: 'REPORT', categoryCode: 'URBAN_CONSTRUCTION_NOISE' },
      'ENV',
      'ORDINARY',
    ],
    [
      'category matches but demand type does not (AND across fields)',
      { demandType: 'CONSULTATION', categoryCode: 'ECOLOGY_NOISE' },
      null,
      'ORDINARY',
    ],
    ['channel', { channel: 'CITY_PLATFORM' }, 'CITY', 'ORDINARY'],
    ['default channel PHONE does not match the channel rule', {}, null, 'ORDINARY'],
    ['area list (OR within the field)', { areaCode: 'AREA_A_2' }, 'SUBDIST_A', 'ORDINARY'],
    ['area outside the list', { areaCode: 'AREA_B_1' }, null, 'ORDINARY'],
    ['disabled rule is skipped', { title: '路灯不亮', description: '晚上很黑' }, null, 'ORDINARY'],
    [
      'first rule by position wins',
      { title: '停水', channel: 'CITY_PLATFORM', areaCode: 'AREA_A_1' },
      'WATER',
      'EMERGENCY',
    ],
  ];
  it.each(cases)('%s', async (_label, input, department, priority) => {
    const decision = await preview(input);
    expect(decision.department?.code ?? null).toBe(department);
    expect(decision.priority).toBe(priority);
    expect(decision.rule === null).toBe(department === null);
  });

  it('reordering changes which rule wins, and positions stay 1..n', async () => {
    const before = await listRules(app, manager);
    expect(before.map((rule) => rule.position)).toEqual([1, 2, 3, 4, 5]);
    const ids = before.map((rule) => rule.id);
    const reordered = [rules['area-a']!, ...ids.filter((id) => id !== rules['area-a'])];
    const data = await app.ok<{ reorderRoutingRules: { id: string; position: number }[] }>(
      'mutation($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { id position } }',
      { ids: reordered },
      manager,
    );
    expect(data.reorderRoutingRules).toEqual(reordered.map((id, index) => ({ id, position: index + 1 })));
    expect((await preview({ title: '停水', areaCode: 'AREA_A_1' })).department?.code).toBe('SUBDIST_A');
    await app.ok('mutation($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { id } }', { ids }, manager);
    expect((await preview({ title: '停水', areaCode: 'AREA_A_1' })).department?.code).toBe('WATER');
  });

  it('enabling a rule makes it match', async () => {
    const update = `mutation($id: ID!, $input: RoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { position enabled } }`;
    const input = { name: 'lights', departmentId: dept.LIGHTS, conditions: { keywords: ['路灯'] } };
    const data = await app.ok(update, { id: rules['lights-disabled'], input }, manager);
    expect(data.updateRoutingRule).toEqual({ position: 4, enabled: true });
    expect((await preview({ title: '路灯不亮', description: '晚上很黑' })).department?.code).toBe('LIGHTS');
    await app.ok(update, { id: rules['lights-disabled'], input: { ...input, enabled: false } }, manager);
  });
});

describe('createTicket and dispatchTicket use the rules', () => {
  it('autoDispatch (default) dispatches with the rule priority overriding the input', async () => {
    const ticket = await makeTicket(app, { title: '停水了', priority: 'COMPLEX', autoDispatch: null }, agent);
    expect(ticket).toMatchObject({
      status: 'DISPATCHED',
      priority: 'EMERGENCY',
      department: { id: dept.WATER },
    });
  });

  it('autoDispatch false leaves the ticket NEW; dispatchTicket without department uses the rules', async () => {
    // The matching rule's priority applies at registration even without dispatch (contract README).
    const ticket = await makeTicket(app, { title: '停水了', autoDispatch: false }, agent);
    expect(ticket).toMatchObject({ status: 'NEW', priority: 'EMERGENCY', department: null });
    const data = await app.ok(
      'mutation($id: ID!) { dispatchTicket(id: $id) { status priority department { code } events { nodes { type note } } } }',
      { id: ticket.id },
      agent,
    );
    expect(data.dispatchTicket).toMatchObject({
      status: 'DISPATCHED',
      priority: 'EMERGENCY',
      department: { code: 'WATER' },
    });
    expect(data.dispatchTicket.events.nodes.at(-1)).toEqual({ type: 'DISPATCHED', note: 'rule: water' });
  });

  it('no matching rule: createTicket stays NEW, dispatchTicket without department is refused', async () => {
    const ticket = await makeTicket(
      app,
      { title: '咨询办事流程', description: '如何办理', autoDispatch: true },
      agent,
    );
    expect(ticket.status).toBe('NEW');
    const result = await app.gql(
      'mutation($id: ID!) { dispatchTicket(id: $id) { id } }',
      { id: ticket.id },
      agent,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('rule validation and permissions', () => {
  const create = `mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }`;
  const bad: [string, Record<string, unknown>][] = [
    [
      'unknown department',
      { name: 'x', departmentId: '00000000-0000-4000-8000-000000000000', conditions: {} },
    ],
    ['malformed department id', { name: 'x', departmentId: 'nope', conditions: {} }],
    ['empty name', { name: '   ', departmentId: 'DEPT', conditions: {} }],
    ['unknown category code', { name: 'x', departmentId: 'DEPT', conditions: { categoryCodes: ['NOPE'] } }],
    ['unknown area code', { name: 'x', departmentId: 'DEPT', conditions: { areaCodes: ['NOPE'] } }],
    ['empty keyword', { name: 'x', departmentId: 'DEPT', conditions: { keywords: [' '] } }],
    ['position 0', { name: 'x', departmentId: 'DEPT', position: 0, conditions: {} }],
    ['position past the end', { name: 'x', departmentId: 'DEPT', position: 99, conditions: {} }],
  ];
  it.each(bad)('refuses %s with BAD_USER_INPUT', async (_label, input) => {
    const resolved = {
      ...input,
      departmentId: input.departmentId === 'DEPT' ? dept.CATCH : input.departmentId,
    };
    expect(codes(await app.gql(create, { input: resolved }, manager))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses duplicate or missing ids in reorder', async () => {
    const ids = (await listRules(app, manager)).map((rule) => rule.id);
    const reorder = 'mutation($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { id } }';
    expect(codes(await app.gql(reorder, { ids: [...ids, ids[0]] }, manager))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(reorder, { ids: [ids[0], ids[0], ...ids.slice(2)] }, manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await app.gql(reorder, { ids: ids.slice(1) }, manager))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(reorder, { ids: [...ids.slice(1), dept.CATCH] }, manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await listRules(app, manager)).map((rule) => rule.id)).toEqual(ids);
  });

  it('only MANAGER and ADMIN change rules; everyone signed in reads them', async () => {
    const input = { name: 'x', departmentId: dept.CATCH, conditions: {} };
    expect(codes(await app.gql(create, { input }, agent))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(create, { input }))).toEqual(['UNAUTHENTICATED']);
    expect((await listRules(app, agent)).length).toBe(5);
  });
});

describe('positions and audit', () => {
  it('inserts at a position, keeps the place on update, renumbers on delete, and audits each change', async () => {
    const start = (await listRules(app, manager)).map((rule) => rule.id);
    const first = await makeRule(app, manager, {
      name: 'inserted first',
      departmentId: dept.CATCH,
      position: 1,
      conditions: { keywords: ['xyz'] },
    });
    expect(first.position).toBe(1);
    expect((await listRules(app, manager)).map((rule) => rule.id)).toEqual([first.id, ...start]);

    const update = `mutation($id: ID!, $input: RoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { ${RULE_FIELDS} } }`;
    const renamed = await app.ok(
      update,
      {
        id: first.id,
        input: { name: 'renamed', departmentId: dept.CATCH, conditions: { keywords: ['xyz', 'abc'] } },
      },
      manager,
    );
    expect(renamed.updateRoutingRule).toMatchObject({ name: 'renamed', position: 1 });
    const moved = await app.ok(
      update,
      { id: first.id, input: { name: 'renamed', departmentId: dept.CATCH, position: 6, conditions: {} } },
      manager,
    );
    expect(moved.updateRoutingRule.position).toBe(6);
    expect((await listRules(app, manager)).map((rule) => rule.id)).toEqual([...start, first.id]);

    const deleted = await app.ok(
      'mutation($id: ID!) { deleteRoutingRule(id: $id) }',
      { id: start[0] },
      manager,
    );
    expect(deleted.deleteRoutingRule).toBe(start[0]);
    const after = await listRules(app, manager);
    expect(after.map((rule) => rule.position)).toEqual([1, 2, 3, 4, 5]);
    expect(after.map((rule) => rule.id)).toEqual([...start.slice(1), first.id]);

    const audit = await app.ok(
      `{ routingRuleChanges(first: 100) { nodes { ruleId action at actor { role }
          before { name position conditions { keywords } department { code } }
          after { name position conditions { keywords } } } } }`,
      {},
      manager,
    );
    const mine = audit.routingRuleChanges.nodes.filter((row: { ruleId: string }) => row.ruleId === first.id);
    // Newest first: the delete moved it from 6 to 5 (REORDERED), after two updates and the create.
    expect(mine.map((row: { action: string }) => row.action)).toEqual([
      'REORDERED',
      'UPDATED',
      'UPDATED',
      'CREATED',
    ]);
    expect(mine[0]).toMatchObject({ before: { position: 6 }, after: { position: 5 } });
    mine.shift();
    expect(mine[2]).toMatchObject({
      actor: { role: 'MANAGER' },
      before: null,
      after: { name: 'inserted first', position: 1 },
    });
    expect(mine[1]).toMatchObject({
      before: { name: 'inserted first', conditions: { keywords: ['xyz'] }, department: { code: 'CATCH' } },
      after: { name: 'renamed', conditions: { keywords: ['xyz', 'abc'] } },
    });
    expect(mine[0]).toMatchObject({ before: { position: 1 }, after: { position: 6 } });
    const deletion = audit.routingRuleChanges.nodes.find(
      (row: { action: string }) => row.action === 'DELETED',
    );
    expect(deletion).toMatchObject({ ruleId: start[0], before: { name: 'water' }, after: null });
    // The insert at 1 moved every other rule down by one: each move is audited too.
    const shifted = audit.routingRuleChanges.nodes.filter(
      (row: { action: string; before: { position: number } | null; after: { position: number } | null }) =>
        row.action === 'REORDERED' &&
        row.before &&
        row.after &&
        row.after.position === row.before.position + 1,
    );
    expect(shifted.length).toBeGreaterThanOrEqual(5);
    expect(codes(await app.gql('{ routingRuleChanges { nodes { action } } }', {}, agent))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('pages the audit newest first', async () => {
    const page1 = await app.ok(
      '{ routingRuleChanges(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      {},
      manager,
    );
    const page2 = await app.ok(
      'query($after: String) { routingRuleChanges(first: 2, after: $after) { nodes { id } } }',
      { after: page1.routingRuleChanges.pageInfo.endCursor },
      manager,
    );
    const ids = [...page1.routingRuleChanges.nodes, ...page2.routingRuleChanges.nodes].map(
      (row: { id: string }) => Number(row.id),
    );
    expect(page1.routingRuleChanges.pageInfo.hasNextPage).toBe(true);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
  });
});
