import { ManualClock, rollUpAllDirtyDays } from '@hotline/api/services';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import { BASE, DAYS, MINUTE, ticketArbitrary, useGeneratedTickets } from './generated-tickets.js';

// Tuesday 10 March 2026 12:00 in Asia/Shanghai: after every generated ticket.
const clock = new ManualClock(new Date('2026-03-10T04:00:00Z'));
const app = useHotline({ clock });
const generated = useGeneratedTickets(app);
let manager: string;
let agent: string;
let handlerA: string;

beforeAll(async () => {
  manager = (await makeUser(app, 'MANAGER')).token;
  agent = (await makeUser(app, 'AGENT')).token;
  handlerA = (await makeUser(app, 'HANDLER', generated.departmentIds[0])).token;
});

const FIGURES = `volume dispatched acceptedOnTime responseRate resolved excluded resolutionRate resolvedWithDeadline
  resolvedOnTime onTimeResolutionRate feedback satisfied satisfactionRate reopened reopenRate returnedTickets returns
  returnRate supervisedTickets rejectedReturns coHandlingRequests coHandlingExcused coHandlingRepliedOnTime
  coHandlingOnTimeRate score`;
const RANKING = `query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) {
  from to previousFrom previousTo asOf
  weights { responseRate resolutionRate onTimeResolutionRate satisfactionRate reopenRate returnRate updatedAt updatedBy { id } }
  entries { rank department { id code } overdueNow scoreChange current { ${FIGURES} } previous { ${FIGURES} } }
} }`;

interface Figures {
  volume: number;
  dispatched: number;
  acceptedOnTime: number;
  resolved: number;
  excluded: number;
  resolvedWithDeadline: number;
  resolvedOnTime: number;
  feedback: number;
  satisfied: number;
  reopened: number;
  returnedTickets: number;
  supervisedTickets: number;
  coHandlingRequests: number;
  rejectedReturns: number;
  responseRate: number | null;
  resolutionRate: number | null;
  onTimeResolutionRate: number | null;
  satisfactionRate: number | null;
  reopenRate: number | null;
  returnRate: number | null;
  score: number | null;
}
interface Entry {
  rank: number;
  department: { id: string; code: string };
  overdueNow: number;
  scoreChange: number | null;
  current: Figures;
  previous: Figures;
}

const ranking = async (from: Date, to: Date, token = manager) =>
  (
    await app.ok<{ departmentRanking: { entries: Entry[]; previousFrom: string; asOf: string } }>(
      RANKING,
      { from: from.toISOString(), to: to.toISOString() },
      token,
    )
  ).departmentRanking;

/** The console's drill-down: the ticket list filters behind each count of a department's scorecard. */
function drillDowns(departmentId: string): Record<string, Record<string, unknown>> {
  const sent = { dispatchedToDepartmentId: departmentId };
  return {
    volume: sent,
    dispatched: { ...sent, dispatched: true },
    acceptedOnTime: { ...sent, acceptedOnTime: true },
    resolved: { ...sent, resolved: true },
    resolvedOnTime: { ...sent, resolvedOnTime: true },
    feedback: { ...sent, satisfaction: ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] },
    satisfied: { ...sent, satisfaction: ['SATISFIED', 'BASICALLY_SATISFIED'] },
    reopened: { ...sent, reopened: true },
    returnedTickets: { ...sent, returnedByDepartmentId: departmentId },
    supervisedTickets: { ...sent, supervisedDepartmentId: departmentId },
    rejectedReturns: { ...sent, returnRejectedDepartmentId: departmentId },
    // Co-handling requests: the cases of other leads this department was asked to co-handle.
    coHandlingRequests: { coHandlingDepartmentId: departmentId },
  };
}

async function countTickets(filter: Record<string, unknown>): Promise<number> {
  const { tickets } = await app.ok<{ tickets: { totalCount: number } }>(
    'query($filter: TicketFilter) { tickets(first: 1, filter: $filter) { totalCount } }',
    { filter },
    manager,
  );
  return tickets.totalCount;
}

