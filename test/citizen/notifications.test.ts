import { createLogger } from '@hotline/api/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { codes, logLines, useHotline } from '../support/hotline.js';
import { pollUntil } from '../support/processes.js';
import { addNote, postStatus, registerCall, resolveAs } from './citizen-support.js';
import { type SmsRequest, startSmsStub, startSmtpServer } from './stub-servers.js';

const PHONE = '13812345678';
const EMAIL = 'zhang.san@example.com';
const PUBLIC_URL = 'https://12345.example.gov';
let sms: Awaited<ReturnType<typeof startSmsStub>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const log = logLines();

beforeAll(async () => {
  sms = await startSmsStub();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await sms?.stop();
  await smtp?.stop();
});

const app = useHotline(() => ({
  role: 'all',
  log: createLogger('info', log.sink),
  env: {
    TRUST_PROXY: '1',
    SMS_PROVIDER_URL: sms.url,
    SMS_PROVIDER_TOKEN: 'provider-token-1',
    SMTP_URL: smtp.url,
    SMTP_FROM: '12345 Hotline <noreply@12345.example.gov>',
    PUBLIC_URL,
    NOTIFICATION_RETRY_BASE_MS: '200',
    WEBHOOK_RELAY_MS: '50',
  },
}));

let department: string;
let handler: { token: string };
let manager: { token: string };

beforeAll(async () => {
  department = (await makeDepartment(app, { name: '市政设施管理处' })).id;
  handler = await makeUser(app, 'HANDLER', department);
  manager = await makeUser(app, 'MANAGER');
});

/** The text messages sent for a ticket number, once `count` of them have arrived. */
async function smsFor(number: string, count = 1): Promise<SmsRequest[]> {
  const mine = () => sms.requests.filter((request) => request.body.text.includes(number));
  await pollUntil(async () => mine().length >= count, 15_000, 50);
  return mine();
}

async function mailsFor(number: string, count = 1) {
  const mine = () => smtp.mails.filter((mail) => mail.subject.includes(number));
  await pollUntil(async () => mine().length >= count, 15_000, 50);
  return mine();
}

/** Rows of the notification tables for a ticket. */
async function deliveriesOf(ticketId: string) {
  const { db } = app.hotline.database;
  return (await db.execute(sql`
    select d.id, d.event, d.channel, d.recipient_masked, d.attempts, d.delivered_at, d.sealed_secret,
      d.next_attempt_at, coalesce(json_agg(json_build_object('ok', a.ok, 'error', a.error,
        'recipient', a.recipient_masked) order by a.id) filter (where a.id is not null), '[]') as attempt_log
    from notification_deliveries d left join notification_attempts a on a.delivery_id = d.id
    where d.ticket_id = ${ticketId} group by d.id order by d.created_at, d.channel`)) as unknown as {
    id: string;
    event: string;
    channel: string;
    recipient_masked: string;
    attempts: number;
    delivered_at: Date | null;
    sealed_secret: string | null;
    attempt_log: { ok: boolean; error: string | null; recipient: string }[];
  }[];
}

const linkToken = (text: string) => /\/status\/feedback#t=([0-9A-Z]+)/.exec(text)?.[1] ?? '';

