import type { Satisfaction } from '@hotline/schema';
import { type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';

/**
 * The ticket list filters behind each figure of `stats` and the department scorecard: with
 * createdAfter/createdBefore set to the figure's period, `totalCount` equals the figure (the roll-up
 * counts with the same definitions, api/src/modules/rollups/rollup-figures.ts).
 */
export interface FigureFilter {
  dispatchedToDepartmentId?: string | null;
  returnedByDepartmentId?: string | null;
  dispatched?: boolean | null;
  acceptedOnTime?: boolean | null;
  resolved?: boolean | null;
  resolvedOnTime?: boolean | null;
  reopened?: boolean | null;
  satisfaction?: Satisfaction[] | null;
  supervised?: boolean | null;
  supervisedDepartmentId?: string | null;
  coHandlingDepartmentId?: string | null;
  returnRejectedDepartmentId?: string | null;
}

const RESOLVED = sql`(tickets.status = 'RESOLVED' or tickets.close_reason in ('RESOLVED', 'ANSWERED_DIRECTLY'))`;
const ACCEPTED_ON_TIME = sql`(tickets.first_dispatched_at is not null and tickets.accepted_on_time)`;
const TIMED = sql`${RESOLVED} and tickets.resolved_at is not null and tickets.due_at is not null`;
const REOPENED = sql`exists (select 1 from ticket_events e where e.ticket_id = tickets.id and e.type = 'REOPENED')`;
const SUPERVISED = sql`exists (select 1 from supervisions s where s.ticket_id = tickets.id)`;

const either = (wanted: boolean, condition: SQL) =>
  wanted ? condition : sql`not coalesce(${condition}, false)`;

export function figureConditions(filter: FigureFilter): SQL[] {
  const conditions: SQL[] = [];
  const uuid = (field: string, id: string) => {
    if (!isUuid(id)) throw badInput(`filter.${field} is not a department id`, `filter.${field}`);
    return id;
  };
  if (filter.dispatchedToDepartmentId) {
    const id = uuid('dispatchedToDepartmentId', filter.dispatchedToDepartmentId);
    conditions.push(
      sql`exists (select 1 from ticket_departments td where td.ticket_id = tickets.id and td.department_id = ${id}::uuid)`,
    );
  }
  if (filter.returnedByDepartmentId) {
    const id = uuid('returnedByDepartmentId', filter.returnedByDepartmentId);
    conditions.push(
      sql`exists (select 1 from ticket_events e where e.ticket_id = tickets.id and e.type = 'RETURNED' and e.department_id = ${id}::uuid)`,
    );
  }
  if (filter.supervisedDepartmentId) {
    const id = uuid('supervisedDepartmentId', filter.supervisedDepartmentId);
    conditions.push(
      sql`exists (select 1 from supervisions s where s.ticket_id = tickets.id and s.department_id = ${id}::uuid)`,
    );
  }
  if (filter.coHandlingDepartmentId) {
    const id = uuid('coHandlingDepartmentId', filter.coHandlingDepartmentId);
    conditions.push(
      sql`exists (select 1 from ticket_co_handlers c where c.ticket_id = tickets.id and c.department_id = ${id}::uuid)`,
    );
  }
  if (filter.returnRejectedDepartmentId) {
    const id = uuid('returnRejectedDepartmentId', filter.returnRejectedDepartmentId);
    conditions.push(
      sql`exists (select 1 from return_requests r where r.ticket_id = tickets.id and r.status = 'REJECTED' and r.department_id = ${id}::uuid)`,
    );
  }
  if (filter.supervised != null) conditions.push(filter.supervised ? SUPERVISED : sql`not ${SUPERVISED}`);
  if (filter.dispatched != null)
    conditions.push(
      filter.dispatched
        ? sql`tickets.first_dispatched_at is not null`
        : sql`tickets.first_dispatched_at is null`,
    );
  if (filter.acceptedOnTime != null) conditions.push(either(filter.acceptedOnTime, ACCEPTED_ON_TIME));
  if (filter.resolved != null) conditions.push(either(filter.resolved, RESOLVED));
  if (filter.resolvedOnTime != null)
    conditions.push(
      sql`${TIMED} and tickets.resolved_at ${filter.resolvedOnTime ? sql`<=` : sql`>`} tickets.due_at`,
    );
  if (filter.reopened != null) conditions.push(filter.reopened ? REOPENED : sql`not ${REOPENED}`);
  if (filter.satisfaction?.length) {
    const values = sql.join(
      filter.satisfaction.map((value) => sql`${value}`),
      sql`, `,
    );
    conditions.push(sql`tickets.satisfaction in (${values})`);
  }
  return conditions;
}
