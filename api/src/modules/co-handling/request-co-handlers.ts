import { departments, type TicketCoHandlerRow, ticketCoHandlers } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';
import type { EventDraft } from '../tickets/ticket-events.writer.js';

/** At most this many co-handling departments per dispatch. */
export const MAX_CO_HANDLERS = 10;

/** What a dispatch or reassignment may say about co-handling (协办). */
export interface CoHandlingInput {
  /** The co-handling departments: distinct, existing and active, never the lead. Omitted: none. */
  coHandlingDepartmentIds?: readonly string[] | null;
  /**
   * When their replies are due: after now and no later than the lead's resolution deadline. Omitted: half
   * way from now to the lead's resolution deadline of the new SLA cycle (the policy's resolve time).
   */
  coHandlingDueAt?: Date | null;
}

/** What a webhook carries of a co-handler: ids, status and times, never the reply (staff text). */
export function webhookCoHandler(row: TicketCoHandlerRow) {
  return {
    coHandler: {
      id: row.id,
      departmentId: row.departmentId,
      status: row.status,
      dueAt: row.dueAt.toISOString(),
      repliedAt: row.repliedAt?.toISOString() ?? null,
    },
  };
}

/** The co-handling departments asked for, checked: distinct, not the lead, existing and active. */
async function checkedDepartments(tx: Tx, ids: readonly string[], leadId: string): Promise<string[]> {
  const field = 'coHandlingDepartmentIds';
  const wanted = ids.map((id) => id.toLowerCase());
  if (wanted.length > MAX_CO_HANDLERS) throw badInput(`At most ${MAX_CO_HANDLERS} co-handlers`, field);
  if (new Set(wanted).size !== wanted.length) throw badInput('A co-handler is named twice', field);
  if (wanted.includes(leadId.toLowerCase())) {
    throw badInput('The lead department cannot also be a co-handler', field);
  }
  const bad = wanted.find((id) => !isUuid(id));
  if (bad) throw badInput(`Unknown department ${bad}`, field);
  const rows = wanted.length
    ? await tx
        .select({ id: departments.id, active: departments.active })
        .from(departments)
        .where(inArray(departments.id, wanted))
    : [];
  const found = new Map(rows.map((row) => [row.id, row.active]));
  for (const id of wanted) {
    if (!found.has(id)) throw badInput(`Unknown department ${id}`, field);
    if (!found.get(id)) throw badInput('That co-handling department is inactive', field);
  }
  return wanted;
}

function replyDeadline(input: CoHandlingInput, leadDueAt: Date | null | undefined, now: Date): Date {
  const field = 'coHandlingDueAt';
  const given = input.coHandlingDueAt ?? null;
  if (given == null) {
    if (!leadDueAt) throw badInput('No resolution deadline to derive it from: give coHandlingDueAt', field);
    return new Date(now.getTime() + Math.round((leadDueAt.getTime() - now.getTime()) / 2));
  }
  if (given.getTime() <= now.getTime()) throw badInput('coHandlingDueAt must be in the future', field);
  if (leadDueAt && given.getTime() > leadDueAt.getTime()) {
    throw badInput("coHandlingDueAt must not be after the lead's resolution deadline", field);
  }
  return given;
}

/**
 * A dispatch or reassignment names the whole co-handling set of the new lead: the parts still open from
 * before are CANCELLED (no event: the dispatch is the event), the new ones requested PENDING, one
 * CO_HANDLING_REQUESTED event (and `ticket.co_handling_requested` webhook) each. Returns the ticket's
 * new `openCoHandlerIds` and the events, for the caller's change.
 */
export async function requestCoHandlers(
  tx: Tx,
  ctx: ServiceContext,
  args: { ticketId: string; leadId: string; leadDueAt: Date | null | undefined; now: Date },
  input: CoHandlingInput,
): Promise<{ openCoHandlerIds: string[]; events: EventDraft[] }> {
  const ids = await checkedDepartments(tx, input.coHandlingDepartmentIds ?? [], args.leadId);
  if (ids.length === 0 && input.coHandlingDueAt != null) {
    throw badInput('coHandlingDueAt needs coHandlingDepartmentIds', 'coHandlingDueAt');
  }
  await cancelOpenCoHandlers(tx, args.ticketId, args.now);
  if (ids.length === 0) return { openCoHandlerIds: [], events: [] };
  const dueAt = replyDeadline(input, args.leadDueAt, args.now);
  const rows = await tx
    .insert(ticketCoHandlers)
    .values(
      ids.map((departmentId) => ({
        ticketId: args.ticketId,
        departmentId,
        dueAt,
        requestedById: ctx.viewer.id,
        createdAt: args.now,
      })),
    )
    .returning();
  return {
    openCoHandlerIds: ids,
    events: rows.map((row) => ({
      type: 'CO_HANDLING_REQUESTED',
      departmentId: row.departmentId,
      webhookExtra: webhookCoHandler(row),
    })),
  };
}

/** Ends every open part of the ticket (the case left the lead, or a new dispatch names a new set). */
export async function cancelOpenCoHandlers(tx: Tx, ticketId: string, now: Date): Promise<void> {
  await tx
    .update(ticketCoHandlers)
    .set({ status: 'CANCELLED', endedAt: now })
    .where(
      and(eq(ticketCoHandlers.ticketId, ticketId), inArray(ticketCoHandlers.status, ['PENDING', 'ACCEPTED'])),
    );
}
