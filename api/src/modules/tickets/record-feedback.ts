import type { Satisfaction, TicketRow } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { startSlaCycle } from '../sla/sla-cycle.js';
import { changeTicket } from './change-ticket.js';
import type { EventDraft } from './ticket-events.writer.js';

export interface FeedbackOptions {
  /** How the verdict came; default CALLBACK (an agent called the caller back). */
  channel?: 'CALLBACK' | 'SELF_SERVICE';
  /** Runs first in the feedback's transaction (consumes a one-time link); throwing changes nothing. */
  within?: (tx: Tx, now: Date) => Promise<void>;
}

/** The caller's verdict on a resolved ticket: DISSATISFIED reopens it, anything else closes it. */
export function recordFeedback(
  ctx: ServiceContext,
  input: { id: string; satisfaction: Satisfaction; comment?: string | null },
  options: FeedbackOptions = {},
): Promise<TicketRow> {
  const comment = checkText('comment', input.comment, { optional: true });
  return changeTicket(ctx, 'recordFeedback', input.id, null, async (ticket, tx, now) => {
    await options.within?.(tx, now);
    const feedback = {
      satisfaction: input.satisfaction,
      feedbackComment: comment,
      feedbackAt: now,
      feedbackChannel: options.channel ?? 'CALLBACK',
    };
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
    // A caller of an incident (resolved with its parent, no department of its own) disagrees: the ticket
    // becomes its own case, NEW at the hotline centre for an agent to dispatch; the parent stays resolved.
    if (ticket.incidentId && !ticket.departmentId) {
      return {
        set: { ...feedback, status: 'NEW', resolvedAt: null },
        events: [recorded, { type: 'REOPENED', fromStatus: 'RESOLVED', note: comment }],
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
