import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

// Ticket.allowedActions against the mutations themselves: over every state a ticket can reach and every
// kind of viewer, each listed action succeeds and each action not listed is refused (and changes nothing).

const clock = new ManualClock(new Date('2026-09-07T02:00:00Z')); // Monday 10:00 in Shanghai
const app = useHotline({ clock });
let departmentA: string;
let departmentB: string;
const token: Record<string, string> = {};
let handlerA: string;

const ACTIONS = [
  'DISPATCH',
  'ACCEPT',
  'ASSIGN',
  'RETURN',
  'REASSIGN',
  'HOLD',
  'RESUME',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'RESOLVE',
  'RECORD_FEEDBACK',
  'CLOSE',
  'MERGE',
  'ADD_NOTE',
  'REQUEST_RETURN',
  'DECIDE_RETURN',
  'SUPERVISE',
  'REPLY_SUPERVISION',
  'ACCEPT_CO_HANDLING',
  'REPLY_CO_HANDLING',
  'REMIND_CO_HANDLER',
  'WAIVE_CO_HANDLER',
  'ADD_ATTACHMENT',
  'LINK_TO_INCIDENT',
  'UNLINK_FROM_INCIDENT',
] as const;
type Action = (typeof ACTIONS)[number];

const CLOSE_REASON: Record<string, string> = { NEW: 'ANSWERED_DIRECTLY', RESOLVED: 'RESOLVED' };

let extensionHours = 30 * 24;

/** Each action called with input that is valid for a ticket of department A. */
async function call(action: Action, ticket: { id: string; status: string }, viewer: string) {
  // Each request ends after the one approved before it, and well within the 365-day bound.
  extensionHours += 1;
  const later = new Date(clock.now().getTime() + extensionHours * 3_600_000).toISOString();
  const fields: Record<Action, () => Promise<string>> = {
    DISPATCH: async () => `dispatchTicket(id: $id, departmentId: "${departmentA}")`,
    ACCEPT: async () => 'acceptTicket(id: $id)',
    ASSIGN: async () => `assignTicket(id: $id, userId: "${handlerA}")`,
    RETURN: async () => 'returnTicket(id: $id, reason: "不属本部门")',
    REASSIGN: async () => `reassignTicket(id: $id, departmentId: "${departmentB}", reason: "改派")`,
    HOLD: async () => 'holdTicket(id: $id, reason: "等待配件")',
    RESUME: async () => 'resumeTicket(id: $id)',
    REQUEST_EXTENSION: async () => `requestExtension(id: $id, until: "${later}", reason: "工程量大")`,
    DECIDE_EXTENSION: async () => 'decideExtension(id: $id, approve: true)',
    RESOLVE: async () => 'resolveTicket(id: $id, reply: "已修复")',
    RECORD_FEEDBACK: async () => 'recordFeedback(id: $id, satisfaction: SATISFIED)',
    CLOSE: async () => `closeTicket(id: $id, reason: ${CLOSE_REASON[ticket.status] ?? 'WITHDRAWN'})`,
    MERGE: async () => `mergeTicket(id: $id, intoId: "${(await makeTicket(app)).id}")`,
    ADD_NOTE: async () => 'addNote(ticketId: $id, body: "已电话联系来电人", visibility: INTERNAL)',
    REQUEST_RETURN: async () => 'requestReturn(id: $id, reason: "不属本部门")',
    DECIDE_RETURN: async () => 'decideReturn(id: $id, approve: true)',
    SUPERVISE: async () => 'superviseTicket(id: $id, level: URGE, note: "请尽快答复", replyWithinHours: 24)',
    REPLY_SUPERVISION: async () => 'replySupervision(id: $id, reply: "已处理")',
    ACCEPT_CO_HANDLING: async () => 'acceptCoHandling(ticketId: $id)',
    REPLY_CO_HANDLING: async () => 'replyCoHandling(ticketId: $id, reply: "协办意见已反馈")',
    REMIND_CO_HANDLER: async () => `remindCoHandler(ticketId: $id, departmentId: "${departmentB}")`,
    WAIVE_CO_HANDLER: async () =>
      `waiveCoHandler(ticketId: $id, departmentId: "${departmentB}", reason: "主办单位已查明")`,
    // The reservation is where the rule is applied; the bytes are sent to the upload URL afterwards.
    ADD_ATTACHMENT: async () =>
      'createAttachmentUpload(input: {ticketId: $id, fileName: "现场.jpg", declaredType: "image/jpeg", size: 1000, visibility: PUBLIC})',
    LINK_TO_INCIDENT: async () =>
      `linkToIncident(input: {ticketId: $id, parentTicketId: "${(await makeTicket(app)).id}"})`,
    UNLINK_FROM_INCIDENT: async () => 'unlinkFromIncident(input: {ticketId: $id})',
  };
  const selection = action === 'ADD_ATTACHMENT' ? 'attachmentId' : 'id';
  return app.gql(
    `mutation($id: ID!) { ${await fields[action]()} { ${selection} } }`,
    { id: ticket.id },
    token[viewer],
  );
}

