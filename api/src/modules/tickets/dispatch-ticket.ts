import { areas, categories, type TicketRow, ticketDepartments } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { waitsForManager } from '../../domain/ticket-machine.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { type CoHandlingInput, requestCoHandlers } from '../co-handling/request-co-handlers.js';
import { requireDepartment } from '../departments/require-department.js';
import { decideRoute } from '../routing/route-ticket.js';
import { startSlaCycle } from '../sla/sla-cycle.js';
import { type Change, changeTicket, type Versioned } from './change-ticket.js';
import type { EventDraft } from './ticket-events.writer.js';

/** Hands the ticket to a department (chosen, or by the routing rules) and starts a new SLA cycle. */
export function dispatchTicket(
  ctx: ServiceContext,
  input: Versioned & CoHandlingInput & { departmentId?: string | null; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'dispatch', input.id, input.expectedVersion, async (ticket, tx, now) => {
    if (waitsForManager(ticket, ctx.viewer)) {
      throw new AppError('FORBIDDEN', 'This ticket was returned twice: a manager must reassign it');
    }
    let departmentId = input.departmentId ?? null;
    let priority = ticket.priority;
    let ruleNote: string | null = null;
    if (departmentId) {
      await requireDepartment(tx, departmentId, { active: true });
    } else {
      const rule = await decideRoute(tx, await routableOf(tx, ticket));
      if (!rule) throw badInput('No routing rule matches this ticket: choose a department', 'departmentId');
      departmentId = rule.departmentId;
      priority = rule.priority ?? priority;
      ruleNote = `rule: ${rule.name}`;
    }
    const fields = await dispatchFields(tx, ctx, { ...ticket, priority }, departmentId, now, input);
    return {
      set: { ...fields.set, priority },
      events: [{ type: 'DISPATCHED', departmentId, note: note ?? ruleNote }, ...fields.events],
    };
  });
}

/** A manager's dispatch to another department, which also clears the returns that brought it there. */
export function reassignTicket(
  ctx: ServiceContext,
  input: Versioned & CoHandlingInput & { departmentId: string; reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'reassign', input.id, input.expectedVersion, async (ticket, tx, now) => {
    await requireDepartment(tx, input.departmentId, { active: true });
    const fields = await dispatchFields(tx, ctx, ticket, input.departmentId, now, input);
    return {
      set: { ...fields.set, returnCount: 0, needsManager: false },
      events: [{ type: 'REASSIGNED', departmentId: input.departmentId, note: reason }, ...fields.events],
    };
  });
}

/**
 * Hands the ticket to a department, starts a new SLA cycle and requests the co-handlers named (the
 * previous dispatch's open parts end: a dispatch names the whole set).
 */
async function dispatchFields(
  tx: Tx,
  ctx: ServiceContext,
  ticket: TicketRow,
  departmentId: string,
  now: Date,
  coHandling: CoHandlingInput,
): Promise<{ set: Change['set']; events: EventDraft[] }> {
  await tx
    .insert(ticketDepartments)
    .values({ ticketId: ticket.id, departmentId, firstAt: now })
    .onConflictDoNothing();
  const sla = await startSlaCycle(tx, ticket, now);
  const coHandlers = await requestCoHandlers(
    tx,
    ctx,
    { ticketId: ticket.id, leadId: departmentId, leadDueAt: sla.dueAt, now },
    coHandling,
  );
  return {
    set: {
      status: 'DISPATCHED',
      departmentId,
      assigneeId: null,
      firstDispatchedAt: ticket.firstDispatchedAt ?? now,
      openCoHandlerIds: coHandlers.openCoHandlerIds,
      ...sla,
    },
    events: coHandlers.events,
  };
}

async function routableOf(tx: Tx, ticket: TicketRow) {
  const code = async (table: typeof categories | typeof areas, id: string | null) =>
    id
      ? ((await tx.select({ code: table.code }).from(table).where(eq(table.id, id)))[0]?.code ?? null)
      : null;
  return {
    title: ticket.title,
    description: ticket.description,
    demandType: ticket.demandType,
    channel: ticket.channel,
    categoryCode: await code(categories, ticket.categoryId),
    areaCode: await code(areas, ticket.areaId),
  };
}
