import type { HotlineDataProvider } from '../../data-provider';
import { errorCodeOf } from '../../graphql/client';
import type { Ticket } from '../../graphql/types';

export interface BulkOutcome {
  succeeded: string[];
  conflicted: string[];
  failed: { number: string; code?: string }[];
}

/** Reassigns each ticket with its own current version, one after another, and reports per ticket. */
export async function reassignMany(
  dataProvider: HotlineDataProvider,
  ids: (string | number)[],
  departmentId: string,
  reason: string,
): Promise<BulkOutcome> {
  const { data } = await dataProvider.getMany<Ticket>('tickets', { ids: ids.map(String) });
  const outcome: BulkOutcome = { succeeded: [], conflicted: [], failed: [] };
  for (const ticket of data) {
    try {
      await dataProvider.runTicketAction('reassign', ticket, { departmentId, reason });
      outcome.succeeded.push(ticket.number);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'CONFLICT') outcome.conflicted.push(ticket.number);
      else outcome.failed.push({ number: ticket.number, code });
    }
  }
  return outcome;
}