describe('intake', () => {
  it('texts and e-mails the caller the ticket number, lookup code and status link', async () => {
    const ticket = await registerCall(app, { callerEmail: EMAIL, callerLanguage: 'EN' });
    const [text] = await smsFor(ticket.number);
    expect(text!.authorization).toBe('Bearer provider-token-1');
    expect(text!.body).toMatchObject({ to: PHONE, language: 'en' });
    expect(text!.body.text).toContain(ticket.lookupCode);
    expect(text!.body.text).toContain(
      `${PUBLIC_URL}/status#n=${ticket.number}&c=${ticket.lookupCode}&lang=en`,
    );
    const [mail] = await mailsFor(ticket.number);
    expect(mail!.to).toEqual([EMAIL]);
    expect(mail!.from).toBe('noreply@12345.example.gov');
    expect(mail!.subject).toBe(`12345: we registered your request ${ticket.number}`);
    expect(mail!.text).toContain(`lookup code ${ticket.lookupCode}`);

    // The code was carried encrypted only until sent: nothing holds it now.
    await pollUntil(async () => (await deliveriesOf(ticket.id)).every((row) => row.delivered_at), 5_000, 50);
    const rows = await deliveriesOf(ticket.id);
    expect(rows.map((row) => [row.event, row.channel, row.recipient_masked, row.sealed_secret])).toEqual([
      ['INTAKE', 'EMAIL', 'z***@example.com', null],
      ['INTAKE', 'SMS', '138****5678', null],
    ]);
    const { db } = app.hotline.database;
    const [access] = await db.execute(
      sql`select sealed_code from citizen_access where ticket_id = ${ticket.id}`,
    );
    expect(access).toEqual({ sealed_code: null });
  });

  it('speaks Chinese by default and only on the channels the caller has', async () => {
    const ticket = await registerCall(app);
    const [text] = await smsFor(ticket.number);
    expect(text!.body.language).toBe('zh-CN');
    expect(text!.body.text).toBe(
      `【12345】您的诉求已受理，工单号 ${ticket.number}，查询码 ${ticket.lookupCode}。查询办理进度：${PUBLIC_URL}/status#n=${ticket.number}&c=${ticket.lookupCode}&lang=zh-CN`,
    );
    expect((await deliveriesOf(ticket.id)).map((row) => row.channel)).toEqual(['SMS']);
    const silent = await registerCall(app, { callerPhone: null });
    const { db } = app.hotline.database;
    const relayed = () =>
      db.execute(sql`select 1 from outbox where ticket_id = ${silent.id} and relayed_at is not null`);
    expect(await pollUntil(async () => (await relayed()).length > 0, 5_000, 50)).toBe(true);
    expect(await deliveriesOf(silent.id)).toEqual([]);
  });
});

describe('notes', () => {
  it('tells the caller of a PUBLIC note, never of an INTERNAL one', async () => {
    const ticket = await registerCall(app, { callerEmail: EMAIL });
    await smsFor(ticket.number);
    await addNote(app, ticket.id, '内部：请勿告知来电人', 'INTERNAL');
    await addNote(app, ticket.id, '维修人员已到现场查看。', 'PUBLIC');
    const [, note] = await smsFor(ticket.number, 2);
    expect(note!.body.text).toBe(
      `【12345】您的工单 ${ticket.number} 有新的办理进展：维修人员已到现场查看。 查询详情：${PUBLIC_URL}/status#n=${ticket.number}&lang=zh-CN`,
    );
    const [, mail] = await mailsFor(ticket.number, 2);
    expect(mail!.text).toContain('维修人员已到现场查看。');
    await pollUntil(async () => (await deliveriesOf(ticket.id)).every((row) => row.delivered_at), 5_000, 50);
    expect((await deliveriesOf(ticket.id)).map((row) => row.event)).toEqual([
      'INTAKE',
      'INTAKE',
      'PUBLIC_NOTE',
      'PUBLIC_NOTE',
    ]);
    const everything = [
      ...sms.requests.map((request) => request.body.text),
      ...smtp.mails.map((m) => m.text),
    ];
    expect(everything.join('\n')).not.toContain('请勿告知');
  });
});

