import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeApiClient, ticketInput } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Notes (issue 12, item 6): INTERNAL notes are for staff only, PUBLIC ones also for integrations; both at
 * any time, as a NOTE_ADDED event of one version step, in the timeline and the feed.
 */
const app = useHotline();
let sql: postgres.Sql;
let departmentA: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let agent: { id: string; token: string };
let integration: { id: string; key: string };

const ADD_NOTE = `mutation($id: ID!, $body: String!, $visibility: NoteVisibility!, $v: Int) {
  addNote(ticketId: $id, body: $body, visibility: $visibility, expectedVersion: $v) { id version status }
}`;
const NOTES = `query($id: ID!) { ticket(id: $id) {
  notes { id visibility body at author { id } }
  publicNotes { id visibility body }
  events { nodes { id type note visibility } }
} }`;

interface NotesView {
  ticket: {
    notes: { id: string; visibility: string; body: string; at: string; author: { id: string } | null }[];
    publicNotes: { id: string; visibility: string; body: string }[];
    events: { nodes: { id: string; type: string; note: string | null; visibility: string | null }[] };
  } | null;
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  const departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  agent = await makeUser(app, 'AGENT');
  integration = await makeApiClient(app, { role: 'INTEGRATION', departmentId: departmentA });
});
afterAll(async () => {
  await sql?.end();
});

async function addNote(id: string, body: string, visibility: string, token: string, v?: number) {
  return app.gql<{ addNote: { id: string; version: number; status: string } }>(
    ADD_NOTE,
    { id, body, visibility, v },
    token,
  );
}

/** A ticket an integration created (so it sees it), with one note of each kind written by the agent. */
async function ticketWithTwoNotes() {
  const created = await app.ok<{ createTicket: { id: string } }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
    { input: ticketInput({ autoDispatch: false }) },
    integration.key,
  );
  const id = created.createTicket.id;
  const internal = await addNote(id, '来电人情绪激动，注意沟通方式', 'INTERNAL', agent.token);
  expect(internal.errors).toBeUndefined();
  const visible = await addNote(id, '已联系供电公司，预计明天上午修复', 'PUBLIC', agent.token);
  expect(visible.errors).toBeUndefined();
  return id;
}

