import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { addNote, postStatus, randomAddress, registerCall, resolveAs } from './citizen-support.js';

const app = useHotline({ env: { TRUST_PROXY: '1', RATE_LIMIT_STATUS: '1/20' } });
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
let department: { id: string; name: string };
let handler: { id: string; token: string; email: string };

beforeAll(async () => {
  const made = await makeDepartment(app, { name: '市政设施管理处' });
  department = { id: made.id, name: '市政设施管理处' };
  handler = await makeUser(app, 'HANDLER', department.id);
});

describe('lookup code', () => {
  it('is returned once by createTicket, readable, and stored only as an HMAC', async () => {
    const ticket = await registerCall(app);
    expect(ticket.lookupCode).toMatch(CODE);
    const again = await app.ok<{ ticket: { lookupCode: string | null } }>(
      'query($id: ID!) { ticket(id: $id) { lookupCode } }',
      { id: ticket.id },
      app.adminToken,
    );
    expect(again.ticket.lookupCode).toBeNull();
    const { db } = app.hotline.database;
    const rows = await db.execute(sql`select * from citizen_access where ticket_id = ${ticket.id}`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(ticket.lookupCode);
    expect(stored).not.toContain(ticket.lookupCode.replace('-', ''));
    expect((rows[0] as { lookup_hash: string }).lookup_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs from ticket to ticket', async () => {
    const codes = new Set<string>();
    for (let index = 0; index < 5; index++) codes.add((await registerCall(app)).lookupCode);
    expect(codes.size).toBe(5);
  });

  it('is not issued again on an idempotent replay', async () => {
    const input = { idempotencyKey: `replay-${Date.now()}` };
    const first = await registerCall(app, input);
    const replay = await registerCall(app, input);
    expect(replay.id).toBe(first.id);
    expect(first.lookupCode).toMatch(CODE);
    expect(replay.lookupCode).toBeNull();
  });
});

describe('status page', () => {
  it('follows the ticket from intake to reply: stage, department, deadline and reply only', async () => {
    const ticket = await registerCall(app, { callerEmail: 'zhang.san@example.com' });
    const address = randomAddress();
    const received = await postStatus(
      app,
      'lookup',
      { number: ticket.number, code: ticket.lookupCode },
      address,
    );
    expect(received.status).toBe(200);
    expect(received.body.ticket).toMatchObject({
      number: ticket.number,
      stage: 'RECEIVED',
      department: null,
      dueAt: null,
      reply: null,
    });

    await addNote(app, ticket.id, '内部：施工队周三到场', 'INTERNAL');
    await addNote(app, ticket.id, '维修人员已到现场查看。', 'PUBLIC');
    await resolveAs(app, ticket.id, department.id, handler.token, '路灯已于今日修复，感谢您的反映。');
    // Typed by a caller: lower case, no dash, O for 0 and L for 1 are all the same code.
    const typed = ticket.lookupCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const resolved = await postStatus(app, 'lookup', { number: ` ${ticket.number} `, code: typed }, address);
    expect(resolved.status).toBe(200);
    expect(resolved.body.ticket).toMatchObject({
      number: ticket.number,
      stage: 'RESOLVED',
      department: '市政设施管理处',
      reply: '路灯已于今日修复，感谢您的反映。',
    });
    expect(resolved.body.ticket.resolvedAt).toEqual(expect.any(String));
    expect(resolved.body.ticket.notes).toEqual([{ at: expect.any(String), body: '维修人员已到现场查看。' }]);
    expect(Object.keys(resolved.body.ticket).sort()).toEqual(
      [
        'closeReason',
        'closedAt',
        'createdAt',
        'department',
        'dueAt',
        'notes',
        'number',
        'photos',
        'reply',
        'resolvedAt',
        'stage',
      ].sort(),
    );
    const shown = JSON.stringify(resolved.body);
    for (const secret of [
      '张先生',
      '13812345678',
      'zhang.san@example.com',
      '幸福小区', // the description
      '内部', // the dispatch note, the hold reason and the INTERNAL note
      '施工队',
      handler.id,
      handler.email,
      ticket.id,
    ])
      expect(shown).not.toContain(secret);
  });

  it('shows a deadline while the ticket is being handled', async () => {
    const ticket = await registerCall(app);
    await app.ok(
      'mutation($id: ID!, $dept: ID!) { dispatchTicket(id: $id, departmentId: $dept) { id } }',
      { id: ticket.id, dept: department.id },
      app.adminToken,
    );
    const dispatched = await postStatus(app, 'lookup', { number: ticket.number, code: ticket.lookupCode });
    expect(dispatched.body.ticket).toMatchObject({ stage: 'RECEIVED', department: '市政设施管理处' });
    expect(Date.parse(dispatched.body.ticket.dueAt)).toBeGreaterThan(Date.now());
  });

  it('answers a wrong code, a wrong number and nonsense alike', async () => {
    const ticket = await registerCall(app);
    const other = await registerCall(app);
    const wrong = [
      { number: ticket.number, code: other.lookupCode },
      { number: ticket.number, code: ticket.lookupCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      { number: '2099010199999999', code: ticket.lookupCode },
      { number: other.number, code: ticket.lookupCode },
      { number: ticket.number, code: '' },
      { number: ticket.number },
      { number: 42, code: ['x'] },
      { number: "' or 1=1 --", code: 'x'.repeat(5000) },
    ];
    const answers = [];
    for (const body of wrong) answers.push(await postStatus(app, 'lookup', body));
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('limits lookups per client address, other addresses unaffected', async () => {
    const ticket = await registerCall(app);
    const guesser = randomAddress();
    const statuses: number[] = [];
    for (let guess = 0; guess < 25; guess++) {
      statuses.push(
        (await postStatus(app, 'lookup', { number: ticket.number, code: `GUESS-${guess}` }, guesser)).status,
      );
    }
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(21);
    expect(statuses.at(-1)).toBe(429);
    // Even the right code is refused while the address is over its limit.
    const blocked = await postStatus(
      app,
      'lookup',
      { number: ticket.number, code: ticket.lookupCode },
      guesser,
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    let other = '';
    do other = randomAddress();
    while (other === guesser);
    const elsewhere = await postStatus(
      app,
      'lookup',
      { number: ticket.number, code: ticket.lookupCode },
      other,
    );
    expect(elsewhere.status).toBe(200);
  });

  it('serves a mobile page in both languages with a strict policy and no caching', async () => {
    const response = await fetch(`${app.url}/status`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="viewport"');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    const script = await (await fetch(`${app.url}/status/assets/status.js`)).text();
    expect(script).toContain("'zh-CN'");
    expect(script).toContain('Ticket number');
  });
});
