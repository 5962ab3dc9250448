import { print } from '@0no-co/graphql.web';
import type { GetListParams } from 'react-admin';
import { gql } from '../graphql/client';
import { TicketDetailFields, TicketSummaryFields } from '../graphql/fragments';
import { graphql, type VariablesOf } from '../graphql/graphql';
import type { TicketSummary } from '../graphql/types';
import { notFound, type ResourceHandlers } from './resource';

export const TICKET_SORT_FIELDS = {
  createdAt: 'CREATED_AT',
  updatedAt: 'UPDATED_AT',
  'sla.dueAt': 'DUE_AT',
  number: 'NUMBER',
} as const;

const MAX_PAGE = 100;

const FILTER_KEYS = [
  'status',
  'priority',
  'departmentId',
  'assigneeId',
  'categoryCode',
  'areaCode',
  'overdue',
  'createdAfter',
  'createdBefore',
  'search',
  'externalRef',
  // Served beyond the contract: escalated in the current SLA cycle; returned twice, waiting for a manager.
  'escalated',
  'needsManager',
  'supervised',
  'supervisionOverdue',
  // The tickets behind a department scorecard's figures (the ranking's drill-down).
  'dispatchedToDepartmentId',
  'dispatched',
  'acceptedOnTime',
  'resolved',
  'resolvedOnTime',
  'satisfaction',
  'reopened',
  'returnedByDepartmentId',
  'supervisedDepartmentId',
  'coHandling',
  // 多诉一案: the callers of one incident; callers' tickets only (or none).
  'incidentId',
  'isIncidentChild',
  // The list's map area (south, west, north, east in WGS-84 degrees).
  'within',
] as const;

const LIST_KEYS = new Set(['status', 'priority', 'satisfaction']);

/** Turns react-admin's filter values into the contract's TicketFilter, dropping blanks and unknown keys. */
export function toTicketFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = key === 'search' ? (filter.search ?? filter.q) : filter[key];
    if (value === undefined || value === null || value === '') continue;
    if (LIST_KEYS.has(key)) {
      const list = Array.isArray(value) ? value : [value];
      if (list.length > 0) result[key] = list;
    } else {
      result[key] = value;
    }
  }
  return result;
}

export function toTicketOrder(sort: GetListParams['sort']) {
  const field = TICKET_SORT_FIELDS[sort?.field as keyof typeof TICKET_SORT_FIELDS] ?? 'CREATED_AT';
  return { field, direction: sort?.order === 'ASC' ? ('ASC' as const) : ('DESC' as const) };
}

export function toTicketPage(pagination: GetListParams['pagination']) {
  const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
  const first = Math.min(Math.max(perPage, 1), MAX_PAGE);
  return { first, offset: (page - 1) * first };
}

/** The API counts matching tickets exactly up to this many (`totalCountIsExact`). */
export const TICKET_COUNT_BOUND = 10_000;

const ListQuery = graphql(
  `query Tickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {
    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount totalCountIsExact nodes { ...TicketSummaryFields }
    }
  }`,
  [TicketSummaryFields],
);

const OneQuery = graphql(`query Ticket($id: ID!) { ticket(id: $id) { ...TicketDetailFields } }`, [
  TicketDetailFields,
]);

const CreateMutation = graphql(
  `mutation CreateTicket($input: CreateTicketInput!) { createTicket(input: $input) { ...TicketSummaryFields lookupCode } }`,
  [TicketSummaryFields],
);

/** One alias per id, each reading the summary fragment (a query built at run time, so typed by hand). */
function manyQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$id${index}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, index) => `t${index}: ticket(id: $id${index}) { ...TicketSummaryFields }`,
  ).join('\n');
  return `query TicketsById(${variables}) { ${fields} }\n${print(TicketSummaryFields)}`;
}

/** The intake form's point: both coordinates (WGS-84, as the map picks them) or none. */
function toLocationInput(value: unknown): { lat: number; lng: number } | null {
  const point = value as { lat?: unknown; lng?: unknown } | null | undefined;
  const lat = point?.lat;
  const lng = point?.lng;
  if (typeof lat !== 'number' || typeof lng !== 'number') return null;
  return { lat, lng };
}

const CREATE_FIELDS = [
  'title',
  'description',
  'demandType',
  'channel',
  'priority',
  'categoryCode',
  'areaCode',
  'address',
  'location',
  'callerName',
  'callerPhone',
  'callerEmail',
  'callerLanguage',
  'externalRef',
  'idempotencyKey',
  'autoDispatch',
  'answeredFromArticleId',
] as const;

export const tickets: ResourceHandlers = {
  getList: async ({ pagination, sort, filter, signal }) => {
    const variables = {
      ...toTicketPage(pagination),
      filter: toTicketFilter(filter),
      orderBy: toTicketOrder(sort),
    } as VariablesOf<typeof ListQuery>;
    const { tickets: connection } = await gql(ListQuery, variables, signal);
    // Past the bound the count is the planner's estimate: the list says "10,000+" (TicketPagination).
    const total = connection.totalCountIsExact ? connection.totalCount : TICKET_COUNT_BOUND + 1;
    return { data: connection.nodes, total };
  },
  getOne: async ({ id, signal }) => {
    const { ticket } = await gql(OneQuery, { id: String(id) }, signal);
    return { data: ticket ?? notFound() };
  },
  getMany: async ({ ids, signal }) => {
    const chunk = ids.slice(0, MAX_PAGE);
    if (chunk.length === 0) return { data: [] };
    const variables = Object.fromEntries(chunk.map((id, index) => [`id${index}`, id]));
    const result = await gql<Record<string, TicketSummary | null>>(
      manyQuery(chunk.length),
      variables,
      signal,
    );
    return {
      data: chunk
        .map((_, index) => result[`t${index}`])
        .filter((ticket): ticket is TicketSummary => !!ticket),
    };
  },
  create: async ({ data }) => {
    const input = Object.fromEntries(
      CREATE_FIELDS.filter((key) => data[key] !== undefined && data[key] !== '').map((key) => [
        key,
        key === 'location' ? toLocationInput(data.location) : data[key],
      ]),
    );
    if (input.location === null) delete input.location;
    const { createTicket } = await gql(CreateMutation, {
      input: input as VariablesOf<typeof CreateMutation>['input'],
    });
    return { data: createTicket };
  },
};

const AssigneeCandidates = graphql(
  `query AssigneeCandidates($departmentId: ID) { users(departmentId: $departmentId) { id name } }`,
);

/** The staff of a department (the served `users` query), for the assign form; a user id may also be typed in. */
export async function listAssigneeCandidates(departmentId: string): Promise<{ id: string; name: string }[]> {
  return (await gql(AssigneeCandidates, { departmentId })).users;
}
