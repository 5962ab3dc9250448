import type { CloseReason, Role, TicketStatus } from '@hotline/schema';

/** Every action on an existing ticket (DESIGN.md "Ticket life"). */
export type TicketAction =
  | 'dispatch'
  | 'accept'
  | 'assign'
  | 'return'
  | 'reassign'
  | 'hold'
  | 'resume'
  | 'requestExtension'
  | 'decideExtension'
  | 'resolve'
  | 'recordFeedback'
  | 'close'
  | 'merge'
  | 'addNote'
  | 'addAttachment'
  | 'requestReturn'
  | 'decideReturn'
  | 'supervise'
  | 'replySupervision'
  | 'acceptCoHandling'
  | 'replyCoHandling'
  | 'remindCoHandler'
  | 'waiveCoHandler'
  | 'linkToIncident'
  | 'unlinkFromIncident';

interface ActionRule {
  from: readonly TicketStatus[];
  roles: readonly Role[];
  /** A HANDLER acts for a co-handling department with an open part, not for the lead department. */
  coHandler?: true;
}

/** The statuses in which the lead department holds the case: supervision and co-handling live there. */
const WITH_LEAD: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];

export const OPEN_STATUSES: readonly TicketStatus[] = [
  'NEW',
  'DISPATCHED',
  'IN_PROGRESS',
  'ON_HOLD',
  'RETURNED',
];
/** Statuses in which the SLA clock runs. */
export const RUNNING_STATUSES: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS'];

export const CREATE_ROLES: readonly Role[] = ['AGENT', 'INTEGRATION', 'MANAGER', 'ADMIN'];

