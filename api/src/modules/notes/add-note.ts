import type { NoteVisibility, TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { claimEvidence, evidenceWebhookExtra, linkEvidence } from '../attachments/attach-evidence.js';
import { changeTicket, type Versioned } from '../tickets/change-ticket.js';

/**
 * A note on a ticket at any time, without an action: INTERNAL for staff, PUBLIC for the caller's side and
 * integrations too. One NOTE_ADDED event; a PUBLIC note also its `ticket.note_added` outbox row.
 */
export function addNote(
  ctx: ServiceContext,
  input: Versioned & {
    body: string;
    visibility: NoteVisibility;
    /** Files uploaded to the ticket beforehand that the note carries. */
    attachmentIds?: readonly string[] | null;
  },
): Promise<TicketRow> {
  const body = checkText('note', input.body, { label: 'body' });
  return changeTicket(ctx, 'addNote', input.id, input.expectedVersion, async (ticket, tx) => {
    const evidence = await claimEvidence(tx, ctx.viewer, ticket.id, input.attachmentIds);
    return {
      set: {},
      events: [
        {
          type: 'NOTE_ADDED',
          note: body,
          visibility: input.visibility,
          webhookExtra: evidenceWebhookExtra(evidence),
        },
      ],
      afterEvents: (tx) => linkEvidence(tx, ticket.id, 'NOTE_ADDED', evidence),
    };
  });
}
