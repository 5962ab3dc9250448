import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { makeDepartments } from '../routing/routing-support.js';
import type { TestHotline } from '../support/hotline.js';

/** Monday 2 March 2026 00:00 in Asia/Shanghai: generated tickets are created in the DAYS after it. */
export const BASE = Date.parse('2026-03-02T00:00:00+08:00');
export const MINUTE = 60_000;
export const DAYS = 5;
const STATUSES = ['NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'RESOLVED', 'CLOSED'] as const;
const CLOSE_REASONS = ['RESOLVED', 'ANSWERED_DIRECTLY', 'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN'] as const;
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
const CO_HANDLING_STATUSES = ['PENDING', 'ACCEPTED', 'REPLIED', 'WAIVED', 'CANCELLED'] as const;

/** One generated ticket: any combination of the columns the figures read, and its returns and reopens. */
export const ticketArbitrary = () =>
  fc.record({
    createdMinute: fc.integer({ min: 0, max: DAYS * 24 * 60 - 1 }),
    status: fc.constantFrom(...STATUSES),
    closeReason: fc.constantFrom(...CLOSE_REASONS),
    dispatched: fc.boolean(),
    acceptedOnTime: fc.constantFrom(null, true, false),
    resolvedAfter: fc.option(fc.integer({ min: 1, max: 6000 })),
    dueAfter: fc.option(fc.integer({ min: 1, max: 6000 })),
    satisfaction: fc.option(fc.constantFrom(...SATISFACTIONS)),
    category: fc.nat(),
    departments: fc.subarray([0, 1, 2]),
    current: fc.nat(),
    returnsBy: fc.array(fc.nat(), { maxLength: 3 }),
    reopened: fc.boolean(),
    /** Supervisions (督办/催办), each by one of the departments it was sent to. */
    supervisedAt: fc.array(fc.nat(), { maxLength: 2 }),
    /** Co-handling (协办) requests of any of the three departments, in any state. */
    coHandlers: fc.array(
      fc.record({
        department: fc.nat(),
        status: fc.constantFrom(...CO_HANDLING_STATUSES),
        dueAfter: fc.integer({ min: 1, max: 6000 }),
        repliedAfter: fc.integer({ min: 1, max: 6000 }),
      }),
      { maxLength: 3 },
    ),
    /** Return requests (派单异议), each by one of the departments it was sent to, decided either way. */
    returnRequests: fc.array(fc.record({ by: fc.nat(), rejected: fc.boolean() }), { maxLength: 2 }),
  });
export type GeneratedTicket = ReturnType<ReturnType<typeof ticketArbitrary>['generate']>['value'];

export interface GeneratedTickets {
  sql: postgres.Sql;
  departmentIds: string[];
  /** Inserts the tickets as rows (as any writer would: the roll-up triggers fire); returns their ids. */
  insert(tickets: GeneratedTicket[], tag: string): Promise<string[]>;
  /** Removes every ticket and the roll-up built from them. */
  clear(): Promise<void>;
}

/** Three departments and a writer of generated tickets straight into the test database. */
export function useGeneratedTickets(app: TestHotline): GeneratedTickets {
  const state = {} as GeneratedTickets & { categoryIds: (string | null)[]; creatorId: string };
  beforeAll(async () => {
    state.sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
    state.departmentIds = Object.values(await makeDepartments(app, ['ROLL_A', 'ROLL_B', 'ROLL_C']));
    const categories = await state.sql<{ id: string }[]>`select id from categories order by code limit 6`;
    state.categoryIds = [null, ...categories.map((row) => row.id)];
    const [creator] = await state.sql<{ id: string }[]>`select id from users limit 1`;
    state.creatorId = creator!.id;
  });
  afterAll(async () => {
    await state.sql?.end({ timeout: 5 });
  });
  state.insert = async (tickets, tag) => {
    const { sql, departmentIds, categoryIds, creatorId } = state;
    const ids: string[] = [];
    for (const [index, ticket] of tickets.entries()) {
      const createdAt = new Date(BASE + ticket.createdMinute * MINUTE);
      const at = (minutes: number | null) =>
        minutes == null ? null : new Date(createdAt.getTime() + minutes * MINUTE);
      const sent = ticket.departments.map((i) => departmentIds[i]!);
      const current = sent.length ? sent[ticket.current % sent.length]! : null;
      const [row] = await sql<
        { id: string }[]
      >`insert into tickets (number, status, priority, demand_type, channel,
          title, description, category_id, department_id, created_at, updated_at, created_by_id,
          first_dispatched_at, accepted_on_time, resolved_at, due_at, satisfaction, close_reason)
        values (${`R${tag}-${index}`}, ${ticket.status}, 'ORDINARY', 'COMPLAINT', 'PHONE', 't', 'd',
          ${categoryIds[ticket.category % categoryIds.length]!}, ${current}, ${createdAt}, ${createdAt}, ${creatorId},
          ${ticket.dispatched || sent.length ? createdAt : null}, ${ticket.acceptedOnTime},
          ${at(ticket.resolvedAfter)}, ${at(ticket.dueAfter)}, ${ticket.satisfaction},
          ${ticket.status === 'CLOSED' ? ticket.closeReason : null})
        returning id`;
      const id = row!.id;
      ids.push(id);
      for (const department of sent)
        await sql`insert into ticket_departments (ticket_id, department_id, first_at) values (${id}, ${department}, ${createdAt})`;
      for (const by of ticket.returnsBy) {
        const department = sent.length ? sent[by % sent.length]! : null;
        await sql`insert into ticket_events (ticket_id, type, at, department_id) values (${id}, 'RETURNED', ${createdAt}, ${department})`;
      }
      for (const [i, by] of ticket.supervisedAt.entries()) {
        if (!sent.length) continue;
        await sql`insert into supervisions (ticket_id, department_id, level, note, due_at, status, supervised_by_id, created_at)
          values (${id}, ${sent[by % sent.length]!}, 'SUPERVISE', 'n', ${at(60)}, ${i === ticket.supervisedAt.length - 1 ? 'OPEN' : 'SUPERSEDED'},
            ${creatorId}, ${createdAt})`;
      }
      const open = new Set<string>();
      for (const part of ticket.coHandlers) {
        const department = departmentIds[part.department % departmentIds.length]!;
        // One open part per department (a unique index): a second one is generated cancelled.
        const isOpen = part.status === 'PENDING' || part.status === 'ACCEPTED';
        const status = isOpen && open.has(department) ? 'CANCELLED' : part.status;
        if (isOpen) open.add(department);
        await sql`insert into ticket_co_handlers (ticket_id, department_id, status, due_at, created_at, replied_at)
          values (${id}, ${department}, ${status}, ${at(part.dueAfter)}, ${createdAt},
            ${status === 'REPLIED' ? at(part.repliedAfter) : null})`;
      }
      for (const request of ticket.returnRequests) {
        if (!sent.length) continue;
        await sql`insert into return_requests (ticket_id, department_id, requested_by_id, reason, status, decided_at, created_at)
          values (${id}, ${sent[request.by % sent.length]!}, ${creatorId}, 'r', ${request.rejected ? 'REJECTED' : 'APPROVED'},
            ${createdAt}, ${createdAt})`;
      }
      if (ticket.reopened)
        await sql`insert into ticket_events (ticket_id, type, at) values (${id}, 'REOPENED', ${createdAt})`;
    }
    return ids;
  };
  state.clear = async () => {
    await state.sql`truncate ticket_events, ticket_departments, ticket_co_handlers, outbox, return_requests, tickets cascade`;
    await state.sql`delete from daily_rollups`;
    await state.sql`delete from rollup_dirty_days`;
  };
  return state;
}
