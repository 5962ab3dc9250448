import { gql } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';

const LookUpCaller = graphql(`
  query LookUpCaller($phone: String!) {
    callerHistory(phone: $phone) {
      count lastSatisfaction last { id number title status createdAt feedback { satisfaction } }
    }
  }
`);

const TicketCallerHistory = graphql(`
  query TicketCallerHistory($id: ID!) {
    ticket(id: $id) {
      id
      callerHistory { count lastSatisfaction last { id number title status createdAt feedback { satisfaction } } }
    }
  }
`);

export type CallerHistory = ResultOf<typeof LookUpCaller>['callerHistory'];

/** Intake: the caller's tickets by the number typed (AGENT, MANAGER, ADMIN). */
export const lookUpCaller = (phone: string) =>
  gql(LookUpCaller, { phone }).then((data) => data.callerHistory);

/** The caller's other tickets on a ticket; null when the viewer sees the phone masked. */
export const fetchTicketCallerHistory = (id: string): Promise<CallerHistory | null> =>
  gql(TicketCallerHistory, { id }).then((data) => data.ticket?.callerHistory ?? null);
