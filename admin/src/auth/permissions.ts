import type { TicketAction } from '../data/ticket-actions';
import type { CloseReason, Role, TicketStatus } from '../graphql/enums';
import type { Ticket, Viewer } from '../graphql/types';

type Access = 'list' | 'show' | 'create' | 'edit' | 'delete' | string;

const STAFF: Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER', 'INTEGRATION'];
const CONFIGURERS: Role[] = ['ADMIN', 'MANAGER'];

/** Which roles may do what on each resource; `*` stands for any action not listed. */
const RESOURCE_ACCESS: Record<string, Record<Access, Role[]>> = {
  tickets: {
    list: STAFF,
    show: STAFF,
    create: ['ADMIN', 'MANAGER', 'AGENT', 'INTEGRATION'],
    '*': CONFIGURERS,
  },
  dashboard: { '*': ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'] },
  'routing-rules': { '*': CONFIGURERS },
  'sla-policies': { '*': CONFIGURERS },
  calendar: { '*': CONFIGURERS },
  departments: { list: STAFF, show: STAFF, '*': CONFIGURERS },
  categories: { '*': STAFF },
  areas: { '*': STAFF },
  users: { '*': ['ADMIN'] },
  'api-clients': { '*': ['ADMIN'] },
  webhooks: { '*': ['ADMIN'] },
};

export function canRoleAccess(role: Role | undefined, resource: string, action: Access): boolean {
  if (!role) return false;
  const rules = RESOURCE_ACCESS[resource];
  if (!rules) return role === 'ADMIN';
  return (rules[action] ?? rules['*'] ?? []).includes(role);
}

interface ActionRule {
  from: TicketStatus[];
  roles: Role[];
  /** HANDLER may act only on tickets its own department is responsible for. */
  handler?: boolean;
}

/** The action table of DESIGN.md ("Ticket life"). */
export const ACTION_RULES: Record<TicketAction, ActionRule> = {
  dispatch: { from: ['NEW', 'RETURNED'], roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  accept: { from: ['DISPATCHED'], roles: ['MANAGER', 'ADMIN'], handler: true },
  assign: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'], roles: ['MANAGER', 'ADMIN'], handler: true },
  return: { from: ['DISPATCHED', 'IN_PROGRESS'], roles: [], handler: true },
  reassign: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED'], roles: ['MANAGER', 'ADMIN'] },
  hold: { from: ['IN_PROGRESS'], roles: [], handler: true },
  resume: { from: ['ON_HOLD'], roles: [], handler: true },
  requestExtension: { from: ['IN_PROGRESS'], roles: [], handler: true },
  decideExtension: { from: ['IN_PROGRESS'], roles: ['MANAGER', 'ADMIN'] },
  resolve: { from: ['IN_PROGRESS'], roles: ['MANAGER', 'ADMIN'], handler: true },
  feedback: { from: ['RESOLVED'], roles: ['AGENT', 'INTEGRATION', 'MANAGER', 'ADMIN'] },
  close: {
    from: ['NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'RESOLVED'],
    roles: ['AGENT', 'MANAGER', 'ADMIN'],
  },
};

/** An extension request is pending when the last request has no decision after it. */
export function hasPendingExtension(ticket: Pick<Ticket, 'events'>): boolean {
  let pending = false;
  for (const event of ticket.events?.nodes ?? []) {
    if (event.type === 'EXTENSION_REQUESTED') pending = true;
    if (event.type === 'EXTENSION_DECIDED' || event.type === 'REASSIGNED') pending = false;
  }
  return pending;
}

function isOwnDepartmentHandler(ticket: Ticket, viewer: Viewer): boolean {
  return viewer.role === 'HANDLER' && !!viewer.department && viewer.department.id === ticket.department?.id;
}

export function allowedActions(ticket: Ticket, viewer: Viewer | undefined): TicketAction[] {
  if (!viewer) return [];
  const pending = hasPendingExtension(ticket);
  return (Object.keys(ACTION_RULES) as TicketAction[]).filter((action) => {
    const rule = ACTION_RULES[action];
    if (!rule.from.includes(ticket.status)) return false;
    if (action === 'decideExtension' && !pending) return false;
    if (action === 'requestExtension' && pending) return false;
    return rule.roles.includes(viewer.role) || (!!rule.handler && isOwnDepartmentHandler(ticket, viewer));
  });
}

export function closeReasonsFor(status: TicketStatus): CloseReason[] {
  if (status === 'NEW') return ['ANSWERED_DIRECTLY', 'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN'];
  if (status === 'RESOLVED') return ['RESOLVED'];
  if (status === 'CLOSED') return [];
  return ['WITHDRAWN'];
}
