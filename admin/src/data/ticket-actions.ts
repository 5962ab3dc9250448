import { gql } from '../graphql/client';
import { TicketDetailFields } from '../graphql/fragments';
import { graphql, type TadaDocumentNode, type VariablesOf } from '../graphql/graphql';
import type { Ticket, TicketActionName } from '../graphql/types';

const fragments = [TicketDetailFields];

/** The mutation behind each action the console offers, typed by the schema (recordFeedback takes no version). */
const ACTION_DOCUMENTS = {
  dispatch: graphql(
    `mutation DispatchTicket($id: ID!, $departmentId: ID, $note: String, $coHandlingDepartmentIds: [ID!], $expectedVersion: Int) {
      result: dispatchTicket(id: $id, departmentId: $departmentId, note: $note, coHandlingDepartmentIds: $coHandlingDepartmentIds, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  accept: graphql(
    `mutation AcceptTicket($id: ID!, $expectedVersion: Int) {
      result: acceptTicket(id: $id, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  assign: graphql(
    `mutation AssignTicket($id: ID!, $userId: ID!, $expectedVersion: Int) {
      result: assignTicket(id: $id, userId: $userId, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  return: graphql(
    // A request a manager reviews (派单异议), not returnTicket's immediate return.
    `mutation RequestReturn($id: ID!, $reason: String!, $expectedVersion: Int) {
      result: requestReturn(id: $id, reason: $reason, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  reassign: graphql(
    `mutation ReassignTicket($id: ID!, $departmentId: ID!, $reason: String!, $coHandlingDepartmentIds: [ID!], $expectedVersion: Int) {
      result: reassignTicket(id: $id, departmentId: $departmentId, reason: $reason, coHandlingDepartmentIds: $coHandlingDepartmentIds, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  hold: graphql(
    `mutation HoldTicket($id: ID!, $reason: String!, $expectedVersion: Int) {
      result: holdTicket(id: $id, reason: $reason, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  resume: graphql(
    `mutation ResumeTicket($id: ID!, $expectedVersion: Int) {
      result: resumeTicket(id: $id, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  requestExtension: graphql(
    `mutation RequestExtension($id: ID!, $until: DateTime!, $reason: String!, $expectedVersion: Int) {
      result: requestExtension(id: $id, until: $until, reason: $reason, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  decideExtension: graphql(
    `mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $expectedVersion: Int) {
      result: decideExtension(id: $id, approve: $approve, note: $note, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  resolve: graphql(
    `mutation ResolveTicket($id: ID!, $reply: String!, $attachmentIds: [ID!], $expectedVersion: Int) {
      result: resolveTicket(id: $id, reply: $reply, attachmentIds: $attachmentIds, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  feedback: graphql(
    `mutation RecordFeedback($id: ID!, $satisfaction: Satisfaction!, $comment: String) {
      result: recordFeedback(id: $id, satisfaction: $satisfaction, comment: $comment) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  close: graphql(
    `mutation CloseTicket($id: ID!, $reason: CloseReason!, $note: String, $expectedVersion: Int) {
      result: closeTicket(id: $id, reason: $reason, note: $note, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  supervise: graphql(
    `mutation SuperviseTicket($id: ID!, $level: SupervisionLevel!, $note: String!, $replyWithinHours: Int, $expectedVersion: Int) {
      result: superviseTicket(id: $id, level: $level, note: $note, replyWithinHours: $replyWithinHours, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  replySupervision: graphql(
    `mutation ReplySupervision($id: ID!, $reply: String!, $expectedVersion: Int) {
      result: replySupervision(id: $id, reply: $reply, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  acceptCoHandling: graphql(
    `mutation AcceptCoHandling($id: ID!, $expectedVersion: Int) {
      result: acceptCoHandling(ticketId: $id, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  replyCoHandling: graphql(
    `mutation ReplyCoHandling($id: ID!, $reply: String!, $expectedVersion: Int) {
      result: replyCoHandling(ticketId: $id, reply: $reply, expectedVersion: $expectedVersion) { ...TicketDetailFields }
    }`,
    fragments,
  ),
  remindCoHandler: graphql(
    `mutation RemindCoHandler($id: ID!, $departmentId: ID!, $note: String, $expectedVersion: Int) {
      result: remindCoHandler(ticketId: $id, departmentId: $departmentId, note: $note, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  waiveCoHandler: graphql(
    `mutation WaiveCoHandler($id: ID!, $departmentId: ID!, $reason: String!, $expectedVersion: Int) {
      result: waiveCoHandler(ticketId: $id, departmentId: $departmentId, reason: $reason, expectedVersion: $expectedVersion) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  linkToIncident: graphql(
    `mutation LinkToIncident($id: ID!, $parentTicketId: ID!, $reason: String, $expectedVersion: Int) {
      result: linkToIncident(input: { ticketId: $id, parentTicketId: $parentTicketId, reason: $reason, expectedVersion: $expectedVersion }) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  unlinkFromIncident: graphql(
    `mutation UnlinkFromIncident($id: ID!, $reason: String, $expectedVersion: Int) {
      result: unlinkFromIncident(input: { ticketId: $id, reason: $reason, expectedVersion: $expectedVersion }) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
  addNote: graphql(
    // Without the version: a note never conflicts with what others did meanwhile.
    `mutation AddNote($id: ID!, $body: String!, $visibility: NoteVisibility!) {
      result: addNote(ticketId: $id, body: $body, visibility: $visibility) {
        ...TicketDetailFields
      }
    }`,
    fragments,
  ),
};

/** An action the console has a form for. */
export type TicketAction = keyof typeof ACTION_DOCUMENTS;

/** The variables of each ticket action, besides `id` and `expectedVersion`. */
export type TicketActionVariables = {
  [K in TicketAction]: Omit<VariablesOf<(typeof ACTION_DOCUMENTS)[K]>, 'id' | 'expectedVersion'>;
};

/** The server's name (Ticket.allowedActions) of each action the console offers, in the order it shows them. */
export const TICKET_ACTIONS: Record<TicketAction, TicketActionName> = {
  dispatch: 'DISPATCH',
  accept: 'ACCEPT',
  assign: 'ASSIGN',
  return: 'REQUEST_RETURN',
  reassign: 'REASSIGN',
  hold: 'HOLD',
  resume: 'RESUME',
  requestExtension: 'REQUEST_EXTENSION',
  decideExtension: 'DECIDE_EXTENSION',
  resolve: 'RESOLVE',
  feedback: 'RECORD_FEEDBACK',
  close: 'CLOSE',
  supervise: 'SUPERVISE',
  replySupervision: 'REPLY_SUPERVISION',
  acceptCoHandling: 'ACCEPT_CO_HANDLING',
  replyCoHandling: 'REPLY_CO_HANDLING',
  remindCoHandler: 'REMIND_CO_HANDLER',
  waiveCoHandler: 'WAIVE_CO_HANDLER',
  linkToIncident: 'LINK_TO_INCIDENT',
  unlinkFromIncident: 'UNLINK_FROM_INCIDENT',
  addNote: 'ADD_NOTE',
};

/** Actions the ticket page offers in a box of their own rather than in the action bar. */
const OWN_BOX: readonly TicketAction[] = ['addNote'];

/**
 * The actions the server allows this viewer on the ticket now (Ticket.allowedActions) that the console
 * has a form for (it has none for MERGE).
 */
export function offeredActions(ticket: Pick<Ticket, 'allowedActions'>): TicketAction[] {
  return (Object.keys(TICKET_ACTIONS) as TicketAction[]).filter(
    (action) => !OWN_BOX.includes(action) && ticket.allowedActions.includes(TICKET_ACTIONS[action]),
  );
}

/** The document an action sends (for tests). */
function actionDocument(action: TicketAction): TadaDocumentNode<{ result: Ticket }, Record<string, unknown>> {
  return ACTION_DOCUMENTS[action] as unknown as TadaDocumentNode<{ result: Ticket }, Record<string, unknown>>;
}

/** Whether the action's mutation takes expectedVersion (recordFeedback does not). */
function takesVersion(action: TicketAction): boolean {
  const [operation] = ACTION_DOCUMENTS[action].definitions;
  return (
    operation?.kind === 'OperationDefinition' &&
    !!operation.variableDefinitions?.some(
      (definition) => definition.variable.name.value === 'expectedVersion',
    )
  );
}

export async function runTicketAction<K extends TicketAction>(
  action: K,
  ticket: Pick<Ticket, 'id' | 'version'>,
  variables: TicketActionVariables[K],
): Promise<Ticket> {
  const cleaned = Object.fromEntries(
    Object.entries(variables).filter(([, value]) => value !== '' && value != null),
  );
  const all: Record<string, unknown> = { ...cleaned, id: ticket.id };
  if (takesVersion(action)) all.expectedVersion = ticket.version;
  const { result } = await gql(actionDocument(action), all);
  return result;
}
