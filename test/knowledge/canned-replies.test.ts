import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartments } from '../routing/routing-support.js';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

// Monday 2 March 2026 09:00 in Asia/Shanghai.
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });

let manager: string;
let agent: string;
let handlerA: string;
let handlerB: string;
let A: string;
let B: string;

const FIELDS = 'id title body mayEdit department { id }';
const CREATE = `mutation($input: CannedReplyInput!) { createCannedReply(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: CannedReplyInput!) { updateCannedReply(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteCannedReply(id: $id) { id } }';
const LIST = `{ cannedReplies { ${FIELDS} } }`;
const RENDER = 'query($id: ID!, $ticketId: ID!) { renderCannedReply(id: $id, ticketId: $ticketId) }';

interface Reply {
  id: string;
  title: string;
  body: string;
  mayEdit: boolean;
  department: { id: string } | null;
}

async function create(token: string, input: Record<string, unknown>): Promise<Reply> {
  return (await app.ok<{ createCannedReply: Reply }>(CREATE, { input }, token)).createCannedReply;
}
async function list(token: string): Promise<Reply[]> {
  return (await app.ok<{ cannedReplies: Reply[] }>(LIST, {}, token)).cannedReplies;
}

beforeAll(async () => {
  manager = (await makeUser(app, 'MANAGER')).token;
  agent = (await makeUser(app, 'AGENT')).token;
  const depts = await makeDepartments(app, ['CR_A', 'CR_B']);
  A = depts.CR_A!;
  B = depts.CR_B!;
  handlerA = (await makeUser(app, 'HANDLER', A)).token;
  handlerB = (await makeUser(app, 'HANDLER', B)).token;
});

describe('canned replies', () => {
  it("managers keep the centre's replies, a department its own; each sees the centre's and its own", async () => {
    const centre = await create(manager, { title: '通用', body: '{caller_name}您好，已处理。' });
    expect(centre.department).toBeNull();
    const own = await create(handlerA, { title: '部门A', body: '工单{ticket_number}已处理。' });
    expect(own.department).toEqual({ id: A });

    expect(
      codes(await app.gql(CREATE, { input: { title: 'x', body: 'y', departmentId: B } }, handlerA)),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await app.gql(UPDATE, { id: centre.id, input: { title: '改', body: '改' } }, handlerA)),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await app.gql(UPDATE, { id: own.id, input: { title: '改', body: '改' } }, handlerB)),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(CREATE, { input: { title: 'x', body: 'y' } }, agent))).toEqual(['FORBIDDEN']);

    const seenByB = await list(handlerB);
    expect(seenByB.map((reply) => reply.id)).toContain(centre.id);
    expect(seenByB.map((reply) => reply.id)).not.toContain(own.id);
    expect(seenByB.find((reply) => reply.id === centre.id)?.mayEdit).toBe(false);
    const seenByA = await list(handlerA);
    expect(seenByA.find((reply) => reply.id === own.id)?.mayEdit).toBe(true);
    expect((await list(agent)).map((reply) => reply.id)).toEqual(expect.arrayContaining([centre.id, own.id]));

    const edited = await app.ok<{ updateCannedReply: Reply }>(
      UPDATE,
      { id: own.id, input: { title: '部门A答复', body: '{caller_name}您好' } },
      handlerA,
    );
    expect(edited.updateCannedReply).toMatchObject({ title: '部门A答复', body: '{caller_name}您好' });
    await app.ok(DELETE, { id: own.id }, handlerA);
    expect((await list(handlerA)).map((reply) => reply.id)).not.toContain(own.id);
  });

  it('refuses a placeholder it cannot fill', async () => {
    const result = await app.gql(
      CREATE,
      { input: { title: '错', body: '{caller_name}您好，{address}' } },
      manager,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toContain('{address}');
  });

  it('fills the placeholders from a ticket the viewer may see', async () => {
    const reply = await create(manager, {
      title: '承诺',
      body: '{caller_name}您好，工单{ticket_number}已转{department}，将于{deadline}前答复。{other}不变',
    }).catch(() => null);
    expect(reply).toBeNull();
    const promise = await create(manager, {
      title: '承诺',
      body: '{caller_name}您好，工单{ticket_number}已转{department}，将于{deadline}前答复。',
    });
    const ticket = await makeTicket(app, { callerName: '王女士' }, agent);
    await app.ok(
      'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
      {
        id: ticket.id,
        d: A,
      },
      agent,
    );
    const { ticket: dispatched } = await app.ok<{ ticket: { sla: { dueAt: string } } }>(
      'query($id: ID!) { ticket(id: $id) { sla { dueAt } } }',
      { id: ticket.id },
      agent,
    );
    // ORDINARY: three working days on the default calendar, from Monday 09:00: Thursday 09:00 local.
    expect(dispatched.sla.dueAt).toBe('2026-03-05T01:00:00.000Z');
    const rendered = await app.ok<{ renderCannedReply: string }>(
      RENDER,
      { id: promise.id, ticketId: ticket.id },
      handlerA,
    );
    expect(rendered.renderCannedReply).toBe(
      `王女士您好，工单${ticket.number}已转部门 CR_A，将于2026-03-05 09:00前答复。`,
    );

    const anonymous = await makeTicket(app, { callerName: null }, agent);
    const plain = await app.ok<{ renderCannedReply: string }>(
      RENDER,
      { id: promise.id, ticketId: anonymous.id },
      agent,
    );
    expect(plain.renderCannedReply).toBe(`市民您好，工单${anonymous.number}已转，将于前答复。`);

    expect(codes(await app.gql(RENDER, { id: promise.id, ticketId: ticket.id }, handlerB))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