describe('addNote', () => {
  it('writes one NOTE_ADDED event per note, one version step each, status unchanged', async () => {
    const ticket = await makeTicket(app);
    const first = await addNote(ticket.id, '内部：核实地址', 'INTERNAL', agent.token, ticket.version);
    expect(first.data?.addNote).toMatchObject({ status: 'NEW', version: ticket.version + 1 });
    const second = await addNote(ticket.id, '公开：已受理', 'PUBLIC', agent.token);
    expect(second.data?.addNote.version).toBe(ticket.version + 2);

    const view = await app.ok<NotesView>(NOTES, { id: ticket.id }, agent.token);
    expect(view.ticket?.notes.map((n) => [n.visibility, n.body, n.author?.id])).toEqual([
      ['INTERNAL', '内部：核实地址', agent.id],
      ['PUBLIC', '公开：已受理', agent.id],
    ]);
    expect(view.ticket?.publicNotes.map((n) => n.body)).toEqual(['公开：已受理']);
    const notes = view.ticket?.events.nodes.filter((e) => e.type === 'NOTE_ADDED');
    expect(notes?.map((e) => [e.visibility, e.note])).toEqual([
      ['INTERNAL', '内部：核实地址'],
      ['PUBLIC', '公开：已受理'],
    ]);
  });

  it('is allowed on a closed ticket and listed among the allowed actions', async () => {
    const ticket = await makeTicket(app);
    await app.ok(
      'mutation($id: ID!) { closeTicket(id: $id, reason: ANSWERED_DIRECTLY) { id } }',
      { id: ticket.id },
      app.adminToken,
    );
    const added = await addNote(ticket.id, '回访时来电人补充了情况', 'INTERNAL', agent.token);
    expect(added.data?.addNote.status).toBe('CLOSED');
    const actions = await app.ok<{ ticket: { allowedActions: string[] } }>(
      'query($id: ID!) { ticket(id: $id) { allowedActions } }',
      { id: ticket.id },
      agent.token,
    );
    expect(actions.ticket.allowedActions).toContain('ADD_NOTE');
  });

  it('refuses blank, too long, stale and out-of-scope notes, and writes nothing', async () => {
    const ticket = await makeTicket(app);
    await app.ok(
      'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
      { id: ticket.id, d: departmentA },
      app.adminToken,
    );
    expect(codes(await addNote(ticket.id, '   ', 'PUBLIC', agent.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await addNote(ticket.id, 'x'.repeat(2001), 'PUBLIC', agent.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await addNote(ticket.id, '过期版本', 'PUBLIC', agent.token, 1))).toEqual(['CONFLICT']);
    expect(codes(await addNote(ticket.id, '别的部门', 'INTERNAL', handlerB.token))).toEqual(['NOT_FOUND']);
    expect(codes(await addNote(ticket.id, '对接系统', 'PUBLIC', integration.key))).toEqual(['FORBIDDEN']);
    const [row] = await sql<{ count: number }[]>`
      select count(*)::int as count from ticket_events where ticket_id = ${ticket.id} and type = 'NOTE_ADDED'`;
    expect(row?.count).toBe(0);
    // The handler of the responsible department may.
    const own = await addNote(ticket.id, '已派人现场查看', 'PUBLIC', handlerA.token);
    expect(own.errors).toBeUndefined();
  });
});

describe('INTERNAL notes stay with staff', () => {
  it('an integration sees only PUBLIC notes: notes, events, feed, node', async () => {
    const id = await ticketWithTwoNotes();
    const view = await app.ok<NotesView>(NOTES, { id }, integration.key);
    expect(view.ticket?.notes.map((n) => [n.visibility, n.body])).toEqual([
      ['PUBLIC', '已联系供电公司，预计明天上午修复'],
    ]);
    expect(view.ticket?.events.nodes.map((e) => e.note)).not.toContain('来电人情绪激动，注意沟通方式');

    const staff = await app.ok<NotesView>(NOTES, { id }, agent.token);
    const internal = staff.ticket?.notes.find((n) => n.visibility === 'INTERNAL');
    expect(internal?.body).toBe('来电人情绪激动，注意沟通方式');
    const node = await app.ok<{ node: { id: string } | null }>(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: internal?.id },
      integration.key,
    );
    expect(node.node).toBeNull();
    const staffNode = await app.ok<{ node: { id: string } | null }>(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: internal?.id },
      agent.token,
    );
    expect(staffNode.node?.id).toBe(internal?.id);

    const feedNotes = async (token: string) => {
      const notes: (string | null)[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          ticketEvents: {
            nodes: { type: string; note: string | null; ticket: { id: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } = await app.ok(
          'query($after: String) { ticketEvents(first: 100, after: $after) { nodes { type note ticket { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
          token,
        );
        notes.push(
          ...page.ticketEvents.nodes
            .filter((e) => e.type === 'NOTE_ADDED' && e.ticket.id === id)
            .map((e) => e.note),
        );
        if (!page.ticketEvents.pageInfo.hasNextPage) return notes;
        after = page.ticketEvents.pageInfo.endCursor;
      }
    };
    // The feed shows an event once every older transaction on the server ended: wait for the staff view.
    await vi.waitFor(
      async () => {
        expect(await feedNotes(app.adminToken)).toEqual([
          '来电人情绪激动，注意沟通方式',
          '已联系供电公司，预计明天上午修复',
        ]);
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(await feedNotes(integration.key)).toEqual(['已联系供电公司，预计明天上午修复']);
  });

  it('only a PUBLIC note leaves as a webhook, with its body and no caller data', async () => {
    const id = await ticketWithTwoNotes();
    const rows = await sql<{ type: string; payload: Record<string, any> }[]>`
      select o.type, o.payload from outbox o join ticket_events e on e.id = o.event_id
      where o.ticket_id = ${id} and e.type = 'NOTE_ADDED'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.type).toBe('ticket.note_added');
    expect(rows[0]?.payload.note).toEqual({ visibility: 'PUBLIC', body: '已联系供电公司，预计明天上午修复' });
    expect(JSON.stringify(rows[0]?.payload)).not.toContain('13812345678');
    expect(JSON.stringify(rows)).not.toContain('来电人情绪激动');
  });
});
