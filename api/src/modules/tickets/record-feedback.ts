import type { Satisfaction, TicketRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { startSlaCycle } from '../sla/sla-cycle.js';
import { changeTicket } from './change-ticket.js';
import type { EventDraft } from './ticket-events.writer.js';

/** The caller's verdict on a resolved ticket: DISSATISFIED reopens it, anything else closes it. */
export function recordFeedback(
  ctx: ServiceContext,
  input: { id: string; satisfaction: Satisfaction; comment?: string | null },
): Promise<TicketRow> {
  const comment = checkText('comment', input.comment, { optional: true });
  return changeTicket(ctx, 'recordFeedback', input.id, null, async (ticket, tx, now) => {
    const feedback = { satisfaction: input.satisfaction, feedbackComment: comment, feedbackAt: now };
    const recorded: EventDraft = {
      type: 'FEEDBACK_RECORDED',
      toStatus: 'RESOLVED',
      note: input.satisfaction,
    };
    if (input.satisfaction !== 'DISSATISFIED') {
      return {
        set: { ...feedback, status: 'CLOSED', closeReason: 'RESOLVED', closedAt: now },
        events: [recorded, { type: 'CLOSED', fromStatus: 'RESOLVED', note: comment }],
      };
    }
    // Reopened to the same department with fresh clocks; it counts as accepted already.
    const cycle = await startSlaCycle(tx, ticket, now);
    return {
      set: {
        ...feedback,
        ...cycle,
        status: 'IN_PROGRESS',
        resolvedAt: null,
        acceptedAt: now,
        acceptedOnTime: ticket.acceptedOnTime,
        acceptWorkingMs: ticket.acceptWorkingMs,
      },
      events: [recorded, { type: 'REOPENED', fromStatus: 'RESOLVED', note: comment }],
    };
  });
}