describe('resolution and the satisfaction link', () => {
  it('sends a one-time link; DISSATISFIED through it reopens the ticket, and the link works once', async () => {
    const ticket = await registerCall(app, { callerEmail: EMAIL });
    await resolveAs(app, ticket.id, department, handler.token, '路灯已于今日修复。');
    const [, resolvedText] = await smsFor(ticket.number, 2);
    expect(resolvedText!.body.text).toContain('市政设施管理处');
    expect(resolvedText!.body.text).toContain('路灯已于今日修复。');
    const token = linkToken(resolvedText!.body.text);
    expect(token).toHaveLength(32);
    const [, resolvedMail] = await mailsFor(ticket.number, 2);
    expect(linkToken(resolvedMail!.text)).toBe(token);

    const check = await postStatus(app, 'feedback/check', { token });
    expect(check.body).toEqual({ link: { number: ticket.number, reply: '路灯已于今日修复。' } });
    const sent = await postStatus(app, 'feedback', {
      token,
      satisfaction: 'DISSATISFIED',
      comment: '灯还是不亮',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ feedback: { number: ticket.number, reopened: true } });

    const seen = await app.ok<{ ticket: any }>(
      `query($id: ID!) { ticket(id: $id) { status feedback { satisfaction comment channel }
        events(first: 50) { nodes { type actor { __typename } } } } }`,
      { id: ticket.id },
      app.adminToken,
    );
    expect(seen.ticket.status).toBe('IN_PROGRESS');
    expect(seen.ticket.feedback).toEqual({
      satisfaction: 'DISSATISFIED',
      comment: '灯还是不亮',
      channel: 'SELF_SERVICE',
    });
    expect(seen.ticket.events.nodes.slice(-2).map((event: { type: string }) => event.type)).toEqual([
      'FEEDBACK_RECORDED',
      'REOPENED',
    ]);

    for (const again of [
      await postStatus(app, 'feedback', { token, satisfaction: 'SATISFIED' }),
      await postStatus(app, 'feedback/check', { token }),
    ]) {
      expect(again.status).toBe(404);
      expect(again.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('records SATISFIED through a new link after the next resolution, closes, and tells the caller', async () => {
    const ticket = await registerCall(app);
    await resolveAs(app, ticket.id, department, handler.token);
    const first = linkToken((await smsFor(ticket.number, 2))[1]!.body.text);
    await postStatus(app, 'feedback', { token: first, satisfaction: 'DISSATISFIED' });
    await app.ok(
      'mutation($id: ID!) { resolveTicket(id: $id, reply: "已更换灯泡并复查。") { id } }',
      { id: ticket.id },
      handler.token,
    );
    const second = linkToken((await smsFor(ticket.number, 3))[2]!.body.text);
    expect(second).not.toBe(first);
    expect((await postStatus(app, 'feedback', { token: first, satisfaction: 'SATISFIED' })).status).toBe(404);
    const sent = await postStatus(app, 'feedback', { token: second, satisfaction: 'BASICALLY_SATISFIED' });
    expect(sent.body).toEqual({ feedback: { number: ticket.number, reopened: false } });
    const closedText = (await smsFor(ticket.number, 4))[3]!;
    expect(closedText.body.text).toBe(
      `【12345】您的工单 ${ticket.number} 已办结。感谢您对 12345 热线的支持。`,
    );
    const status = await postStatus(app, 'lookup', { number: ticket.number, code: ticket.lookupCode });
    expect(status.body.ticket).toMatchObject({
      stage: 'CLOSED',
      closeReason: 'RESOLVED',
      reply: '已更换灯泡并复查。',
    });
  });

  it("leaves the agent's callback as it was, and a link used after it is dead", async () => {
    const ticket = await registerCall(app);
    await resolveAs(app, ticket.id, department, handler.token);
    const token = linkToken((await smsFor(ticket.number, 2))[1]!.body.text);
    const callback = await app.ok<{ recordFeedback: any }>(
      `mutation($id: ID!) { recordFeedback(id: $id, satisfaction: SATISFIED) { status feedback { channel } } }`,
      { id: ticket.id },
      app.adminToken,
    );
    expect(callback.recordFeedback).toEqual({ status: 'CLOSED', feedback: { channel: 'CALLBACK' } });
    const late = await postStatus(app, 'feedback', { token, satisfaction: 'DISSATISFIED' });
    expect(late.status).toBe(404);
  });

  it('refuses a made-up token and a bad verdict', async () => {
    const made = await postStatus(app, 'feedback', { token: 'A'.repeat(32), satisfaction: 'SATISFIED' });
    expect(made.status).toBe(404);
    const ticket = await registerCall(app);
    await resolveAs(app, ticket.id, department, handler.token);
    const token = linkToken((await smsFor(ticket.number, 2))[1]!.body.text);
    const bad = await postStatus(app, 'feedback', { token, satisfaction: 'THRILLED' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await postStatus(app, 'feedback/check', { token })).status).toBe(200);
  });
});

describe('delivery', () => {
  it('retries a failing SMS provider and logs every attempt with the recipient masked', async () => {
    sms.failNext(2);
    const ticket = await registerCall(app);
    await smsFor(ticket.number, 3);
    await pollUntil(async () => Boolean((await deliveriesOf(ticket.id))[0]?.delivered_at), 10_000, 50);
    const [delivery] = await deliveriesOf(ticket.id);
    expect(delivery!.attempts).toBe(3);
    expect(delivery!.attempt_log).toEqual([
      { ok: false, error: 'SMS provider answered HTTP 503', recipient: '138****5678' },
      { ok: false, error: 'SMS provider answered HTTP 503', recipient: '138****5678' },
      { ok: true, error: null, recipient: '138****5678' },
    ]);
    const requests = await smsFor(ticket.number, 3);
    expect(new Set(requests.map((request) => request.body.reference))).toEqual(new Set([delivery!.id]));
    const listed = await app.ok<{ ticket: any }>(
      'query($id: ID!) { ticket(id: $id) { callerNotifications { event channel recipient attempts deliveredAt lastError } } }',
      { id: ticket.id },
      app.adminToken,
    );
    expect(listed.ticket.callerNotifications).toEqual([
      expect.objectContaining({
        event: 'INTAKE',
        channel: 'SMS',
        recipient: '138****5678',
        attempts: 3,
        lastError: null,
      }),
    ]);
  });

  it('never writes a phone number, an e-mail address, a code or a link token to the log', async () => {
    const ticket = await registerCall(app, { callerEmail: EMAIL });
    await resolveAs(app, ticket.id, department, handler.token);
    const token = linkToken((await smsFor(ticket.number, 2))[1]!.body.text);
    await mailsFor(ticket.number, 2);
    await pollUntil(async () => (await deliveriesOf(ticket.id)).every((row) => row.delivered_at), 5_000, 50);
    const attempts = log.lines.filter((line) => line.includes('notification attempt'));
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.some((line) => line.includes('138****5678'))).toBe(true);
    const all = log.lines.join('\n');
    for (const secret of [PHONE, EMAIL, ticket.lookupCode, ticket.lookupCode.replace('-', ''), token])
      expect(all).not.toContain(secret);
  });
});

describe('templates', () => {
  it('a MANAGER rewords a notification, which the next one uses; the default comes back on reset', async () => {
    const saved = await app.ok<{ updateNotificationTemplate: any }>(
      `mutation { updateNotificationTemplate(event: INTAKE, language: EN, subject: "Ticket {number}",
        body: "Hello! Case {number}, code {code}: {statusUrl}") { event language isDefault body } }`,
      {},
      manager.token,
    );
    expect(saved.updateNotificationTemplate).toMatchObject({
      event: 'INTAKE',
      language: 'EN',
      isDefault: false,
    });
    const ticket = await registerCall(app, { callerLanguage: 'EN' });
    const [text] = await smsFor(ticket.number);
    expect(text!.body.text).toBe(
      `Hello! Case ${ticket.number}, code ${ticket.lookupCode}: ${PUBLIC_URL}/status#n=${ticket.number}&c=${ticket.lookupCode}&lang=en`,
    );
    const listed = await app.ok<{ notificationTemplates: any[] }>(
      '{ notificationTemplates { event language isDefault } }',
      {},
      manager.token,
    );
    expect(listed.notificationTemplates).toHaveLength(8);
    expect(listed.notificationTemplates.filter((template) => !template.isDefault)).toEqual([
      { event: 'INTAKE', language: 'EN', isDefault: false },
    ]);
    const audit = await app.ok<{ settingsAudit: any }>(
      '{ settingsAudit(kind: NOTIFICATION_TEMPLATE) { nodes { entityId action } } }',
      {},
      manager.token,
    );
    expect(audit.settingsAudit.nodes).toEqual([{ entityId: 'INTAKE/en', action: 'CREATED' }]);
    const reset = await app.ok<{ resetNotificationTemplate: any }>(
      'mutation { resetNotificationTemplate(event: INTAKE, language: EN) { isDefault subject } }',
      {},
      manager.token,
    );
    expect(reset.resetNotificationTemplate).toEqual({
      isDefault: true,
      subject: '12345: we registered your request {number}',
    });
  });

  it('refuses unknown placeholders, and anyone but a MANAGER or ADMIN', async () => {
    const unknown = await app.gql(
      'mutation { updateNotificationTemplate(event: CLOSED, language: ZH_CN, subject: "x", body: "{phone}") { event } }',
      {},
      manager.token,
    );
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0]?.message).toContain('{phone}');
    const refused = await app.gql('{ notificationTemplates { event } }', {}, handler.token);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });
});
