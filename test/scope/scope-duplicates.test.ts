import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAreas } from '../routing/routing-support.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
const app = useHotline({ clock });
let agent: string;
let manager: string;

beforeAll(async () => {
  agent = (await makeUser(app, 'AGENT')).token;
  manager = (await makeUser(app, 'MANAGER')).token;
  await makeAreas(app, 'DUP_A', ['DUP_A_1', 'DUP_A_2']);
});

const SCOPE = 'scopeAdvice { advice redirectTo matchedKeywords rule { name } }';

describe('scope screening', () => {
  it('seeds default rules on first start', async () => {
    const data = await app.ok('{ scopeRules { name redirectTo enabled } }', {}, agent);
    expect(data.scopeRules.map((rule: { redirectTo: string }) => rule.redirectTo)).toEqual(
      expect.arrayContaining(['12315', '110 / 119 / 120']),
    );
  });

  const cases: [string, string, string | null][] = [
    ['共享充电宝押金不退', '扫码借的充电宝归还后押金一直没退', '12315'],
    ['楼下着火了', '三楼厨房起火冒烟', '110 / 119 / 120'],
    ['要求赔偿', '我醉酒骑电动车撞上护栏受伤，要求交通部门赔偿', '人民调解委员会 / 人民法院'],
    ['学校毕业照收费', '孩子学校组织拍毕业照每人收费两百元', '所在单位'],
    ['借款纠纷', '对方已起诉到法院，希望热线帮忙催促判决', '人民法院 / 仲裁委员会'],
    ['My online REFUND was refused', 'shop refuses', '12315'],
    ['小区路灯不亮', '3号楼前路灯坏了一周', null],
  ];
  it.each(cases)('routePreview screens "%s"', async (title, description, redirectTo) => {
    const data = await app.ok(
      `query($input: RoutePreviewInput!) { routePreview(input: $input) { ${SCOPE} } }`,
      { input: { title, description, demandType: 'HELP_REQUEST' } },
      agent,
    );
    expect(data.routePreview.scopeAdvice?.redirectTo ?? null).toBe(redirectTo);
  });

  it('NEW tickets carry the advice; the agent closes them OUT_OF_SCOPE; other statuses carry none', async () => {
    const ticket = await makeTicket(app, { title: '网购退款', description: '商家不退款' }, agent);
    const read = await app.ok(`query($id: ID!) { ticket(id: $id) { ${SCOPE} } }`, { id: ticket.id }, agent);
    expect(read.ticket.scopeAdvice).toMatchObject({
      redirectTo: '12315',
      matchedKeywords: ['退款', '网购', '商家不退'],
    });
    const closed = await app.ok(
      `mutation($id: ID!) { closeTicket(id: $id, reason: OUT_OF_SCOPE, note: "已告知拨打 12315") { status closeReason ${SCOPE} } }`,
      { id: ticket.id },
      agent,
    );
    expect(closed.closeTicket).toEqual({ status: 'CLOSED', closeReason: 'OUT_OF_SCOPE', scopeAdvice: null });
  });

  it('managers edit scope rules (category rules cover child categories); agents may not', async () => {
    const input = {
      name: '价格投诉',
      categoryCodes: ['MARKET'],
      advice: '价格问题请拨打 12315',
      redirectTo: '12315 价格',
    };
    const create =
      'mutation($input: ScopeRuleInput!) { createScopeRule(input: $input) { id name categoryCodes } }';
    expect(codes(await app.gql(create, { input }, agent))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(create, { input: { ...input, categoryCodes: ['NOPE'] } }, manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await app.gql(create, { input: { ...input, categoryCodes: [] } }, manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const rule = (await app.ok(create, { input }, manager)).createScopeRule;
    const tickets = await Promise.all([
      makeTicket(app, { title: '菜价太贵', description: '菜市场', categoryCode: 'MARKET_PRICES' }, agent),
      makeTicket(app, { title: '井盖缺失', description: '路口', categoryCode: 'URBAN_ROADS' }, agent),
    ]);
    const data = await app.ok(
      `{ tickets(first: 10, filter: { status: [NEW], search: "菜价太贵" }) { nodes { ${SCOPE} } } }`,
      {},
      agent,
    );
    expect(data.tickets.nodes[0].scopeAdvice).toMatchObject({
      redirectTo: '12315 价格',
      matchedKeywords: [],
    });
    const other = await app.ok(
      `query($id: ID!) { ticket(id: $id) { ${SCOPE} } }`,
      { id: tickets[1].id },
      agent,
    );
    expect(other.ticket.scopeAdvice).toBeNull();
    await app.ok(
      'mutation($id: ID!, $input: ScopeRuleInput!) { updateScopeRule(id: $id, input: $input) { id } }',
      { id: rule.id, input: { ...input, enabled: false } },
      manager,
    );
    const after = await app.ok(
      `query($id: ID!) { ticket(id: $id) { ${SCOPE} } }`,
      { id: tickets[0].id },
      agent,
    );
    expect(after.ticket.scopeAdvice).toBeNull();
    const deleted = await app.ok('mutation($id: ID!) { deleteScopeRule(id: $id) }', { id: rule.id }, manager);
    expect(deleted.deleteScopeRule).toBe(rule.id);
  });
});

describe('duplicates', () => {
  const DUPS = 'possibleDuplicates { sameCaller similarity ticket { id } }';
  const ids: Record<string, string> = {};
  const at = (iso: string) => clock.set(iso);

  beforeAll(async () => {
    const make = async (key: string, when: string, input: Record<string, unknown>) => {
      at(when);
      ids[key] = (await makeTicket(app, input, agent)).id;
    };
    const base = { areaCode: 'DUP_A_1', callerPhone: '13900000001' };
    await make('old', '2026-01-20T02:00:00Z', {
      ...base,
      callerPhone: '13700000009',
      title: '和平路烧烤店油烟扰民',
      description: '每天晚上油烟很大',
    });
    await make('original', '2026-03-01T02:00:00Z', {
      ...base,
      title: '和平路烧烤店油烟扰民',
      description: '和平路12号烧烤店每天晚上油烟很大，窗户都不敢开',
    });
    await make('similar', '2026-03-05T02:00:00Z', {
      ...base,
      callerPhone: '13700000002',
      title: '和平路烧烤店油烟扰民严重',
      description: '和平路12号烧烤店油烟很大',
    });
    await make('sameCaller', '2026-03-06T02:00:00Z', {
      ...base,
      areaCode: 'DUP_A_2',
      title: '咨询社保卡补办',
      description: '社保卡丢了怎么补办',
    });
    await make('otherArea', '2026-03-06T03:00:00Z', {
      ...base,
      areaCode: 'DUP_A_2',
      callerPhone: '13700000003',
      title: '和平路烧烤店油烟扰民',
      description: '和平路12号烧烤店每天晚上油烟很大',
    });
    await make('unrelated', '2026-03-07T02:00:00Z', {
      ...base,
      callerPhone: '13700000004',
      title: '小区电梯经常故障',
      description: '5号楼电梯一周坏三次',
    });
    at('2026-03-10T02:00:00Z');
  });

  it('lists same-caller and similar-text tickets in the same area within 30 days', async () => {
    const data = await app.ok(`query($id: ID!) { ticket(id: $id) { ${DUPS} } }`, { id: ids.original }, agent);
    const found = data.ticket.possibleDuplicates;
    expect(found.map((row: { ticket: { id: string } }) => row.ticket.id).sort()).toEqual(
      [ids.sameCaller, ids.similar].sort(),
    );
    expect(found.find((row: { ticket: { id: string } }) => row.ticket.id === ids.sameCaller)).toMatchObject({
      sameCaller: true,
    });
    const similar = found.find((row: { ticket: { id: string } }) => row.ticket.id === ids.similar);
    expect(similar.sameCaller).toBe(false);
    expect(similar.similarity).toBeGreaterThanOrEqual(0.3);
  });

  it('batches over a list without mixing up tickets', async () => {
    const data = await app.ok(
      `{ tickets(first: 50, filter: { areaCode: "DUP_A" }) { nodes { id ${DUPS} } } }`,
      {},
      agent,
    );
    const byId = new Map(
      data.tickets.nodes.map((node: { id: string; possibleDuplicates: unknown[] }) => [
        node.id,
        node.possibleDuplicates,
      ]),
    );
    expect((byId.get(ids.unrelated) as unknown[]).length).toBe(0);
    expect((byId.get(ids.similar) as { ticket: { id: string } }[]).map((row) => row.ticket.id)).toContain(
      ids.original,
    );
  });

  it('merges a duplicate: closed DUPLICATE, linked, with events on both', async () => {
    const before = await app.ok(
      'query($id: ID!) { ticket(id: $id) { version } }',
      { id: ids.original },
      agent,
    );
    const merge =
      'mutation($id: ID!, $into: ID!, $note: String) { mergeTicket(id: $id, intoId: $into, note: $note) { status closeReason duplicateOf { id } possibleDuplicates { ticket { id } } events { nodes { type toStatus note } } } }';
    const data = await app.ok(merge, { id: ids.similar, into: ids.original, note: '同一烧烤店' }, agent);
    expect(data.mergeTicket).toMatchObject({
      status: 'CLOSED',
      closeReason: 'DUPLICATE',
      duplicateOf: { id: ids.original },
      possibleDuplicates: [],
    });
    expect(data.mergeTicket.events.nodes.slice(-2).map((event: { type: string }) => event.type)).toEqual([
      'MERGED',
      'CLOSED',
    ]);
    const original = await app.ok(
      `query($id: ID!) { ticket(id: $id) { version status events { nodes { type note } } ${DUPS} } }`,
      { id: ids.original },
      agent,
    );
    expect(original.ticket.version).toBe(before.ticket.version + 1);
    expect(original.ticket.status).toBe('NEW');
    expect(original.ticket.events.nodes.at(-1).type).toBe('MERGED');
    expect(original.ticket.events.nodes.at(-1).note).toContain('同一烧烤店');
    expect(
      original.ticket.possibleDuplicates.map((row: { ticket: { id: string } }) => row.ticket.id),
    ).toEqual([ids.sameCaller]);

    expect(codes(await app.gql(merge, { id: ids.similar, into: ids.original }, agent))).toEqual([
      'INVALID_TRANSITION',
    ]);
    expect(codes(await app.gql(merge, { id: ids.unrelated, into: ids.similar }, agent))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await app.gql(merge, { id: ids.unrelated, into: ids.unrelated }, agent))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const department = await makeDepartment(app);
    const handler = await makeUser(app, 'HANDLER', department.id);
    expect(codes(await app.gql(merge, { id: ids.unrelated, into: ids.original }, handler.token))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