const ACTION_RULES: Record<TicketAction, ActionRule> = {
  dispatch: { from: ['NEW', 'RETURNED'], roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  accept: { from: ['DISPATCHED'], roles: ['HANDLER', 'MANAGER', 'ADMIN'] },
  assign: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'], roles: ['HANDLER', 'MANAGER', 'ADMIN'] },
  return: { from: ['DISPATCHED', 'IN_PROGRESS'], roles: ['HANDLER'] },
  reassign: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED'], roles: ['MANAGER', 'ADMIN'] },
  hold: { from: ['IN_PROGRESS'], roles: ['HANDLER'] },
  resume: { from: ['ON_HOLD'], roles: ['HANDLER'] },
  requestExtension: { from: ['IN_PROGRESS'], roles: ['HANDLER'] },
  decideExtension: { from: ['IN_PROGRESS'], roles: ['MANAGER', 'ADMIN'] },
  resolve: { from: ['IN_PROGRESS'], roles: ['HANDLER', 'MANAGER', 'ADMIN'] },
  recordFeedback: { from: ['RESOLVED'], roles: ['AGENT', 'INTEGRATION', 'MANAGER', 'ADMIN'] },
  close: { from: [...OPEN_STATUSES, 'LINKED', 'RESOLVED'], roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  /** Closes a duplicate as DUPLICATE, linked to the ticket it repeats. */
  merge: { from: OPEN_STATUSES, roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  /** A note at any time, even on a closed ticket; changes nothing but the version. */
  addNote: {
    from: [...OPEN_STATUSES, 'LINKED', 'RESOLVED', 'CLOSED'],
    roles: ['AGENT', 'HANDLER', 'MANAGER', 'ADMIN'],
  },
  /** A photo, document or recording at any time, like a note; integrations too (PUBLIC ones, on tickets they see). */
  addAttachment: {
    from: [...OPEN_STATUSES, 'LINKED', 'RESOLVED', 'CLOSED'],
    roles: ['AGENT', 'HANDLER', 'MANAGER', 'ADMIN', 'INTEGRATION'],
  },
  /** A disputed return: the department keeps the ticket, its clock running, until a manager decides. */
  requestReturn: { from: ['DISPATCHED', 'IN_PROGRESS'], roles: ['HANDLER'] },
  decideReturn: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'], roles: ['MANAGER', 'ADMIN'] },
  /** 督办/催办: a running case with a department that must reply. */
  supervise: { from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'], roles: ['MANAGER', 'ADMIN'] },
  /** The responsible department answers an open supervision (resolving the case answers it too). */
  replySupervision: {
    from: ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'],
    roles: ['HANDLER', 'MANAGER', 'ADMIN'],
  },
  /** 协办: a co-handling department takes its part on (PENDING to ACCEPTED)... */
  acceptCoHandling: { from: WITH_LEAD, roles: ['HANDLER'], coHandler: true },
  /** ...and replies it to the lead (ACCEPTED to REPLIED). */
  replyCoHandling: { from: WITH_LEAD, roles: ['HANDLER'], coHandler: true },
  /** The lead department or a manager reminds a co-handler whose part is open. */
  remindCoHandler: { from: WITH_LEAD, roles: ['HANDLER', 'MANAGER', 'ADMIN'] },
  /** A manager excuses a co-handler: its open part no longer holds the lead's resolution. */
  waiveCoHandler: { from: WITH_LEAD, roles: ['MANAGER', 'ADMIN'] },
  /**
   * 多诉一案: a caller's open ticket joins a parent incident (LINKED: out of every department's queue, no
   * clock) and follows the parent's resolution; permitted like merge.
   */
  linkToIncident: { from: OPEN_STATUSES, roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  /** Takes a LINKED ticket out of its incident: NEW again, its own case at the hotline centre. */
  unlinkFromIncident: { from: ['LINKED'], roles: ['AGENT', 'MANAGER', 'ADMIN'] },
};

/** Which close reasons a status allows. */
export function allowedCloseReasons(status: TicketStatus): readonly CloseReason[] {
  if (status === 'NEW') return ['ANSWERED_DIRECTLY', 'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN'];
  if (status === 'RESOLVED') return ['RESOLVED'];
  if (status === 'LINKED') return ['WITHDRAWN'];
  if (OPEN_STATUSES.includes(status)) return ['WITHDRAWN'];
  return [];
}

export type Refusal = 'FORBIDDEN' | 'INVALID_TRANSITION';

/**
 * Decides whether a viewer may take an action on a ticket in its current state.
 * A HANDLER acts only on tickets its department is responsible for now, or, for a co-handler's action,
 * on those where its department's co-handling part is open. The status is checked before the
 * department, so an action the status forbids is INVALID_TRANSITION for everyone.
 */
export function checkAction(
  action: TicketAction,
  ticket: { status: TicketStatus; departmentId: string | null; openCoHandlerIds?: readonly string[] },
  viewer: { role: Role; departmentId: string | null },
): Refusal | null {
  const rule = ACTION_RULES[action];
  if (!rule.roles.includes(viewer.role)) return 'FORBIDDEN';
  if (!rule.from.includes(ticket.status)) return 'INVALID_TRANSITION';
  if (viewer.role !== 'HANDLER') return null;
  if (!viewer.departmentId) return 'FORBIDDEN';
  const acting = rule.coHandler
    ? (ticket.openCoHandlerIds ?? []).includes(viewer.departmentId)
    : ticket.departmentId === viewer.departmentId;
  return acting ? null : 'FORBIDDEN';
}

/** The action is a co-handler's own (accept, reply its part). */
export function isCoHandlerAction(action: TicketAction): boolean {
  return ACTION_RULES[action].coHandler === true;
}

/** A ticket returned twice waits for a manager: an agent may no longer dispatch it. */
export function waitsForManager(ticket: { needsManager: boolean }, viewer: { role: Role | null }): boolean {
  return ticket.needsManager && viewer.role === 'AGENT';
}

/** What decides an action beyond status and department: the manager flag and a pending extension request. */
export interface TicketState {
  status: TicketStatus;
  departmentId: string | null;
  needsManager: boolean;
  extensionPending: boolean;
  /** A return request waits for a manager. */
  returnPending?: boolean;
  /** A supervision waits for the department's reply. */
  supervisionOpen?: boolean;
  /** The co-handling departments whose part is open (PENDING or ACCEPTED). */
  openCoHandlerIds?: readonly string[];
  /** Callers are linked to this ticket (it is an incident): it cannot join another. */
  isIncident?: boolean;
  /** The viewer's own department's open co-handling part, if any. */
  viewerCoHandling?: 'PENDING' | 'ACCEPTED' | null;
}

/**
 * checkAction and the rules of the ticket's state that the services apply inside the change: an agent may
 * not dispatch a ticket waiting for a manager; one extension request at a time, and a decision needs one.
 */
function checkActionInState(
  action: TicketAction,
  ticket: TicketState,
  viewer: { role: Role; departmentId: string | null },
): Refusal | null {
  const refusal = checkAction(action, ticket, viewer);
  if (refusal) return refusal;
  if (action === 'dispatch' && waitsForManager(ticket, viewer)) return 'FORBIDDEN';
  if (action === 'requestExtension' && ticket.extensionPending) return 'INVALID_TRANSITION';
  if (action === 'decideExtension' && !ticket.extensionPending) return 'INVALID_TRANSITION';
  if (action === 'requestReturn' && ticket.returnPending) return 'INVALID_TRANSITION';
  if (action === 'decideReturn' && !ticket.returnPending) return 'INVALID_TRANSITION';
  if (action === 'replySupervision' && !ticket.supervisionOpen) return 'INVALID_TRANSITION';
  if (action === 'resolve' && (ticket.openCoHandlerIds ?? []).length > 0) return 'INVALID_TRANSITION';
  if (action === 'linkToIncident' && ticket.isIncident) return 'INVALID_TRANSITION';
  if (action === 'acceptCoHandling' && ticket.viewerCoHandling !== 'PENDING') return 'INVALID_TRANSITION';
  if (action === 'replyCoHandling' && ticket.viewerCoHandling !== 'ACCEPTED') return 'INVALID_TRANSITION';
  const someOpen = (ticket.openCoHandlerIds ?? []).length > 0;
  if ((action === 'remindCoHandler' || action === 'waiveCoHandler') && !someOpen) return 'INVALID_TRANSITION';
  return null;
}

/** The actions a viewer may take on a ticket now, in the order of ACTION_RULES. */
export function allowedActions(
  ticket: TicketState,
  viewer: { role: Role; departmentId: string | null },
): TicketAction[] {
  return (Object.keys(ACTION_RULES) as TicketAction[]).filter(
    (action) => checkActionInState(action, ticket, viewer) === null,
  );
}