async function act(action: Action, ticket: { id: string; status: string }, viewer: string) {
  const result = await call(action, ticket, viewer);
  expect(result.errors, `${viewer} ${action} on ${ticket.status}`).toBeUndefined();
}

async function read(id: string, viewer = 'ADMIN') {
  const { ticket } = await app.ok<{
    ticket: { id: string; status: string; version: number; allowedActions: Action[] } | null;
  }>('query($id: ID!) { ticket(id: $id) { id status version allowedActions } }', { id }, token[viewer]);
  return ticket;
}

/** Ways to bring a new ticket into each state worth telling apart (all in department A in the end). */
const STATES: Record<string, [Action, string][]> = {
  NEW: [],
  DISPATCHED: [['DISPATCH', 'AGENT']],
  LINKED: [
    ['DISPATCH', 'AGENT'],
    ['LINK_TO_INCIDENT', 'AGENT'],
  ],
  IN_PROGRESS: [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
  ],
  'IN_PROGRESS, extension pending': [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
    ['REQUEST_EXTENSION', 'HANDLER_A'],
  ],
  'IN_PROGRESS, extension decided': [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
    ['REQUEST_EXTENSION', 'HANDLER_A'],
    ['DECIDE_EXTENSION', 'MANAGER'],
  ],
  'IN_PROGRESS, supervised': [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
    ['SUPERVISE', 'MANAGER'],
  ],
  ON_HOLD: [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
    ['HOLD', 'HANDLER_A'],
  ],
  RETURNED: [
    ['DISPATCH', 'AGENT'],
    ['RETURN', 'HANDLER_A'],
  ],
  'RETURNED twice': [
    ['DISPATCH', 'AGENT'],
    ['RETURN', 'HANDLER_A'],
    ['DISPATCH', 'AGENT'],
    ['RETURN', 'HANDLER_A'],
  ],
  RESOLVED: [
    ['DISPATCH', 'AGENT'],
    ['ACCEPT', 'HANDLER_A'],
    ['RESOLVE', 'HANDLER_A'],
  ],
  CLOSED: [['CLOSE', 'AGENT']],
};

/**
 * Reassigned from B to A while B's extension request waits (the console once offered A's handler a request
 * the server refused): whatever a reassignment does to that request, the list must agree with the mutations.
 */
async function reassignedWithPendingExtension() {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $b: ID!) { dispatchTicket(id: $id, departmentId: $b) { id } }',
    { id: ticket.id, b: departmentB },
    token.AGENT,
  );
  await act('ACCEPT', { id: ticket.id, status: 'DISPATCHED' }, 'HANDLER_B');
  await act('REQUEST_EXTENSION', { id: ticket.id, status: 'IN_PROGRESS' }, 'HANDLER_B');
  await app.ok(
    'mutation($id: ID!, $a: ID!) { reassignTicket(id: $id, departmentId: $a, reason: "改派") { id } }',
    { id: ticket.id, a: departmentA },
    token.MANAGER,
  );
  await act('ACCEPT', { id: ticket.id, status: 'DISPATCHED' }, 'HANDLER_A');
  return ticket.id;
}

/** At A, accepted, with B as co-handler (协办): its part pending, or accepted too. */
async function coHandledByB(bAccepted: boolean) {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $a: ID!, $b: ID!) { dispatchTicket(id: $id, departmentId: $a, coHandlingDepartmentIds: [$b]) { id } }',
    { id: ticket.id, a: departmentA, b: departmentB },
    token.AGENT,
  );
  await act('ACCEPT', { id: ticket.id, status: 'DISPATCHED' }, 'HANDLER_A');
  if (bAccepted) await act('ACCEPT_CO_HANDLING', { id: ticket.id, status: 'IN_PROGRESS' }, 'HANDLER_B');
  return ticket.id;
}

const SPECIAL_STATES: Record<string, () => Promise<string>> = {
  'IN_PROGRESS, reassigned with extension pending': reassignedWithPendingExtension,
  'IN_PROGRESS, co-handler pending': () => coHandledByB(false),
  'IN_PROGRESS, co-handler accepted': () => coHandledByB(true),
};

