import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, graphql } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchViewer } from '../auth/auth-store';
import { authProvider } from '../auth-provider';
import { TICKET_ACTIONS, type TicketAction } from '../data/ticket-actions';
import { dataProvider } from '../data-provider';

// The served schema (a superset of the public contract, kept fresh by the server's own test): the console
// also uses its `users` query and `escalated` ticket filter.
const contract = buildSchema(
  readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'),
);

interface Sent {
  query: string;
  variables?: Record<string, unknown>;
}

/** Captures every request an operation sends; the fake answer makes the operation itself fail, which is fine. */
async function sentBy(operation: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)) as Sent);
      return new Response(JSON.stringify({ data: null }), { status: 200 });
    }),
  );
  await operation().catch(() => undefined);
  return sent;
}

/** Validation and variable errors come without a path; execution errors (no resolvers here) have one. */
async function contractErrors({ query, variables }: Sent): Promise<string[]> {
  const result = await graphql({ schema: contract, source: query, variableValues: variables, rootValue: {} });
  return (result.errors ?? []).filter((error) => !error.path).map((error) => error.message);
}

const ticket = { id: 't1', version: 3 };
const ruleData = {
  name: 'r',
  enabled: true,
  departmentId: 'd1',
  priority: 'EMERGENCY',
  conditions: { keywords: ['停水'] },
};
const policyData = {
  name: '一般',
  priority: 'ORDINARY',
  clock: 'BUSINESS',
  acceptWithin: 'PT4H',
  resolveWithin: 'P3D',
  remindAt: [0.5],
  escalation: [{ level: 1, after: 'PT0S', notifyDepartmentId: 'd1' }],
};
const calendar = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [{ start: '08:30', end: '12:00' }],
  holidays: ['2026-10-01'],
  extraWorkdays: [],
};
const actionVariables: Record<TicketAction, Record<string, unknown>> = {
  dispatch: { departmentId: 'd1', note: 'n' },
  accept: {},
  assign: { userId: 'u1' },
  return: { reason: 'r' },
  reassign: { departmentId: 'd2', reason: 'r' },
  hold: { reason: 'r' },
  resume: {},
  requestExtension: { until: '2026-10-08T10:00:00Z', reason: 'r' },
  decideExtension: { approve: true, note: 'n' },
  resolve: { reply: 'r' },
  feedback: { satisfaction: 'SATISFIED', comment: 'c' },
  close: { reason: 'DUPLICATE', note: 'n' },
  addNote: { body: 'b', visibility: 'PUBLIC' },
  supervise: { level: 'SUPERVISE', note: 'n', replyWithinHours: 24 },
  replySupervision: { reply: 'r' },
  acceptCoHandling: {},
  replyCoHandling: { reply: 'r' },
  remindCoHandler: { departmentId: 'd', note: 'n' },
  waiveCoHandler: { departmentId: 'd', reason: 'r' },
  linkToIncident: { parentTicketId: 't2', reason: 'r' },
  unlinkFromIncident: { reason: 'r' },
};
const list = {
  pagination: { page: 2, perPage: 25 },
  sort: { field: 'sla.dueAt', order: 'ASC' as const },
  filter: { status: ['NEW'], overdue: true, categoryCode: 'WATER', search: '停水' },
};

