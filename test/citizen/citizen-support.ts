import { randomBytes } from 'node:crypto';
import type { TestHotline } from '../support/hotline.js';

export interface Registered {
  id: string;
  number: string;
  lookupCode: string;
}

/** A call registered by the admin (NEW); overrides go into CreateTicketInput. */
export async function registerCall(app: TestHotline, overrides: Record<string, unknown> = {}) {
  const data = await app.ok<{ createTicket: Registered }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number lookupCode } }',
    {
      input: {
        title: '小区路灯不亮',
        description: '幸福小区3号楼前的路灯已经坏了一周，晚上出行不便。',
        demandType: 'HELP_REQUEST',
        callerName: '张先生',
        callerPhone: '13812345678',
        autoDispatch: false,
        ...overrides,
      },
    },
    app.adminToken,
  );
  return data.createTicket;
}

/** Dispatches to `departmentId`, accepts (with a hold and resume in between) and resolves with `reply`. */
export async function resolveAs(
  app: TestHotline,
  id: string,
  departmentId: string,
  handlerToken: string,
  reply = '路灯已于今日修复。',
) {
  const run = (field: string, args: string, token: string, text?: string) =>
    app.ok(
      `mutation($id: ID!${text ? ', $text: String!' : ''}) { ${field}(id: $id${args}) { id } }`,
      text ? { id, text } : { id },
      token,
    );
  await app.ok(
    'mutation($id: ID!, $dept: ID!) { dispatchTicket(id: $id, departmentId: $dept, note: "内部：优先处理") { id } }',
    { id, dept: departmentId },
    app.adminToken,
  );
  await run('acceptTicket', '', handlerToken);
  await run('holdTicket', ', reason: $text', handlerToken, '内部备注：等待供电公司');
  await run('resumeTicket', '', handlerToken);
  await run('resolveTicket', ', reply: $text', handlerToken, reply);
}

/** POSTs JSON to a /status endpoint from a client address (the server trusts one proxy in tests). */
export async function postStatus(app: TestHotline, path: string, body: unknown, address = randomAddress()) {
  const response = await fetch(`${app.url}/status/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** A documentation address (TEST-NET-3) of its own, so tests do not share a rate limit. */
export function randomAddress(): string {
  return `203.0.113.${randomBytes(1)[0]}`;
}

/** A note on a ticket by the admin. */
export function addNote(app: TestHotline, ticketId: string, body: string, visibility: 'PUBLIC' | 'INTERNAL') {
  return app.ok(
    'mutation($id: ID!, $body: String!, $visibility: NoteVisibility!) { addNote(ticketId: $id, body: $body, visibility: $visibility) { id } }',
    { id: ticketId, body, visibility },
    app.adminToken,
  );
}
