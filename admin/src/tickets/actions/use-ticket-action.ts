import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import type { TicketAction, TicketActionVariables } from '../../data/ticket-actions';
import { useHotlineDataProvider } from '../../data-provider';
import { errorCodeOf } from '../../graphql/client';
import type { Ticket } from '../../graphql/types';

export type ActionFailure = { kind: 'conflict' } | { kind: 'error'; code?: string; message: string };

/** Runs one ticket action with the ticket's version; a stale version becomes a "conflict" failure. */
export function useTicketAction(ticket: Pick<Ticket, 'id' | 'version'>) {
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  async function run<K extends TicketAction>(
    action: K,
    variables: TicketActionVariables[K],
    /** The version the action expects when not the ticket's as loaded (the form moved it on itself). */
    expectedVersion?: number,
  ): Promise<boolean> {
    setPending(true);
    setFailure(null);
    try {
      const updated = await dataProvider.runTicketAction(
        action,
        { id: ticket.id, version: expectedVersion ?? ticket.version },
        variables,
      );
      queryClient.setQueryData(['tickets', 'getOne', { id: String(ticket.id), meta: undefined }], updated);
      notify('hotline.actions.done', { type: 'success', messageArgs: { number: updated.number } });
      refresh();
      return true;
    } catch (error) {
      const code = errorCodeOf(error);
      setFailure(
        code === 'CONFLICT'
          ? { kind: 'conflict' }
          : { kind: 'error', code, message: error instanceof Error ? error.message : String(error) },
      );
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, failure, clearFailure: () => setFailure(null) };
}
