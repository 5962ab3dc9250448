import { date, index, integer, pgTable, uuid } from 'drizzle-orm/pg-core';

const counter = () => integer().notNull().default(0);

/**
 * The reporting figures of tickets by the day they were created (in the business calendar's zone),
 * per department and top category: additive counters only, so any range of days is a plain SUM.
 * Rows with a null department count every ticket once (city-wide); a department's rows count the
 * tickets sent there at least once. Maintained by the workers (rollups.service): a change to a ticket
 * marks its day in rollup_dirty_days and the day is rolled up again from the tickets.
 */
export const dailyRollups = pgTable(
  'daily_rollups',
  {
    day: date({ mode: 'string' }).notNull(),
    departmentId: uuid(),
    categoryId: uuid(),
    received: counter(),
    dispatched: counter(),
    acceptedOnTime: counter(),
    resolved: counter(),
    /** Closed OUT_OF_SCOPE, DUPLICATE or WITHDRAWN: outside the resolution rate. */
    excluded: counter(),
    outOfScope: counter(),
    /** Resolved with a resolution deadline, and of those resolved by it. */
    resolvedWithDeadline: counter(),
    resolvedOnTime: counter(),
    feedback: counter(),
    satisfied: counter(),
    /** Tickets reopened at least once (DISSATISFIED feedback). */
    reopened: counter(),
    /** RETURNED events (city-wide: by any department; a department's rows: by that department). */
    returns: counter(),
    /** Tickets with at least one such return. */
    returnedTickets: counter(),
    /**
     * Tickets supervised (督办/催办) at least once (city-wide: by a manager at any time; a department's
     * rows: while that department was responsible).
     */
    supervised: counter(),
    /**
     * Co-handling (协办) requests the department received, on its own rows only (a co-handler's rows
     * carry no ticket counters: the case counts for the lead); of those, the ones a manager waived or
     * that the case cancelled, and the ones replied by their deadline.
     */
    coHandlingRequests: counter(),
    coHandlingExcused: counter(),
    coHandlingRepliedOnTime: counter(),
    /**
     * Tickets with a return request (派单异议) a manager rejected (city-wide: any department's; a
     * department's rows: one that department asked for).
     */
    rejectedReturns: counter(),
  },
  (t) => [index('daily_rollups_department_day_idx').on(t.departmentId, t.day)],
);

export type DailyRollupRow = typeof dailyRollups.$inferSelect;