describe('department ranking', () => {
  it('each count of a scorecard equals the totalCount of the ticket list filter it links to, on random tickets', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArbitrary(), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: DAYS - 1 }),
        fc.integer({ min: 1, max: DAYS }),
        async (tickets, startDay, days) => {
          run++;
          await generated.clear();
          await generated.insert(tickets, `s${run}`);
          await rollUpAllDirtyDays(app.hotline.database.db, clock);
          const from = new Date(BASE + startDay * 1440 * MINUTE);
          const to = new Date(from.getTime() + days * 1440 * MINUTE);
          const { entries } = await ranking(from, to);
          for (const departmentId of generated.departmentIds) {
            const entry = entries.find((candidate) => candidate.department.id === departmentId)!;
            const period = { createdAfter: from.toISOString(), createdBefore: to.toISOString() };
            const filters = drillDowns(departmentId);
            for (const [figure, filter] of Object.entries(filters)) {
              expect({ figure, count: await countTickets({ ...filter, ...period }) }).toEqual({
                figure,
                count: entry.current[figure as keyof Figures],
              });
            }
            expect(entry.overdueNow).toBe(await countTickets({ departmentId, overdue: true }));
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 180_000);

  it('ranks by the weighted score a MANAGER sets, audited; month over month against the previous period', async () => {
    await generated.clear();
    const ticket = {
      status: 'CLOSED' as const,
      closeReason: 'RESOLVED' as const,
      dispatched: true,
      resolvedAfter: 60,
      dueAfter: 120,
      category: 0,
      current: 0,
      returnsBy: [],
      reopened: false,
      supervisedAt: [],
      returnRequests: [],
      coHandlers: [],
    };
    // Department A: two tickets on day 3, both accepted on time, one satisfied one dissatisfied and reopened.
    // Department B: one ticket on day 3, accepted late, satisfied. Day 1 (the previous period): A one ticket, late.
    await generated.insert(
      [
        {
          ...ticket,
          createdMinute: 3 * 1440 + 60,
          acceptedOnTime: true,
          satisfaction: 'SATISFIED',
          departments: [0],
        },
        {
          ...ticket,
          createdMinute: 3 * 1440 + 120,
          acceptedOnTime: true,
          satisfaction: 'DISSATISFIED',
          departments: [0],
          reopened: true,
        },
        {
          ...ticket,
          createdMinute: 3 * 1440 + 180,
          acceptedOnTime: false,
          satisfaction: 'SATISFIED',
          departments: [1],
        },
        {
          ...ticket,
          createdMinute: 2 * 1440 + 60,
          acceptedOnTime: false,
          satisfaction: 'SATISFIED',
          departments: [0],
        },
      ],
      'w',
    );
    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    const from = new Date(BASE + 3 * 1440 * MINUTE);
    const to = new Date(BASE + 4 * 1440 * MINUTE);
    const [a, b] = generated.departmentIds as [string, string];

    // Only response rate (A 1, B 0) and satisfaction (A 0.5, B 1) weigh: 3:1 puts A first, 1:3 puts B first.
    const weights = (response: number, satisfaction: number) => ({
      responseRate: response,
      resolutionRate: 0,
      onTimeResolutionRate: 0,
      satisfactionRate: satisfaction,
      reopenRate: 0,
      returnRate: 0,
    });
    const set = (input: Record<string, number>, token = manager) =>
      app.gql(
        `mutation($input: ScorecardWeightsInput!) { setScorecardWeights(input: $input) { responseRate satisfactionRate updatedAt } }`,
        { input },
        token,
      );
    expect(codes(await set(weights(3, 1)))).toEqual([]);
    let entries = (await ranking(from, to)).entries;
    const of = (id: string) => entries.find((entry) => entry.department.id === id)!;
    expect(of(a)).toMatchObject({
      rank: 1,
      current: { score: 87.5, responseRate: 1, satisfactionRate: 0.5 },
    });
    expect(of(b)).toMatchObject({ rank: 2, current: { score: 25 } });
    // Month over month: A's previous day had one ticket, accepted late and satisfied (score 25).
    expect(of(a).previous).toMatchObject({ volume: 1, responseRate: 0, satisfactionRate: 1, score: 25 });
    expect(of(a).scoreChange).toBe(62.5);
    expect(of(b).previous.score).toBeNull();
    expect(of(b).scoreChange).toBeNull();

    expect(codes(await set(weights(1, 3)))).toEqual([]);
    entries = (await ranking(from, to)).entries;
    expect(of(b)).toMatchObject({ rank: 1, current: { score: 75 } });
    expect(of(a)).toMatchObject({ rank: 2, current: { score: 62.5, reopenRate: 0.5 } });

    const audit = await generated.sql<{ action: string; before: unknown; after: unknown }[]>`
      select action, before, after from settings_audit where kind = 'SCORECARD_WEIGHTS' order by id`;
    expect(audit.map((row) => row.action)).toEqual(['CREATED', 'UPDATED']);
    expect(audit[1]!.before).toMatchObject({ responseRate: 3, satisfactionRate: 1 });
    expect(audit[1]!.after).toMatchObject({ responseRate: 1, satisfactionRate: 3 });

    expect(codes(await set(weights(0, 0)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set(weights(101, 1)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set(weights(1, 1), agent))).toEqual(['FORBIDDEN']);
    expect(codes(await set(weights(1, 1), handlerA))).toEqual(['FORBIDDEN']);
    expect(await generated.sql`select id from settings_audit where kind = 'SCORECARD_WEIGHTS'`).toHaveLength(
      2,
    );
  });

  it('a department page: its scorecard by day; a HANDLER sees only its own, never the ranking', async () => {
    const [a, b] = generated.departmentIds as [string, string];
    const query = `query($dept: ID!, $from: DateTime!, $to: DateTime!) { departmentScorecard(departmentId: $dept, from: $from, to: $to) {
      department { id } current { volume score } previous { volume } byDay { date scorecard { volume } } asOf } }`;
    const from = new Date(BASE + 2 * 1440 * MINUTE).toISOString();
    const to = new Date(BASE + 4 * 1440 * MINUTE).toISOString();
    const { departmentScorecard } = await app.ok(query, { dept: a, from, to }, handlerA);
    expect(departmentScorecard).toMatchObject({
      department: { id: a },
      current: { volume: 3 },
      previous: { volume: 0 },
      byDay: [
        { date: '2026-03-04', scorecard: { volume: 1 } },
        { date: '2026-03-05', scorecard: { volume: 2 } },
      ],
      asOf: clock.now().toISOString(),
    });
    expect(codes(await app.gql(query, { dept: b, from, to }, handlerA))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(RANKING, { from, to }, handlerA))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(RANKING, { from: to, to: from }, manager))).toEqual(['BAD_USER_INPUT']);
  });
});
