import { gql } from '../graphql/client';
import { StatsFields } from '../graphql/fragments';
import { graphql } from '../graphql/graphql';
import type { HotlineStats } from '../graphql/types';

const StatsQuery = graphql(
  `query Stats($from: DateTime!, $to: DateTime!, $departmentId: ID) {
    stats(from: $from, to: $to, departmentId: $departmentId) { ...StatsFields }
  }`,
  [StatsFields],
);

export async function getStats(from: string, to: string, departmentId?: string): Promise<HotlineStats> {
  return (await gql(StatsQuery, { from, to, departmentId })).stats;
}

const ALIASES_PER_REQUEST = 25;

/** Overdue open tickets per department, counted with `tickets(filter: {overdue, departmentId}).totalCount`. */
export async function countOverdueByDepartment(
  departments: { id: string; name: string }[],
): Promise<{ id: string; name: string; overdue: number }[]> {
  const results: { id: string; name: string; overdue: number }[] = [];
  for (let start = 0; start < departments.length; start += ALIASES_PER_REQUEST) {
    const chunk = departments.slice(start, start + ALIASES_PER_REQUEST);
    const declarations = chunk.map((_, index) => `$d${index}: ID!`).join(', ');
    const fields = chunk
      .map(
        (_, index) =>
          `c${index}: tickets(first: 1, filter: { overdue: true, departmentId: $d${index} }) { totalCount }`,
      )
      .join('\n');
    const variables = Object.fromEntries(chunk.map((department, index) => [`d${index}`, department.id]));
    const counts = await gql<Record<string, { totalCount: number }>>(
      `query OverdueByDepartment(${declarations}) { ${fields} }`,
      variables,
    );
    chunk.forEach((department, index) => {
      results.push({ ...department, overdue: counts[`c${index}`]?.totalCount ?? 0 });
    });
  }
  return results;
}

export interface EscalationToday {
  ticketId: string;
  number: string;
  title: string;
  department: string | null;
  level: number;
  at: string;
}

const EscalationsQuery = graphql(`query EscalationsToday {
  tickets(first: 50, filter: { overdue: true }, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { id number title department { name } events(first: 50) { nodes { type at level } } }
  }
}`);

/**
 * ESCALATED events since `since`, read from the most recently updated overdue tickets: the contract
 * has no escalation filter, and escalation only happens to tickets past their deadline.
 */
export async function getEscalationsSince(since: string): Promise<EscalationToday[]> {
  const { tickets } = await gql(EscalationsQuery, {});
  const sinceTime = Date.parse(since);
  return tickets.nodes.flatMap((ticket) =>
    ticket.events.nodes
      .filter((event) => event.type === 'ESCALATED' && Date.parse(event.at) >= sinceTime)
      .map((event) => ({
        ticketId: ticket.id,
        number: ticket.number,
        title: ticket.title,
        department: ticket.department?.name ?? null,
        level: event.level ?? 0,
        at: event.at,
      })),
  );
}

const SlaReportQuery =
  graphql(`query SlaReport($from: DateTime!, $to: DateTime!, $departmentId: ID, $first: Int, $offset: Int) {
  slaReport(from: $from, to: $to, departmentId: $departmentId) {
    overall { tickets acceptMet acceptMissed acceptRate resolveMet resolveMissed resolveRate avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes }
    byPriority { priority tickets acceptMet acceptMissed acceptRate resolveMet resolveMissed resolveRate avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes }
    byDepartment { department { id name } tickets acceptMet acceptMissed acceptRate resolveMet resolveMissed resolveRate avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes }
    byCategory { category { id name } tickets acceptMet acceptMissed acceptRate resolveMet resolveMissed resolveRate avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes }
    breaches(first: $first, offset: $offset) {
      totalCount
      nodes { ticket { id number title } priority deadline cause dueAt metAt department { name } lateByMinutes lateByWorkingMinutes }
    }
  }
}`);

export type SlaReportData = Awaited<ReturnType<typeof getSlaReport>>;

/** The SLA report of tickets created in [from, to), with one page of its missed deadlines. */
export async function getSlaReport(args: {
  from: string;
  to: string;
  departmentId?: string;
  first: number;
  offset: number;
}) {
  return (await gql(SlaReportQuery, args)).slaReport;
}
