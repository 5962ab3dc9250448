import type { TicketRow } from '@hotline/schema';
import { allowedActions, checkAction, type TicketAction } from '../../domain/ticket-machine.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { TicketAction as TicketActionEnum } from '../../graphql/enums.js';

type ActionName = keyof typeof TicketActionEnum;

const ACTION_NAME: Record<TicketAction, ActionName> = {
  dispatch: 'DISPATCH',
  accept: 'ACCEPT',
  assign: 'ASSIGN',
  return: 'RETURN',
  reassign: 'REASSIGN',
  hold: 'HOLD',
  resume: 'RESUME',
  requestExtension: 'REQUEST_EXTENSION',
  decideExtension: 'DECIDE_EXTENSION',
  resolve: 'RESOLVE',
  recordFeedback: 'RECORD_FEEDBACK',
  close: 'CLOSE',
  merge: 'MERGE',
  addNote: 'ADD_NOTE',
  addAttachment: 'ADD_ATTACHMENT',
  requestReturn: 'REQUEST_RETURN',
  decideReturn: 'DECIDE_RETURN',
  supervise: 'SUPERVISE',
  replySupervision: 'REPLY_SUPERVISION',
  acceptCoHandling: 'ACCEPT_CO_HANDLING',
  replyCoHandling: 'REPLY_CO_HANDLING',
  remindCoHandler: 'REMIND_CO_HANDLER',
  waiveCoHandler: 'WAIVE_CO_HANDLER',
  linkToIncident: 'LINK_TO_INCIDENT',
  unlinkFromIncident: 'UNLINK_FROM_INCIDENT',
};

/**
 * What the viewer may do with a ticket, by the rules the mutations apply (checkActionInState). The pending
 * extension request is read (batched over a page) only when the viewer could request or decide one.
 */
export async function allowedActionsFor(ctx: GraphQLContext, ticket: TicketRow): Promise<ActionName[]> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'anonymous' || !viewer.role) return [];
  const signedIn = { role: viewer.role, departmentId: viewer.departmentId };
  const extensionMatters = (['requestExtension', 'decideExtension'] as const).some(
    (action) => checkAction(action, ticket, signedIn) === null,
  );
  const extensionPending = extensionMatters ? await ctx.loaders.pendingExtension.load(ticket.id) : false;
  const returnMatters = (['requestReturn', 'decideReturn'] as const).some(
    (action) => checkAction(action, ticket, signedIn) === null,
  );
  const returnPending = returnMatters ? (await ctx.loaders.pendingReturn.load(ticket.id)) !== null : false;
  const supervisionMatters = checkAction('replySupervision', ticket, signedIn) === null;
  const supervisionOpen = supervisionMatters
    ? (await ctx.loaders.latestSupervision.load(ticket.id))?.status === 'OPEN'
    : false;
  const coHandlingMatters =
    viewer.departmentId != null && ticket.openCoHandlerIds.includes(viewer.departmentId);
  const viewerCoHandling = coHandlingMatters
    ? (((await ctx.loaders.coHandlers.load(ticket.id)).find(
        (part) =>
          part.departmentId === viewer.departmentId &&
          (part.status === 'PENDING' || part.status === 'ACCEPTED'),
      )?.status as 'PENDING' | 'ACCEPTED' | undefined) ?? null)
    : null;
  const isIncident =
    checkAction('linkToIncident', ticket, signedIn) === null &&
    (await ctx.loaders.incidentChildCounts.load(ticket.id)).total > 0;
  return allowedActions(
    { ...ticket, extensionPending, returnPending, supervisionOpen, viewerCoHandling, isIncident },
    signedIn,
  ).map((action) => ACTION_NAME[action]);
}
