import {
  type SupervisionLevel,
  type SupervisionRow,
  supervisions,
  type TicketRow,
  type TicketStatus,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { claimEvidence, evidenceWebhookExtra, linkEvidence } from '../attachments/attach-evidence.js';
import { changeTicket, type Versioned } from '../tickets/change-ticket.js';
import type { EventDraft } from '../tickets/ticket-events.writer.js';

const HOUR = 3_600_000;
/** The longest reply deadline a manager may set: 30 days. */
export const MAX_REPLY_HOURS = 720;

export interface SuperviseInput extends Versioned {
  level: SupervisionLevel;
  note: string;
  /** When the department's reply is due; exactly one of replyDueAt and replyWithinHours. */
  replyDueAt?: Date | null;
  replyWithinHours?: number | null;
}

/** The reply deadline the manager set, checked: in the future, at most MAX_REPLY_HOURS ahead. */
function replyDeadline(input: SuperviseInput, now: Date): Date {
  const hours = input.replyWithinHours;
  if ((input.replyDueAt == null) === (hours == null)) {
    throw badInput('Give exactly one of replyDueAt and replyWithinHours', 'replyDueAt');
  }
  if (hours != null && (!Number.isInteger(hours) || hours < 1 || hours > MAX_REPLY_HOURS)) {
    throw badInput(
      `replyWithinHours must be a whole number from 1 to ${MAX_REPLY_HOURS}`,
      'replyWithinHours',
    );
  }
  const dueAt = hours != null ? new Date(now.getTime() + hours * HOUR) : input.replyDueAt!;
  if (dueAt.getTime() <= now.getTime()) throw badInput('replyDueAt must be in the future', 'replyDueAt');
  if (dueAt.getTime() > now.getTime() + MAX_REPLY_HOURS * HOUR) {
    throw badInput(`replyDueAt must be within ${MAX_REPLY_HOURS} hours`, 'replyDueAt');
  }
  return dueAt;
}

/** What a webhook carries of a supervision: no note (staff text), the level and the deadline. */
function webhookSupervision(row: SupervisionRow) {
  return {
    supervision: {
      id: row.id,
      level: row.level,
      departmentId: row.departmentId,
      dueAt: row.dueAt.toISOString(),
      repliedAt: row.repliedAt?.toISOString() ?? null,
      status: row.status,
    },
  };
}

/**
 * A manager supervises a running case (督办/催办): the responsible department must reply by the deadline
 * set. A case already under supervision gets the new one instead (the old one SUPERSEDED): a manager raises
 * 催办 to 督办 or moves the deadline. One SUPERVISED event and its `ticket.supervised` outbox row.
 */
export function superviseTicket(ctx: ServiceContext, input: SuperviseInput): Promise<TicketRow> {
  const note = checkText('note', input.note);
  return changeTicket(ctx, 'supervise', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const dueAt = replyDeadline(input, now);
    await tx
      .update(supervisions)
      .set({ status: 'SUPERSEDED' })
      .where(and(eq(supervisions.ticketId, ticket.id), eq(supervisions.status, 'OPEN')));
    const [row] = await tx
      .insert(supervisions)
      .values({
        ticketId: ticket.id,
        departmentId: ticket.departmentId!,
        level: input.level,
        note,
        dueAt,
        supervisedById: ctx.viewer.id!,
        createdAt: now,
      })
      .returning();
    return { set: {}, events: [{ type: 'SUPERVISED', note, webhookExtra: webhookSupervision(row!) }] };
  });
}

/**
 * The responsible department (or a manager) answers the open supervision: REPLIED, one
 * SUPERVISION_REPLIED event and its `ticket.supervision_replied` outbox row.
 */
export function replySupervision(
  ctx: ServiceContext,
  input: Versioned & { reply: string; attachmentIds?: readonly string[] | null },
): Promise<TicketRow> {
  const reply = checkText('reply', input.reply);
  return changeTicket(ctx, 'replySupervision', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const [row] = await answerOpenSupervision(tx, ctx, ticket.id, now, { status: 'REPLIED', reply });
    if (!row) throw new AppError('INVALID_TRANSITION', 'No supervision waits for a reply on this ticket');
    const evidence = await claimEvidence(tx, ctx.viewer, ticket.id, input.attachmentIds);
    return {
      set: {},
      events: [
        {
          type: 'SUPERVISION_REPLIED',
          note: reply,
          webhookExtra: { ...webhookSupervision(row), ...evidenceWebhookExtra(evidence) },
        },
      ],
      afterEvents: (tx) => linkEvidence(tx, ticket.id, 'SUPERVISION_REPLIED', evidence),
    };
  });
}

function answerOpenSupervision(
  tx: Tx,
  ctx: ServiceContext,
  ticketId: string,
  now: Date,
  outcome: { status: 'REPLIED' | 'ENDED'; reply: string | null },
) {
  const answered = outcome.status === 'REPLIED';
  return tx
    .update(supervisions)
    .set({
      status: outcome.status,
      repliedAt: answered ? now : null,
      repliedById: answered ? ctx.viewer.id : null,
      reply: outcome.reply,
    })
    .where(and(eq(supervisions.ticketId, ticketId), eq(supervisions.status, 'OPEN')))
    .returning();
}

const SUPERVISED_STATUSES: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];

/**
 * A change that takes the case out of the departments' hands ends its open supervision, in the same
 * transaction: resolving answers it (the reply is the department's answer to the caller: REPLIED, with a
 * SUPERVISION_REPLIED event); closing or returning it ends it unanswered (ENDED, no event).
 */
export async function settleSupervision(
  tx: Tx,
  ctx: ServiceContext,
  before: TicketRow,
  after: TicketRow,
  now: Date,
): Promise<EventDraft[]> {
  if (!SUPERVISED_STATUSES.includes(before.status) || SUPERVISED_STATUSES.includes(after.status)) return [];
  const resolved = after.status === 'RESOLVED';
  const rows = await answerOpenSupervision(tx, ctx, before.id, now, {
    status: resolved ? 'REPLIED' : 'ENDED',
    reply: resolved ? after.reply : null,
  });
  if (!resolved) return [];
  return rows.map((row) => ({
    type: 'SUPERVISION_REPLIED',
    fromStatus: after.status,
    toStatus: after.status,
    departmentId: before.departmentId,
    note: 'resolved',
    webhookExtra: webhookSupervision(row),
  }));
}
