import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeTicket,
  makeUser,
  TICKET_FIELDS,
  type TicketView,
} from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();
let departmentA: string;
let departmentB: string;
let handlerA: { id: string; token: string };
let manager: { id: string; token: string };
let agent: { id: string; token: string };

beforeAll(async () => {
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  manager = await makeUser(app, 'MANAGER');
  agent = await makeUser(app, 'AGENT');
});

type Status = 'NEW' | 'DISPATCHED' | 'IN_PROGRESS' | 'ON_HOLD' | 'RETURNED' | 'RESOLVED' | 'CLOSED';
const STATUSES: Status[] = ['NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'RESOLVED', 'CLOSED'];

async function act(field: string, args: string, variables: Record<string, unknown>, token: string) {
  const params = Object.keys(variables)
    .map((name) => `$${name}: ${VARIABLE_TYPES[name]}`)
    .join(', ');
  return app.gql<Record<string, TicketView>>(
    `mutation(${params}) { ${field}(${args}) { ${TICKET_FIELDS} } }`,
    variables,
    token,
  );
}

const VARIABLE_TYPES: Record<string, string> = {
  id: 'ID!',
  departmentId: 'ID!',
  userId: 'ID!',
  reason: 'String!',
  reply: 'String!',
  until: 'DateTime!',
  expectedVersion: 'Int',
  closeReason: 'CloseReason!',
};

const step = {
  dispatch: (id: string) =>
    act(
      'dispatchTicket',
      'id: $id, departmentId: $departmentId',
      { id, departmentId: departmentA },
      app.adminToken,
    ),
  accept: (id: string) => act('acceptTicket', 'id: $id', { id }, handlerA.token),
  hold: (id: string) =>
    act('holdTicket', 'id: $id, reason: $reason', { id, reason: '等待来电人补充材料' }, handlerA.token),
  return: (id: string) =>
    act('returnTicket', 'id: $id, reason: $reason', { id, reason: '不属于本单位职责' }, handlerA.token),
  resolve: (id: string) =>
    act('resolveTicket', 'id: $id, reply: $reply', { id, reply: '已修复路灯' }, handlerA.token),
  satisfied: (id: string) =>
    app.gql(
      `mutation($id: ID!) { recordFeedback(id: $id, satisfaction: SATISFIED) { id } }`,
      { id },
      app.adminToken,
    ),
};

/** Drives a fresh ticket through department A to the status. */
async function ticketIn(status: Status): Promise<TicketView> {
  const ticket = await makeTicket(app);
  const path: Record<Status, ((id: string) => Promise<unknown>)[]> = {
    NEW: [],
    DISPATCHED: [step.dispatch],
    IN_PROGRESS: [step.dispatch, step.accept],
    ON_HOLD: [step.dispatch, step.accept, step.hold],
    RETURNED: [step.dispatch, step.return],
    RESOLVED: [step.dispatch, step.accept, step.resolve],
    CLOSED: [step.dispatch, step.accept, step.resolve, step.satisfied],
  };
  for (const move of path[status]) {
    const result = (await move(ticket.id)) as { errors?: unknown[] };
    expect(result.errors).toBeUndefined();
  }
  return readTicket(ticket.id);
}

async function readTicket(id: string) {
  const data = await app.ok<{ ticket: TicketView & { events: { nodes: { type: string }[] } } }>(
    `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} events { nodes { type } } } }`,
    { id },
    app.adminToken,
  );
  return data.ticket;
}

interface ActionCase {
  action: string;
  allowed: Status[];
  /** Runs the action as a viewer whose role allows it. */
  run: (ticket: TicketView) => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>;
  /** The ticket's status and first new event after success. */
  to: (from: Status) => Status;
  event: string;
  prepare?: (ticket: TicketView) => Promise<unknown>;
}

/** An extension's end: past any deadline the tests set, within the 365 days an extension may reach. */
const until = new Date(Date.now() + 60 * 86_400_000).toISOString();
const CASES: ActionCase[] = [
  {
    action: 'dispatch',
    allowed: ['NEW', 'RETURNED'],
    run: (t) => step.dispatch(t.id),
    to: () => 'DISPATCHED',
    event: 'DISPATCHED',
  },
  {
    action: 'accept',
    allowed: ['DISPATCHED'],
    run: (t) => step.accept(t.id),
    to: () => 'IN_PROGRESS',
    event: 'ACCEPTED',
  },
  {
    action: 'assign',
    allowed: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'],
    run: (t) =>
      act('assignTicket', 'id: $id, userId: $userId', { id: t.id, userId: handlerA.id }, app.adminToken),
    to: (from) => from,
    event: 'ASSIGNED',
  },
  {
    action: 'return',
    allowed: ['DISPATCHED', 'IN_PROGRESS'],
    run: (t) => step.return(t.id),
    to: () => 'RETURNED',
    event: 'RETURNED',
  },
  {
    action: 'reassign',
    allowed: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED'],
    run: (t) =>
      act(
        'reassignTicket',
        'id: $id, departmentId: $departmentId, reason: $reason',
        { id: t.id, departmentId: departmentB, reason: '职责调整' },
        manager.token,
      ),
    to: () => 'DISPATCHED',
    event: 'REASSIGNED',
  },
  {
    action: 'hold',
    allowed: ['IN_PROGRESS'],
    run: (t) => step.hold(t.id),
    to: () => 'ON_HOLD',
    event: 'HELD',
  },
  {
    action: 'resume',
    allowed: ['ON_HOLD'],
    run: (t) => act('resumeTicket', 'id: $id', { id: t.id }, handlerA.token),
    to: () => 'IN_PROGRESS',
    event: 'RESUMED',
  },
  {
    action: 'requestExtension',
    allowed: ['IN_PROGRESS'],
    run: (t) =>
      act(
        'requestExtension',
        'id: $id, until: $until, reason: $reason',
        { id: t.id, until, reason: '需协调多部门' },
        handlerA.token,
      ),
    to: () => 'IN_PROGRESS',
    event: 'EXTENSION_REQUESTED',
  },
  {
    action: 'decideExtension',
    allowed: ['IN_PROGRESS'],
    prepare: (t) =>
      t.status === 'IN_PROGRESS'
        ? act(
            'requestExtension',
            'id: $id, until: $until, reason: $reason',
            { id: t.id, until, reason: '需协调' },
            handlerA.token,
          )
        : Promise.resolve(),
    run: (t) =>
      app.gql(
        `mutation($id: ID!) { decideExtension(id: $id, approve: true) { id } }`,
        { id: t.id },
        manager.token,
      ),
    to: () => 'IN_PROGRESS',
    event: 'EXTENSION_DECIDED',
  },
  {
    action: 'resolve',
    allowed: ['IN_PROGRESS'],
    run: (t) => step.resolve(t.id),
    to: () => 'RESOLVED',
    event: 'RESOLVED',
  },
  {
    action: 'recordFeedback',
    allowed: ['RESOLVED'],
    run: (t) => step.satisfied(t.id),
    to: () => 'CLOSED',
    event: 'FEEDBACK_RECORDED',
  },
  {
    action: 'close',
    allowed: ['NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'RESOLVED'],
    run: (t) =>
      act(
        'closeTicket',
        'id: $id, reason: $closeReason',
        {
          id: t.id,
          closeReason:
            t.status === 'NEW' ? 'ANSWERED_DIRECTLY' : t.status === 'RESOLVED' ? 'RESOLVED' : 'WITHDRAWN',
        },
        agent.token,
      ),
    to: () => 'CLOSED',
    event: 'CLOSED',
  },
];

/** Actions the table runs as department A's handler. */
const HANDLER_ACTIONS = ['accept', 'return', 'hold', 'resume', 'requestExtension', 'resolve'];

const table = CASES.flatMap((c) =>
  STATUSES.map((status) => ({ ...c, status, ok: c.allowed.includes(status) })),
);

describe('the ticket state machine', () => {
  it.each(table)(
    '$action from $status: allowed=$ok',
    async ({ action, status, ok, run, prepare, to, event }) => {
      const ticket = await ticketIn(status);
      await prepare?.(ticket);
      const before = await readTicket(ticket.id);
      const result = await run(before);
      const after = await readTicket(ticket.id);
      if (ok) {
        expect(result.errors).toBeUndefined();
        expect(after.status).toBe(to(status));
        expect(after.version).toBe(before.version + 1);
        expect(after.events.nodes.slice(before.events.nodes.length)[0]?.type).toBe(event);
      } else {
        // A handler cannot even see a ticket that never reached its department.
        const expected =
          status === 'NEW' && HANDLER_ACTIONS.includes(action) ? 'NOT_FOUND' : 'INVALID_TRANSITION';
        expect(codes(result as never)).toEqual([expected]);
        expect(after.version).toBe(before.version);
        expect(after.events.nodes).toHaveLength(before.events.nodes.length);
        expect(after.status).toBe(status);
      }
    },
  );
});
