import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAreas, makeDepartments } from '../routing/routing-support.js';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import { ARTICLE_FIELDS, type ArticleView, createArticle } from './knowledge-support.js';

const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });

let manager: string;
let agent: string;
let handlerA: string;
let handlerB: string;
let integration: string;
let A: string;
let B: string;
let waterCategory: string;
let powerCategory: string;

const UPDATE = `mutation($id: ID!, $input: KnowledgeArticleInput!, $v: Int) {
  updateKnowledgeArticle(id: $id, input: $input, expectedVersion: $v) { ${ARTICLE_FIELDS} } }`;
const RETIRE = `mutation($id: ID!) { retireKnowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`;
const SUGGEST = `query($text: String!, $categoryId: ID, $areaId: ID) {
  suggestArticles(text: $text, categoryId: $categoryId, areaId: $areaId) { score article { id title } } }`;
const LIST = `query($search: String, $categoryId: ID, $areaId: ID, $validAt: DateTime) {
  knowledgeArticles(search: $search, categoryId: $categoryId, areaId: $areaId, validAt: $validAt, first: 50) {
    totalCount nodes { id title } } }`;

async function suggestions(text: string, variables: Record<string, unknown> = {}) {
  const data = await app.ok<{ suggestArticles: { score: number; article: { id: string } }[] }>(
    SUGGEST,
    { text, ...variables },
    agent,
  );
  return data.suggestArticles.map((suggestion) => suggestion.article.id);
}

beforeAll(async () => {
  manager = (await makeUser(app, 'MANAGER')).token;
  agent = (await makeUser(app, 'AGENT')).token;
  const depts = await makeDepartments(app, ['KB_A', 'KB_B']);
  A = depts.KB_A!;
  B = depts.KB_B!;
  handlerA = (await makeUser(app, 'HANDLER', A)).token;
  handlerB = (await makeUser(app, 'HANDLER', B)).token;
  integration = (await makeUser(app, 'INTEGRATION', A)).token;
  const { categories } = await app.ok<{ categories: { id: string; code: string }[] }>(
    '{ categories { id code } }',
    {},
    agent,
  );
  waterCategory = categories.find((row) => row.code === 'URBAN_WATER')!.id;
  powerCategory = categories.find((row) => row.code === 'URBAN_POWER')!.id;
});

