import type { TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { AppError } from '../../errors/app-error.js';
import { claimEvidence, evidenceWebhookExtra, linkEvidence } from '../attachments/attach-evidence.js';
import { resolveSla } from '../sla/sla-cycle.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/**
 * The department's answer to the caller; the SLA clock stops and the ticket waits for feedback. Not while a
 * co-handler's part is open (INVALID_TRANSITION with `reason: CO_HANDLING_PENDING`). `attachmentIds`: files
 * uploaded to the ticket beforehand (photos of the site before and after) that the RESOLVED event carries.
 */
export function resolveTicket(
  ctx: ServiceContext,
  input: Versioned & { reply: string; attachmentIds?: readonly string[] | null },
): Promise<TicketRow> {
  const reply = checkText('reply', input.reply);
  return changeTicket(ctx, 'resolve', input.id, input.expectedVersion, async (ticket, tx, now) => {
    if (ticket.openCoHandlerIds.length > 0) {
      throw new AppError(
        'INVALID_TRANSITION',
        'Co-handlers have not replied yet: wait for their replies or ask a manager to waive them',
        { reason: 'CO_HANDLING_PENDING', departmentIds: ticket.openCoHandlerIds },
      );
    }
    const evidence = await claimEvidence(tx, ctx.viewer, ticket.id, input.attachmentIds);
    return {
      set: { status: 'RESOLVED', reply, resolvedAt: now, ...(await resolveSla(tx, ticket, now)) },
      events: [{ type: 'RESOLVED', webhookExtra: evidenceWebhookExtra(evidence) }],
      afterEvents: (tx) => linkEvidence(tx, ticket.id, 'RESOLVED', evidence),
    };
  });
}
