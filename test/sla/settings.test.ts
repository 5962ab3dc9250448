import { describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();

const POLICY_FIELDS =
  'id name priority clock acceptWithin resolveWithin remindAt escalation { level after notifyDepartment { id } }';
const UPSERT = `mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const SET_CALENDAR =
  'mutation($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone workdays hours { start end } holidays extraWorkdays } }';

const complex = {
  name: '疑难件',
  priority: 'COMPLEX',
  clock: 'BUSINESS',
  acceptWithin: 'P1D',
  resolveWithin: 'P7D',
  remindAt: [0.5, 0.8],
  escalation: [
    { level: 1, after: 'PT0S' },
    { level: 2, after: 'P1D' },
  ],
};

describe('SLA policies', () => {
  it('serves the 1-3-7 defaults', async () => {
    const data = await app.ok<{ slaPolicies: any[] }>(
      `{ slaPolicies { ${POLICY_FIELDS} } }`,
      {},
      app.adminToken,
    );
    const byPriority = Object.fromEntries(data.slaPolicies.map((policy) => [policy.priority, policy]));
    expect(byPriority.EMERGENCY).toMatchObject({
      clock: 'CALENDAR',
      acceptWithin: 'PT2H',
      resolveWithin: 'P1D',
    });
    expect(byPriority.ORDINARY).toMatchObject({
      clock: 'BUSINESS',
      acceptWithin: 'PT4H',
      resolveWithin: 'P3D',
    });
    expect(byPriority.COMPLEX).toMatchObject({
      clock: 'BUSINESS',
      acceptWithin: 'P1D',
      resolveWithin: 'P7D',
    });
    expect(byPriority.ORDINARY.remindAt).toEqual([0.5, 0.8]);
    expect(byPriority.ORDINARY.escalation).toEqual([
      { level: 1, after: 'PT0S', notifyDepartment: null },
      { level: 2, after: 'P1D', notifyDepartment: null },
    ]);
  });

  it('replaces the policy of its priority and returns durations as set', async () => {
    const supervisor = await makeDepartment(app);
    const input = {
      ...complex,
      acceptWithin: 'PT36H',
      resolveWithin: 'P7DT4H',
      remindAt: [0.25, 0.9],
      escalation: [...complex.escalation, { level: 3, after: 'P2D', notifyDepartmentId: supervisor.id }],
    };
    const saved = (await app.ok<{ upsertSlaPolicy: any }>(UPSERT, { input }, app.adminToken)).upsertSlaPolicy;
    expect(saved).toMatchObject({ acceptWithin: 'PT36H', resolveWithin: 'P7DT4H', remindAt: [0.25, 0.9] });
    expect(saved.escalation[2]).toEqual({ level: 3, after: 'P2D', notifyDepartment: { id: supervisor.id } });
    const all = await app.ok<{ slaPolicies: any[] }>(
      `{ slaPolicies { ${POLICY_FIELDS} } }`,
      {},
      app.adminToken,
    );
    const complexes = all.slaPolicies.filter((policy) => policy.priority === 'COMPLEX');
    expect(complexes).toEqual([saved]);
  });

  it('lists every problem of a bad policy as BAD_USER_INPUT', async () => {
    const input = {
      ...complex,
      resolveWithin: 'PT0S',
      remindAt: [0, 0.5, 1.2],
      escalation: [
        { level: 1, after: 'P1D' },
        { level: 3, after: 'PT1H', notifyDepartmentId: '00000000-0000-4000-8000-000000000000' },
      ],
    };
    const result = await app.gql(UPSERT, { input }, app.adminToken);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    const message = result.errors?.[0]?.message ?? '';
    for (const part of [
      'resolveWithin must be longer than zero',
      'remindAt 0 ',
      'remindAt 1.2',
      'levels must be 1..2',
      'comes before',
      'not a known department',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('refuses callers that are not MANAGER or ADMIN', async () => {
    const agent = await makeUser(app, 'AGENT');
    expect(codes(await app.gql(UPSERT, { input: complex }, agent.token))).toEqual(['FORBIDDEN']);
    const manager = await makeUser(app, 'MANAGER');
    expect((await app.gql(UPSERT, { input: complex }, manager.token)).errors).toBeUndefined();
  });
});

describe('business calendar', () => {
  const calendar = {
    timezone: 'Asia/Shanghai',
    workdays: [1, 2, 3, 4, 5],
    hours: [
      { start: '14:30', end: '18:00' },
      { start: '08:30', end: '12:00' },
    ],
    holidays: ['2026-10-01', '2026-10-02'],
    extraWorkdays: ['2026-10-10'],
  };

  it('is replaced by setBusinessCalendar, working hours in order', async () => {
    const saved = (
      await app.ok<{ setBusinessCalendar: any }>(SET_CALENDAR, { input: calendar }, app.adminToken)
    ).setBusinessCalendar;
    expect(saved).toEqual({
      ...calendar,
      hours: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '18:00' },
      ],
    });
    const read = await app.ok<{ businessCalendar: any }>(
      '{ businessCalendar { timezone workdays hours { start end } holidays extraWorkdays } }',
      {},
      app.adminToken,
    );
    expect(read.businessCalendar).toEqual(saved);
  });

  it('refuses overlapping ranges, an end before its start and an unknown zone, naming each', async () => {
    const input = {
      ...calendar,
      timezone: 'Mars/Olympus',
      hours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '13:00' },
        { start: '18:00', end: '17:00' },
      ],
    };
    const result = await app.gql(SET_CALENDAR, { input }, app.adminToken);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems).toEqual(
      expect.arrayContaining([
        'unknown time zone "Mars/Olympus"',
        'working hours 18:00-17:00: end is not after start',
        'working hours 08:30-12:00 and 11:00-13:00 overlap',
      ]),
    );
  });

  it('is changed only by a MANAGER or ADMIN', async () => {
    const handler = await makeUser(app, 'HANDLER', (await makeDepartment(app)).id);
    expect(codes(await app.gql(SET_CALENDAR, { input: calendar }, handler.token))).toEqual(['FORBIDDEN']);
  });
});
