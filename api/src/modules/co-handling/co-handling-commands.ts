import {
  type CoHandlingStatus,
  type TicketCoHandlerRow,
  type TicketRow,
  ticketCoHandlers,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { type Change, changeTicket, type Versioned } from '../tickets/change-ticket.js';
import { webhookCoHandler } from './request-co-handlers.js';

const OPEN: CoHandlingStatus[] = ['PENDING', 'ACCEPTED'];

/** The ticket's open part of one department, locked with the ticket already. */
async function openPart(tx: Tx, ticketId: string, departmentId: string) {
  const [row] = await tx
    .select()
    .from(ticketCoHandlers)
    .where(
      and(
        eq(ticketCoHandlers.ticketId, ticketId),
        eq(ticketCoHandlers.departmentId, departmentId),
        inArray(ticketCoHandlers.status, OPEN),
      ),
    );
  return row ?? null;
}

function notInState(row: TicketCoHandlerRow | null, wanted: CoHandlingStatus): AppError {
  return new AppError(
    'INVALID_TRANSITION',
    row
      ? `The co-handling part is ${row.status}, not ${wanted}`
      : 'No open co-handling part of that department',
    { coHandlingStatus: row?.status ?? null },
  );
}

async function update(tx: Tx, row: TicketCoHandlerRow, set: Partial<TicketCoHandlerRow>) {
  const [updated] = await tx
    .update(ticketCoHandlers)
    .set(set)
    .where(eq(ticketCoHandlers.id, row.id))
    .returning();
  return updated!;
}

/** The ticket's open co-handlers without one department (its part closed). */
function withoutDepartment(ticket: TicketRow, departmentId: string): string[] {
  return ticket.openCoHandlerIds.filter((id) => id !== departmentId);
}

/** A HANDLER of a co-handling department takes its part on (签收): PENDING to ACCEPTED. */
export function acceptCoHandling(ctx: ServiceContext, input: Versioned): Promise<TicketRow> {
  return changeTicket(ctx, 'acceptCoHandling', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const row = await openPart(tx, ticket.id, ctx.viewer.departmentId!);
    if (row?.status !== 'PENDING') throw notInState(row, 'PENDING');
    const accepted = await update(tx, row, {
      status: 'ACCEPTED',
      acceptedAt: now,
      acceptedById: ctx.viewer.id,
    });
    return {
      set: {},
      events: [
        {
          type: 'CO_HANDLING_ACCEPTED',
          departmentId: row.departmentId,
          webhookExtra: webhookCoHandler(accepted),
        },
      ],
    };
  });
}

/** A HANDLER of a co-handling department replies its part to the lead: ACCEPTED to REPLIED. */
export function replyCoHandling(
  ctx: ServiceContext,
  input: Versioned & { reply: string },
): Promise<TicketRow> {
  const reply = checkText('reply', input.reply);
  return changeTicket(ctx, 'replyCoHandling', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const row = await openPart(tx, ticket.id, ctx.viewer.departmentId!);
    if (row?.status !== 'ACCEPTED') throw notInState(row, 'ACCEPTED');
    const replied = await update(tx, row, {
      status: 'REPLIED',
      repliedAt: now,
      repliedById: ctx.viewer.id,
      reply,
    });
    return closedPart(ticket, replied, { type: 'CO_HANDLING_REPLIED', note: reply });
  });
}

function closedPart(ticket: TicketRow, row: TicketCoHandlerRow, event: Change['events'][number]): Change {
  return {
    set: { openCoHandlerIds: withoutDepartment(ticket, row.departmentId) },
    events: [{ ...event, departmentId: row.departmentId, webhookExtra: webhookCoHandler(row) }],
  };
}

async function namedOpenPart(tx: Tx, ticket: TicketRow, departmentId: string) {
  if (!isUuid(departmentId)) throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  const row = await openPart(tx, ticket.id, departmentId.toLowerCase());
  if (!row) throw notInState(null, 'PENDING');
  return row;
}

/**
 * The lead department (a HANDLER of it) or a MANAGER, ADMIN reminds a co-handler whose part is open (催办):
 * counted on the part, one CO_HANDLER_REMINDED event and its `ticket.co_handler_reminded` webhook.
 */
export function remindCoHandler(
  ctx: ServiceContext,
  input: Versioned & { departmentId: string; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'remindCoHandler', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const row = await namedOpenPart(tx, ticket, input.departmentId);
    const reminded = await update(tx, row, {
      reminders: sql`${ticketCoHandlers.reminders} + 1` as unknown as number,
      lastRemindedAt: now,
    });
    return {
      set: {},
      events: [
        {
          type: 'CO_HANDLER_REMINDED',
          departmentId: row.departmentId,
          note,
          webhookExtra: webhookCoHandler(reminded),
        },
      ],
    };
  });
}

/**
 * A MANAGER or ADMIN excuses a co-handler (its part WAIVED, with the reason): it no longer holds the lead's
 * resolution. One CO_HANDLER_WAIVED event and its `ticket.co_handler_waived` webhook.
 */
export function waiveCoHandler(
  ctx: ServiceContext,
  input: Versioned & { departmentId: string; reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'waiveCoHandler', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const row = await namedOpenPart(tx, ticket, input.departmentId);
    const waived = await update(tx, row, {
      status: 'WAIVED',
      endedAt: now,
      waivedById: ctx.viewer.id,
      waiveReason: reason,
    });
    return closedPart(ticket, waived, { type: 'CO_HANDLER_WAIVED', note: reason });
  });
}