const operations: Record<string, () => Promise<unknown>> = {
  login: () => authProvider.login({ username: 'a@b.c', password: 'p' }),
  me: () => fetchViewer(),
  'tickets.getList': () => dataProvider.getList('tickets', list),
  'tickets.getList escalated': () =>
    dataProvider.getList('tickets', { ...list, filter: { escalated: true, needsManager: false } }),
  'users.getList': () => dataProvider.getList('users', { ...list, filter: { departmentId: 'd1' } }),
  'tickets.getOne': () => dataProvider.getOne('tickets', { id: 't1' }),
  'tickets.getMany': () => dataProvider.getMany('tickets', { ids: ['t1', 't2'] }),
  'tickets.create': () =>
    dataProvider.create('tickets', {
      data: { title: 't', description: 'd', demandType: 'COMPLAINT', channel: 'PHONE', autoDispatch: true },
    }),
  assigneeCandidates: () => dataProvider.listAssigneeCandidates('d1'),
  ...Object.fromEntries(
    (Object.keys(TICKET_ACTIONS) as TicketAction[]).map((action) => [
      `action.${action}`,
      () => dataProvider.runTicketAction(action, ticket, actionVariables[action] as never),
    ]),
  ),
  departments: () => dataProvider.getList('departments', list),
  'departments.create': () =>
    dataProvider.create('departments', { data: { code: 'c', name: 'n', kind: 'BUREAU', parentId: 'd0' } }),
  'departments.update': () =>
    dataProvider.update('departments', {
      id: 'd1',
      data: { code: 'c', name: 'n', kind: 'BUREAU', active: false },
      previousData: { id: 'd1' },
    }),
  categories: () => dataProvider.getList('categories', list),
  areas: () => dataProvider.getList('areas', list),
  'users.create': () =>
    dataProvider.create('users', {
      data: { email: 'a@b.c', name: 'n', password: 'p', role: 'HANDLER', departmentId: 'd1' },
    }),
  apiClients: () => dataProvider.getList('api-clients', list),
  'users.getOne': () => dataProvider.getOne('users', { id: 'u1' }),
  'users.update': () =>
    dataProvider.update('users', {
      id: 'u1',
      data: { role: 'HANDLER', departmentId: 'd1', name: 'n' },
      previousData: { id: 'u1' },
    }),
  deactivateUser: () => dataProvider.deactivateUser('u1'),
  resetPassword: () => dataProvider.resetPassword('u1', 'new-password-1'),
  changePassword: () => dataProvider.changePassword('old-password', 'new-password-1'),
  'apiClients.create': () => dataProvider.create('api-clients', { data: { name: 'n', role: 'INTEGRATION' } }),
  revokeApiClient: () => dataProvider.revokeApiClient('k1'),
  routingRules: () => dataProvider.getList('routing-rules', list),
  'routingRules.create': () => dataProvider.create('routing-rules', { data: ruleData }),
  'routingRules.update': () =>
    dataProvider.update('routing-rules', { id: 'r1', data: ruleData, previousData: { id: 'r1' } }),
  'routingRules.delete': () => dataProvider.delete('routing-rules', { id: 'r1' }),
  reorderRoutingRules: () => dataProvider.reorderRoutingRules(['r2', 'r1']),
  routePreview: () =>
    dataProvider.routePreview({
      title: 't',
      description: 'd',
      demandType: 'COMPLAINT',
      channel: 'APP',
      areaCode: 'CY',
    }),
  slaPolicies: () => dataProvider.getList('sla-policies', list),
  'slaPolicies.update': () =>
    dataProvider.update('sla-policies', { id: 'p1', data: policyData, previousData: { id: 'p1' } }),
  getCalendar: () => dataProvider.getCalendar(),
  setCalendar: () => dataProvider.setCalendar(calendar),
  webhooks: () => dataProvider.getList('webhooks', list),
  'webhooks.getOne': () => dataProvider.getOne('webhooks', { id: 'w1' }),
  'webhooks.create': () =>
    dataProvider.create('webhooks', { data: { url: 'https://example.org', events: ['*'] } }),
  'webhooks.delete': () => dataProvider.delete('webhooks', { id: 'w1' }),
  stats: () => dataProvider.getStats('2026-09-01T00:00:00Z', '2026-09-08T00:00:00Z', 'd1'),
  overdueByDepartment: () =>
    dataProvider.countOverdueByDepartment([
      { id: 'd1', name: 'a' },
      { id: 'd2', name: 'b' },
    ]),
  escalationsSince: () => dataProvider.getEscalationsSince('2026-09-01T00:00:00Z'),
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('every operation the console sends', () => {
  it.each(Object.entries(operations))('%s is valid against the contract', async (_name, operation) => {
    const sent = await sentBy(operation);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) expect(await contractErrors(request)).toEqual([]);
  });
});