async function ticketIn(state: string): Promise<string> {
  const special = SPECIAL_STATES[state];
  if (special) return special();
  const ticket = await makeTicket(app);
  for (const [action, viewer] of STATES[state]!) await act(action, (await read(ticket.id))!, viewer);
  return ticket.id;
}

const VIEWERS = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER_A', 'HANDLER_B', 'INTEGRATION_A'];

beforeAll(async () => {
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  const handler = await makeUser(app, 'HANDLER', departmentA);
  handlerA = handler.id;
  token.ADMIN = app.adminToken;
  token.HANDLER_A = handler.token;
  token.HANDLER_B = (await makeUser(app, 'HANDLER', departmentB)).token;
  token.MANAGER = (await makeUser(app, 'MANAGER')).token;
  token.AGENT = (await makeUser(app, 'AGENT')).token;
  const { createApiClient } = await app.ok<{ createApiClient: { key: string } }>(
    'mutation($a: ID!) { createApiClient(input: {name: "市级平台", role: INTEGRATION, departmentId: $a}) { key } }',
    { a: departmentA },
    app.adminToken,
  );
  token.INTEGRATION_A = createApiClient.key;
});

describe('Ticket.allowedActions', () => {
  it.each([...Object.keys(STATES), ...Object.keys(SPECIAL_STATES)])(
    'on a ticket %s: every listed action succeeds, every other one is refused',
    async (state) => {
      const id = await ticketIn(state);
      for (const viewer of VIEWERS) {
        const seen = await read(id, viewer);
        if (!seen) continue; // not visible to this viewer: nothing to offer
        for (const action of ACTIONS.filter((candidate) => !seen.allowedActions.includes(candidate))) {
          const result = await call(action, seen, viewer);
          expect(codes(result), `${viewer} ${action} on ${state}`).toEqual([
            expect.stringMatching(/^(FORBIDDEN|INVALID_TRANSITION)$/),
          ]);
        }
        expect((await read(id))!.version, `refusals changed the ticket (${viewer})`).toBe(seen.version);
        for (const action of seen.allowedActions)
          await act(action, (await read(await ticketIn(state)))!, viewer);
      }
    },
    // Every action for every viewer, each on a fresh ticket: a minute on a busy machine.
    90_000,
  );

  it('follows the extension request and the manager flag, not only the status', async () => {
    const pending = await ticketIn('IN_PROGRESS, extension pending');
    expect((await read(pending, 'HANDLER_A'))!.allowedActions).not.toContain('REQUEST_EXTENSION');
    expect((await read(pending, 'MANAGER'))!.allowedActions).toContain('DECIDE_EXTENSION');
    const decided = await ticketIn('IN_PROGRESS, extension decided');
    expect((await read(decided, 'HANDLER_A'))!.allowedActions).toEqual([
      'ASSIGN',
      'RETURN',
      'HOLD',
      'REQUEST_EXTENSION',
      'RESOLVE',
      'ADD_NOTE',
      'ADD_ATTACHMENT',
      'REQUEST_RETURN',
    ]);
    const twice = await ticketIn('RETURNED twice');
    expect((await read(twice, 'AGENT'))!.allowedActions).toEqual([
      'CLOSE',
      'MERGE',
      'ADD_NOTE',
      'ADD_ATTACHMENT',
      'LINK_TO_INCIDENT',
    ]);
    expect((await read(twice, 'MANAGER'))!.allowedActions).toEqual([
      'DISPATCH',
      'REASSIGN',
      'CLOSE',
      'MERGE',
      'ADD_NOTE',
      'ADD_ATTACHMENT',
      'LINK_TO_INCIDENT',
    ]);
  });

  it('is served on a list of tickets (pending requests read once for the page)', async () => {
    // Every ticket of this file, page by page: the manual clock gives them one creation time, so the
    // newest-first order among them is by id and the pending one may sit on any page.
    type Page = {
      tickets: {
        nodes: { allowedActions: Action[] }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const actions: Action[][] = [];
    let after: string | null = null;
    do {
      const { tickets }: Page = await app.ok<Page>(
        'query($after: String) { tickets(first: 100, after: $after) { nodes { allowedActions } pageInfo { hasNextPage endCursor } } }',
        { after },
        token.MANAGER,
      );
      actions.push(...tickets.nodes.map((ticket) => ticket.allowedActions));
      after = tickets.pageInfo.hasNextPage ? tickets.pageInfo.endCursor : null;
    } while (after);
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.some((allowed) => allowed.includes('DECIDE_EXTENSION'))).toBe(true);
  });
});
