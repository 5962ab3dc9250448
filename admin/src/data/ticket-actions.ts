import { gql } from '../graphql/client';
import type { CloseReason, Satisfaction } from '../graphql/enums';
import { TICKET_DETAIL } from '../graphql/fragments';
import type { Ticket } from '../graphql/types';

/** The variables of each ticket action, besides `id` and `expectedVersion`. */
export interface TicketActionVariables {
  dispatch: { departmentId?: string; note?: string };
  accept: Record<string, never>;
  assign: { userId: string };
  return: { reason: string };
  reassign: { departmentId: string; reason: string };
  hold: { reason: string };
  resume: Record<string, never>;
  requestExtension: { until: string; reason: string };
  decideExtension: { approve: boolean; note?: string };
  resolve: { reply: string };
  feedback: { satisfaction: Satisfaction; comment?: string };
  close: { reason: CloseReason; note?: string };
}

export type TicketAction = keyof TicketActionVariables;

interface ActionSpec<K extends TicketAction> {
  mutation: string;
  /** GraphQL type of each variable. */
  args: { [V in keyof TicketActionVariables[K]]-?: string };
  /** recordFeedback takes no expectedVersion. */
  versioned: boolean;
}

export const TICKET_ACTIONS: { [K in TicketAction]: ActionSpec<K> } = {
  dispatch: { mutation: 'dispatchTicket', args: { departmentId: 'ID', note: 'String' }, versioned: true },
  accept: { mutation: 'acceptTicket', args: {}, versioned: true },
  assign: { mutation: 'assignTicket', args: { userId: 'ID!' }, versioned: true },
  return: { mutation: 'returnTicket', args: { reason: 'String!' }, versioned: true },
  reassign: { mutation: 'reassignTicket', args: { departmentId: 'ID!', reason: 'String!' }, versioned: true },
  hold: { mutation: 'holdTicket', args: { reason: 'String!' }, versioned: true },
  resume: { mutation: 'resumeTicket', args: {}, versioned: true },
  requestExtension: {
    mutation: 'requestExtension',
    args: { until: 'DateTime!', reason: 'String!' },
    versioned: true,
  },
  decideExtension: {
    mutation: 'decideExtension',
    args: { approve: 'Boolean!', note: 'String' },
    versioned: true,
  },
  resolve: { mutation: 'resolveTicket', args: { reply: 'String!' }, versioned: true },
  feedback: {
    mutation: 'recordFeedback',
    args: { satisfaction: 'Satisfaction!', comment: 'String' },
    versioned: false,
  },
  close: { mutation: 'closeTicket', args: { reason: 'CloseReason!', note: 'String' }, versioned: true },
};

export function buildActionMutation(action: TicketAction): string {
  const spec: ActionSpec<TicketAction> = TICKET_ACTIONS[action];
  const args: [string, string][] = [['id', 'ID!'], ...Object.entries<string>(spec.args)];
  if (spec.versioned) args.push(['expectedVersion', 'Int']);
  const declarations = args.map(([name, type]) => `$${name}: ${type}`).join(', ');
  const passes = args.map(([name]) => `${name}: $${name}`).join(', ');
  return `mutation TicketAction(${declarations}) { result: ${spec.mutation}(${passes}) { ${TICKET_DETAIL} } }`;
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
  if (TICKET_ACTIONS[action].versioned) all.expectedVersion = ticket.version;
  const { result } = await gql<{ result: Ticket }>(buildActionMutation(action), all);
  return result;
}