describe('editing articles', () => {
  it('a manager writes any article; a handler only its department’s, whatever it asks', async () => {
    const centre = await createArticle(app, manager, {
      title: '停水报修',
      body: '停水请拨打自来水公司报修电话。',
    });
    expect(centre).toMatchObject({
      ownerDepartment: null,
      version: 1,
      valid: true,
      usageCount: 0,
      mayEdit: true,
    });

    const own = await createArticle(app, handlerA, { title: '供电抢修时限', body: '城区45分钟到场。' });
    expect(own.ownerDepartment).toEqual({ id: A });
    const refused = await app.gql(
      'mutation($input: KnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }',
      { input: { title: '越权', body: '别的部门的文章', ownerDepartmentId: B } },
      handlerA,
    );
    expect(codes(refused)).toEqual(['FORBIDDEN']);

    const byOther = await app.gql(UPDATE, { id: own.id, input: { title: '改', body: '改' } }, handlerB);
    expect(codes(byOther)).toEqual(['FORBIDDEN']);
    const onCentre = await app.gql(UPDATE, { id: centre.id, input: { title: '改', body: '改' } }, handlerA);
    expect(codes(onCentre)).toEqual(['FORBIDDEN']);
    const byAgent = await app.gql(
      'mutation($input: KnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }',
      { input: { title: '话务员', body: '不能写' } },
      agent,
    );
    expect(codes(byAgent)).toEqual(['FORBIDDEN']);
    const seenByB = await app.ok<{ knowledgeArticle: { mayEdit: boolean } }>(
      'query($id: ID!) { knowledgeArticle(id: $id) { mayEdit } }',
      { id: own.id },
      handlerB,
    );
    expect(seenByB.knowledgeArticle.mayEdit).toBe(false);
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    const cases = [
      { title: ' ', body: '正文' },
      { title: '标题', body: '正文', validFrom: '2026-03-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' },
      { title: '标题', body: '正文', categoryId: '00000000-0000-4000-8000-000000000000' },
      { title: '标题', body: '正文', areaId: 'not-an-id' },
    ];
    for (const input of cases) {
      const result = await app.gql(
        'mutation($input: KnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }',
        { input },
        manager,
      );
      expect(codes(result), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('keeps every change with who, when, before and after; a stale version is a CONFLICT', async () => {
    const article = await createArticle(app, handlerA, { title: '旧标题', body: '旧正文' });
    clock.advance(60_000);
    const updated = await app.ok<{ updateKnowledgeArticle: ArticleView }>(
      UPDATE,
      { id: article.id, input: { title: '新标题', body: '新正文' }, v: 1 },
      handlerA,
    );
    expect(updated.updateKnowledgeArticle).toMatchObject({
      title: '新标题',
      version: 2,
      ownerDepartment: { id: A },
    });
    const stale = await app.gql(
      UPDATE,
      { id: article.id, input: { title: '再改', body: '再改' }, v: 1 },
      manager,
    );
    expect(codes(stale)).toEqual(['CONFLICT']);

    const { knowledgeArticle } = await app.ok<{
      knowledgeArticle: {
        history: {
          action: string;
          at: string;
          actor: { id: string } | null;
          before: string | null;
          after: string;
        }[];
      };
    }>(
      'query($id: ID!) { knowledgeArticle(id: $id) { history { action at actor { id } before after } } }',
      { id: article.id },
      manager,
    );
    const history = knowledgeArticle.history;
    expect(history.map((change) => change.action)).toEqual(['CREATED', 'UPDATED']);
    expect(history[0]!.before).toBeNull();
    expect(JSON.parse(history[1]!.before!)).toMatchObject({ title: '旧标题', body: '旧正文' });
    expect(JSON.parse(history[1]!.after)).toMatchObject({ title: '新标题', body: '新正文' });
    expect(history[1]!.at).toBe(clock.now().toISOString());
    expect(history[1]!.actor).not.toBeNull();
  });
});

describe('validity and suggestions', () => {
  let water: ArticleView;
  let later: ArticleView;
  let expired: ArticleView;

  beforeAll(async () => {
    water = await createArticle(app, manager, {
      title: '居民家中停水报修流程',
      body: '家中停水或水压过低，可拨打自来水公司24小时报修电话，抢修人员2小时内到场。',
      categoryId: waterCategory,
      reviewAt: '2026-03-01T00:00:00Z',
    });
    later = await createArticle(app, manager, {
      title: '新版停水补偿办法',
      body: '计划停水超过24小时的，自来水公司按户补偿。',
      categoryId: waterCategory,
      validFrom: '2026-04-01T00:00:00Z',
    });
    expired = await createArticle(app, manager, {
      title: '去年的停水通知',
      body: '去年冬季管网改造期间的停水安排。',
      validFrom: '2025-01-01T00:00:00Z',
      validTo: '2025-12-31T00:00:00Z',
    });
  });

  it('suggests only articles in force now', async () => {
    const suggested = await suggestions('家里停水了，水压过低，什么时候来修');
    expect(suggested.slice(0, 2)).toContain(water.id);
    expect(suggested).not.toContain(later.id);
    expect(suggested).not.toContain(expired.id);
    expect(suggested).toEqual([...new Set(suggested)]);
  });

  it('lists what was in force at a moment, and flags articles past their review date', async () => {
    const inApril = await app.ok<{ knowledgeArticles: { nodes: { id: string }[] } }>(
      LIST,
      { search: '停水', validAt: '2026-04-02T00:00:00Z' },
      agent,
    );
    const ids = inApril.knowledgeArticles.nodes.map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining([water.id, later.id]));
    expect(ids).not.toContain(expired.id);
    const { knowledgeArticle } = await app.ok<{ knowledgeArticle: ArticleView }>(
      `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`,
      { id: water.id },
      agent,
    );
    expect(knowledgeArticle).toMatchObject({ reviewDue: true, valid: true });
    expect(
      (
        await app.ok<{ knowledgeArticle: ArticleView }>(
          `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`,
          { id: expired.id },
          agent,
        )
      ).knowledgeArticle,
    ).toMatchObject({ valid: false, reviewDue: false });
  });

  it('filters by category, and favours the ticket’s category in suggestions', async () => {
    const byCategory = await app.ok<{ knowledgeArticles: { totalCount: number; nodes: { id: string }[] } }>(
      LIST,
      { categoryId: waterCategory },
      agent,
    );
    expect(byCategory.knowledgeArticles.nodes.map((node) => node.id).sort()).toEqual(
      [water.id, later.id].sort(),
    );
    const power = await createArticle(app, manager, {
      title: '停电停水时的应急办法',
      body: '停电时电动水泵停转，高层住户可能同时停水，请联系供电公司。',
      categoryId: powerCategory,
    });
    expect((await suggestions('停电了，楼上也停水', { categoryId: powerCategory }))[0]).toBe(power.id);
  });

  it('leaves out the articles of other areas', async () => {
    await makeAreas(app, 'KB_EAST', ['KB_EAST_1']);
    await makeAreas(app, 'KB_WEST', ['KB_WEST_1']);
    const { areas } = await app.ok<{ areas: { id: string; code: string }[] }>(
      '{ areas { id code } }',
      {},
      agent,
    );
    const area = (code: string) => areas.find((row) => row.code === code);
    const [one, two, community] = [area('KB_EAST'), area('KB_WEST'), area('KB_EAST_1')];
    const local = await createArticle(app, manager, {
      title: '某街道老旧管网改造停水安排',
      body: '管网改造期间每周二上午停水。',
      areaId: one!.id,
    });
    expect(await suggestions('管网改造停水安排', { areaId: one!.id })).toContain(local.id);
    expect(await suggestions('管网改造停水安排', { areaId: community!.id })).toContain(local.id);
    expect(await suggestions('管网改造停水安排', { areaId: two!.id })).not.toContain(local.id);
    expect(await suggestions('管网改造停水安排')).toContain(local.id);
  });

  it('a retired article is no longer suggested, and cannot be retired twice', async () => {
    const article = await createArticle(app, manager, {
      title: '燃气表更换通知',
      body: '燃气表到期免费更换。',
    });
    expect(await suggestions('燃气表到期更换')).toContain(article.id);
    const retired = await app.ok<{ retireKnowledgeArticle: ArticleView }>(
      RETIRE,
      { id: article.id },
      manager,
    );
    expect(retired.retireKnowledgeArticle).toMatchObject({ valid: false, version: 2 });
    expect(retired.retireKnowledgeArticle.retiredAt).toBe(clock.now().toISOString());
    expect(await suggestions('燃气表到期更换')).not.toContain(article.id);
    expect(codes(await app.gql(RETIRE, { id: article.id }, manager))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await app.gql(RETIRE, { id: article.id }, handlerA))).toEqual(['FORBIDDEN']);
  });
});

describe('answered directly from an article', () => {
  const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) {
    id status version closeReason department { id } answeredFromArticle { id usageCount }
    events { edges { node { type fromStatus toStatus note } } } } }`;
  const input = (articleId: string, overrides: Record<string, unknown> = {}) => ({
    title: '咨询停水',
    description: '家里停水了，问怎么报修',
    demandType: 'CONSULTATION',
    answeredFromArticleId: articleId,
    ...overrides,
  });

  it('creates the ticket closed as ANSWERED_DIRECTLY, with its events, and counts the use', async () => {
    const article = await createArticle(app, manager, {
      title: '停水报修电话',
      body: '拨打自来水公司报修电话。',
    });
    const data = await app.ok<{ createTicket: any }>(CREATE, { input: input(article.id) }, agent);
    const ticket = data.createTicket;
    expect(ticket).toMatchObject({
      status: 'CLOSED',
      version: 2,
      closeReason: 'ANSWERED_DIRECTLY',
      department: null,
      answeredFromArticle: { id: article.id, usageCount: 1 },
    });
    expect(ticket.events.edges.map((edge: any) => edge.node)).toEqual([
      { type: 'CREATED', fromStatus: null, toStatus: 'NEW', note: null },
      { type: 'CLOSED', fromStatus: 'NEW', toStatus: 'CLOSED', note: 'ANSWERED_DIRECTLY: 停水报修电话' },
    ]);
    await app.ok(CREATE, { input: input(article.id) }, manager);
    const { knowledgeArticle } = await app.ok<{ knowledgeArticle: ArticleView }>(
      `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`,
      { id: article.id },
      agent,
    );
    expect(knowledgeArticle.usageCount).toBe(2);
  });

  it('refuses an article not in force, and an integration client; nothing is created', async () => {
    const article = await createArticle(app, manager, { title: '旧规定', body: '已废止' });
    await app.ok(RETIRE, { id: article.id }, manager);
    const before = await app.ok<{ tickets: { totalCount: number } }>(
      '{ tickets { totalCount } }',
      {},
      manager,
    );
    expect(codes(await app.gql(CREATE, { input: input(article.id) }, agent))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(CREATE, { input: input('nope') }, agent))).toEqual(['BAD_USER_INPUT']);
    const live = await createArticle(app, manager, { title: '现行规定', body: '有效' });
    expect(codes(await app.gql(CREATE, { input: input(live.id) }, integration))).toEqual(['FORBIDDEN']);
    const after = await app.ok<{ tickets: { totalCount: number } }>(
      '{ tickets { totalCount } }',
      {},
      manager,
    );
    expect(after.tickets.totalCount).toBe(before.tickets.totalCount);
    const { knowledgeArticle } = await app.ok<{ knowledgeArticle: ArticleView }>(
      `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`,
      { id: live.id },
      agent,
    );
    expect(knowledgeArticle.usageCount).toBe(0);
  });

  it('a ticket registered the usual way has no article', async () => {
    const ticket = await makeTicket(app, {}, agent);
    const data = await app.ok<{ ticket: { answeredFromArticle: unknown } }>(
      'query($id: ID!) { ticket(id: $id) { answeredFromArticle { id } } }',
      { id: ticket.id },
      agent,
    );
    expect(data.ticket.answeredFromArticle).toBeNull();
  });
});
