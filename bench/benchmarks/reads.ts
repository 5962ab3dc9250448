import type postgres from 'postgres';

/**
 * The read paths a hotline lives on, each as the GraphQL request a client sends and the raw SQL
 * that fetches the same rows (what postgres.js alone would cost: the floor).
 */
export interface ReadBenchmark {
  name: 'list' | 'search' | 'detail';
  label: string;
  /** The body of the n-th request. */
  body(n: number): string;
  /** The same data straight from PostgreSQL. */
  raw(sql: postgres.Sql, n: number): Promise<unknown>;
}

/** What the admin console's ticket list asks for (admin/src/graphql/fragments.ts TICKET_SUMMARY). */
export const SUMMARY = `id number status priority demandType channel title version createdAt updatedAt
  category { id code name } area { id code name } department { id name } assignee { id name }
  sla { acceptDueAt dueAt paused breached escalationLevel policy { id name clock acceptWithin resolveWithin } }`;

export const DETAIL = `${SUMMARY} description address externalRef reply closeReason caller { name phone }
  feedback { satisfaction comment recordedAt }
  events(first: 100) { nodes { id type at note level fromStatus toStatus actor { id name role } department { id name } } }`;

const RUNNING = ['DISPATCHED', 'IN_PROGRESS'] as const;

export interface ReadSamples {
  departmentIds: string[];
  phones: string[];
  ticketIds: string[];
}

const at = <T>(list: T[], n: number) => list[n % list.length]!;

export function readBenchmarks(samples: ReadSamples): ReadBenchmark[] {
  return [
    {
      name: 'list',
      label: 'tickets list: department + status, by DUE_AT, first 50 + totalCount',
      body: (n) =>
        JSON.stringify({
          query: `query List($filter: TicketFilter) { tickets(first: 50, filter: $filter, orderBy: { field: DUE_AT, direction: ASC }) { totalCount nodes { ${SUMMARY} } } }`,
          variables: { filter: { departmentId: at(samples.departmentIds, n), status: RUNNING } },
        }),
      raw: (sql, n) => {
        const department = at(samples.departmentIds, n);
        return Promise.all([
          sql`select * from tickets where status in ${sql(RUNNING)} and department_id = ${department}
              order by due_at asc nulls last, id asc limit 51`,
          sql`select count(*)::int from tickets where status in ${sql(RUNNING)} and department_id = ${department}`,
        ]);
      },
    },
    {
      name: 'search',
      label: 'search by caller phone, first 50 + totalCount',
      body: (n) =>
        JSON.stringify({
          query: `query Search($filter: TicketFilter) { tickets(first: 50, filter: $filter) { totalCount nodes { ${SUMMARY} } } }`,
          variables: { filter: { search: at(samples.phones, n) } },
        }),
      // The API's condition for a whole phone (tickets.query.ts searchCondition, migration 0022).
      raw: (sql, n) => {
        const phone = at(samples.phones, n);
        const numbers = [phone, `86${phone}`, `0086${phone}`];
        const phones = [phone, `+86${phone}`];
        return Promise.all([
          sql`select * from tickets where id = any(array(select tickets_quoting_numbers(${numbers}::text[])))
                or id = any(array(select id from tickets where caller_phone in ${sql(phones)}))
              order by created_at desc nulls last, id desc limit 51`,
          sql`select count(*)::int from (select 1 from tickets where id = any(array(select tickets_quoting_numbers(${numbers}::text[])))
                or id = any(array(select id from tickets where caller_phone in ${sql(phones)}))
              limit 10001) as matching`,
        ]);
      },
    },
    {
      name: 'detail',
      label: 'ticket detail with its events',
      body: (n) =>
        JSON.stringify({
          query: `query Detail($id: ID!) { ticket(id: $id) { ${DETAIL} } }`,
          variables: { id: at(samples.ticketIds, n) },
        }),
      raw: (sql, n) => {
        const id = at(samples.ticketIds, n);
        return Promise.all([
          sql`select * from tickets where id = ${id}`,
          sql`select * from ticket_events where ticket_id = ${id} and id > 0 order by id asc limit 101`,
        ]);
      },
    },
  ];
}

/** The stats query of a 30-day window (the admin dashboard's). */
export const STATS_QUERY = `query Stats($from: DateTime!, $to: DateTime!) {
  stats(from: $from, to: $to) { received dispatched resolved overdue responseRate resolutionRate satisfactionRate
    byCategory { category { code name } count } byDay { date count } } }`;
