import { createHash } from 'node:crypto';
import {
  areas,
  type Channel,
  type CloseReason,
  categories,
  type DemandType,
  departments,
  extensionRequests,
  type Satisfaction,
  type TicketPriority,
  type TicketRow,
  type TicketStatus,
  ticketDepartments,
  tickets,
  users,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { MAX_DURATION_DAYS } from '../../domain/duration.js';
import { checkText } from '../../domain/text-limits.js';
import {
  allowedCloseReasons,
  CREATE_ROLES,
  checkAction,
  type TicketAction,
  waitsForManager,
} from '../../domain/ticket-machine.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { CONFIG_TTL_MS, ShortLivedCache } from '../../shared-cache.js';
import { decideRoute } from '../routing/route-ticket.js';
import {
  acceptSla,
  extendSla,
  pauseSla,
  resumeSla,
  type SlaFields,
  startSlaCycle,
  stopSla,
} from '../sla/sla-cycle.js';
import { visibleTickets } from './ticket-access.js';
import { appendEvents, appendEventsOfMany, type EventDraft } from './ticket-events.writer.js';
import { selectTicketRows, ticketAfter, ticketColumns } from './ticket-rows.js';

export type { TicketRow };
export { ticketColumns };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export interface CreateTicketInput {
  title: string;
  description: string;
  demandType: DemandType;
  channel?: Channel | null;
  priority?: TicketPriority | null;
  categoryCode?: string | null;
  areaCode?: string | null;
  address?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  externalRef?: string | null;
  idempotencyKey?: string | null;
  autoDispatch?: boolean | null;
}

/** Registers a demand; dispatches it at once when `autoDispatch` and a routing rule matches. */
export async function createTicket(ctx: ServiceContext, input: CreateTicketInput): Promise<TicketRow> {
  requireRole(ctx.viewer, CREATE_ROLES);
  const creatorId = ctx.viewer.id;
  if (!creatorId) throw new AppError('FORBIDDEN', 'Only users and API clients register tickets');
  const fields = {
    title: checkText('title', input.title),
    description: checkText('description', input.description),
    address: checkText('address', input.address, { optional: true }),
    callerName: checkText('callerName', input.callerName, { optional: true }),
    callerPhone: checkText('callerPhone', input.callerPhone, { optional: true }),
    externalRef: checkText('externalRef', input.externalRef, { optional: true }),
  };
  const idempotencyKey = checkText('idempotencyKey', input.idempotencyKey, { optional: true });
  const channel: Channel = input.channel ?? (ctx.viewer.kind === 'client' ? 'API' : 'PHONE');
  const idempotencyHash = idempotencyKey
    ? hashPayload({ ...input, idempotencyKey: undefined, channel })
    : null;

  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const categoryId = input.categoryCode ? await idByCode(tx, 'category', input.categoryCode) : null;
    const areaId = input.areaCode ? await idByCode(tx, 'area', input.areaCode) : null;
    const rule = await decideRoute(tx, {
      title: fields.title,
      description: fields.description,
      demandType: input.demandType,
      channel,
      categoryCode: input.categoryCode ?? null,
      areaCode: input.areaCode ?? null,
    });
    const priority: TicketPriority = rule?.priority ?? input.priority ?? 'ORDINARY';
    // Auto-dispatch is written in the same insert: the ticket is born DISPATCHED (version 2, two events).
    const dispatchTo = rule && input.autoDispatch !== false ? rule : null;
    const sla = dispatchTo ? await startSlaCycle(tx, { priority, slaCycle: 0 }, now) : {};

    const inserted = await tx
      .insert(tickets)
      .values({
        ...fields,
        ...sla,
        number: sql`(select to_char(${now.toISOString()}::timestamptz at time zone coalesce((select timezone from business_calendar where id = 1), 'Asia/Shanghai'), 'YYYYMMDD')) || lpad(nextval('ticket_number_seq')::text, 8, '0')`,
        status: dispatchTo ? 'DISPATCHED' : 'NEW',
        version: dispatchTo ? 2 : 1,
        departmentId: dispatchTo?.departmentId ?? null,
        firstDispatchedAt: dispatchTo ? now : null,
        priority,
        demandType: input.demandType,
        channel,
        categoryId,
        areaId,
        createdAt: now,
        updatedAt: now,
        createdById: creatorId,
        idempotencyKey,
        idempotencyHash,
      })
      .onConflictDoNothing({
        target: [tickets.createdById, tickets.idempotencyKey],
        where: sql`idempotency_key is not null`,
      })
      .returning(ticketColumns);
    const created = inserted[0];
    if (!created) return replayIdempotent(tx, creatorId, idempotencyKey!, idempotencyHash!);

    // The CREATED webhook carries the ticket as registered, DISPATCHED the ticket as it is now.
    const registered: TicketRow = { ...created, status: 'NEW', version: 1, departmentId: null, dueAt: null };
    const changes: { ticket: TicketRow; events: EventDraft[] }[] = [
      { ticket: registered, events: [{ type: 'CREATED', toStatus: 'NEW', departmentId: null }] },
    ];
    if (dispatchTo) {
      await tx
        .insert(ticketDepartments)
        .values({ ticketId: created.id, departmentId: dispatchTo.departmentId, firstAt: now });
      const note = `rule: ${dispatchTo.name}`;
      changes.push({
        ticket: created,
        events: [{ type: 'DISPATCHED', fromStatus: 'NEW', toStatus: 'DISPATCHED', note }],
      });
    }
    await appendEventsOfMany(tx, changes, ctx.viewer, now);
    return created;
  });
}

/** A retried create: the first ticket when the payload is the same, CONFLICT when it is not. */
async function replayIdempotent(tx: Tx, creatorId: string, key: string, hash: string): Promise<TicketRow> {
  const [existing] = await tx
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.createdById, creatorId), eq(tickets.idempotencyKey, key)));
  if (!existing) throw new Error('idempotent insert conflicted but no ticket holds the key');
  if (existing.idempotencyHash !== hash) {
    throw new AppError('CONFLICT', `idempotencyKey "${key}" was already used with a different payload`, {
      ticketId: existing.id,
    });
  }
  return existing;
}

function hashPayload(input: object): string {
  const entries = Object.entries(input)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

const codeIds = new ShortLivedCache<string>(CONFIG_TTL_MS);

/** Resolves a category or area code; codes are read on every intake, so known ones are briefly cached. */
function idByCode(tx: Tx, kind: 'category' | 'area', code: string): Promise<string> {
  const table = kind === 'category' ? categories : areas;
  return codeIds.get(`${kind}:${code}`, async () => {
    const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.code, code));
    if (!row) throw badInput(`Unknown ${kind} code "${code}"`, `${kind}Code`);
    return row.id;
  });
}

async function requireDepartment(tx: Tx, departmentId: string): Promise<void> {
  const [row] = isUuid(departmentId)
    ? await tx
        .select({ active: departments.active })
        .from(departments)
        .where(eq(departments.id, departmentId))
    : [];
  if (!row) throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  if (!row.active) throw badInput('That department is inactive', 'departmentId');
}

/** Hands the ticket to a department and starts a new SLA cycle. */
async function dispatchFields(
  tx: Tx,
  ticket: TicketRow,
  departmentId: string,
  now: Date,
): Promise<Partial<TicketRow>> {
  await tx
    .insert(ticketDepartments)
    .values({ ticketId: ticket.id, departmentId, firstAt: now })
    .onConflictDoNothing();
  return {
    status: 'DISPATCHED',
    departmentId,
    assigneeId: null,
    firstDispatchedAt: ticket.firstDispatchedAt ?? now,
    ...(await startSlaCycle(tx, ticket, now)),
  };
}

export interface Change {
  set: Partial<TicketRow> & SlaFields;
  /** fromStatus/toStatus default to the ticket's before and after. */
  events: EventDraft[];
}

async function applyChange(tx: Tx, ctx: ServiceContext, ticket: TicketRow, now: Date, change: Change) {
  const set = { ...change.set, version: ticket.version + 1, updatedAt: now };
  const update = tx.update(tickets).set(set).where(eq(tickets.id, ticket.id));
  // The row is locked: unless a value is computed by the database, the result is known without
  // reading it back, and the update travels in the statement that writes the events.
  const known = ticketAfter(ticket, set);
  const updated = known ?? (await update.returning(ticketColumns))[0];
  if (!updated) throw new Error('ticket vanished inside its own transaction');
  const drafts: EventDraft[] = change.events.map((event) => ({
    fromStatus: ticket.status,
    toStatus: updated.status,
    ...event,
  }));
  // Part of the same change (one version step), like the second event of recordFeedback.
  if (endsExtensionScope(ticket, updated))
    drafts.push(...(await cancelPendingExtension(tx, ctx, ticket, updated, now)));
  await appendEvents(tx, updated, drafts, ctx.viewer, now, known ? update : undefined);
  return updated;
}

/**
 * A pending extension request asks for more time for one department in one SLA cycle: it ends when
 * the responsible department changes or the cycle ends (return, reassignment, resolve, close, merge,
 * reopen), so that a later decision cannot move the deadline of another department or cycle.
 */
function endsExtensionScope(before: TicketRow, after: TicketRow): boolean {
  if (before.status === 'NEW') return false; // never had a request
  return (
    after.departmentId !== before.departmentId ||
    after.slaCycle !== before.slaCycle ||
    !EXTENSION_STATUSES.includes(after.status)
  );
}
const EXTENSION_STATUSES: readonly TicketStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];

/** Cancels the ticket's pending extension request, if any: its EXTENSION_CANCELLED event, or none. */
async function cancelPendingExtension(
  tx: Tx,
  ctx: ServiceContext,
  before: TicketRow,
  after: TicketRow,
  now: Date,
): Promise<EventDraft[]> {
  const cancelled = await tx
    .update(extensionRequests)
    .set({ status: 'CANCELLED', decidedById: ctx.viewer.id, decidedAt: now })
    .where(and(eq(extensionRequests.ticketId, before.id), eq(extensionRequests.status, 'PENDING')))
    .returning({ until: extensionRequests.until });
  return cancelled.map((request) => ({
    type: 'EXTENSION_CANCELLED',
    fromStatus: after.status,
    toStatus: after.status,
    // The department that asked: after a return the ticket has none.
    departmentId: before.departmentId,
    note: `request until ${request.until.toISOString()}`,
  }));
}

const ACTION_LABEL: Record<TicketAction, string> = {
  dispatch: 'dispatch',
  accept: 'accept',
  assign: 'assign',
  return: 'return',
  reassign: 'reassign',
  hold: 'hold',
  resume: 'resume',
  requestExtension: 'request an extension for',
  decideExtension: 'decide an extension for',
  resolve: 'resolve',
  recordFeedback: 'record feedback on',
  close: 'close',
  merge: 'merge',
};

export interface ChangeOptions {
  /**
   * Another ticket the plan locks too (merge target): both rows are locked in id order before the
   * ticket is read, so two changes that lock the same pair in crossed order wait instead of deadlocking.
   */
  alsoLock?: string;
}

/** Locks tickets in id order (PostgreSQL sorts the rows before it locks them). */
async function lockInIdOrder(tx: Tx, ids: string[]): Promise<void> {
  await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(inArray(tickets.id, ids))
    .orderBy(asc(tickets.id))
    .for('update');
}

/**
 * The one path of every change to an existing ticket: lock it, check visibility, role, version and
 * status, apply the change, write its events and outbox rows, all in one transaction.
 */
export async function changeTicket(
  ctx: ServiceContext,
  action: TicketAction,
  id: string,
  expectedVersion: number | null | undefined,
  plan: (ticket: TicketRow, tx: Tx, now: Date) => Promise<Change> | Change,
  options: ChangeOptions = {},
): Promise<TicketRow> {
  const viewer = ctx.viewer;
  requireSignedIn(viewer);
  if (!isUuid(id)) throw notFound('Ticket');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (options.alsoLock && isUuid(options.alsoLock)) await lockInIdOrder(tx, [id, options.alsoLock]);
    const [ticket] = await selectTicketRows(
      tx,
      sql`where ${and(eq(tickets.id, id), visibleTickets(viewer))} for update`,
    );
    if (!ticket) throw notFound('Ticket');
    const refusal = checkAction(action, ticket, viewer);
    if (refusal === 'FORBIDDEN') {
      throw new AppError('FORBIDDEN', `A ${viewer.role} may not ${ACTION_LABEL[action]} this ticket`);
    }
    if (expectedVersion != null && expectedVersion !== ticket.version) {
      throw new AppError(
        'CONFLICT',
        `Ticket ${ticket.number} was changed by someone else (now version ${ticket.version}, you had ${expectedVersion}); reload it`,
        { currentVersion: ticket.version },
      );
    }
    if (refusal === 'INVALID_TRANSITION') {
      throw new AppError(
        'INVALID_TRANSITION',
        `Cannot ${ACTION_LABEL[action]} a ticket that is ${ticket.status}`,
        {
          status: ticket.status,
        },
      );
    }
    return applyChange(tx, ctx, ticket, now, await plan(ticket, tx, now));
  });
}

interface Versioned {
  id: string;
  expectedVersion?: number | null;
}

export function dispatchTicket(
  ctx: ServiceContext,
  input: Versioned & { departmentId?: string | null; note?: string | null },
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
      await requireDepartment(tx, departmentId);
    } else {
      const rule = await decideRoute(tx, await routableOf(tx, ticket));
      if (!rule) throw badInput('No routing rule matches this ticket: choose a department', 'departmentId');
      departmentId = rule.departmentId;
      priority = rule.priority ?? priority;
      ruleNote = `rule: ${rule.name}`;
    }
    return {
      set: { ...(await dispatchFields(tx, { ...ticket, priority }, departmentId, now)), priority },
      events: [{ type: 'DISPATCHED', departmentId, note: note ?? ruleNote }],
    };
  });
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

export function acceptTicket(ctx: ServiceContext, input: Versioned): Promise<TicketRow> {
  return changeTicket(ctx, 'accept', input.id, input.expectedVersion, (ticket, _tx, now) => ({
    set: { status: 'IN_PROGRESS', ...acceptSla(ticket, now) },
    events: [{ type: 'ACCEPTED' }],
  }));
}

export function assignTicket(ctx: ServiceContext, input: Versioned & { userId: string }): Promise<TicketRow> {
  return changeTicket(ctx, 'assign', input.id, input.expectedVersion, async (ticket, tx) => {
    const [user] = isUuid(input.userId)
      ? await tx
          .select({ id: users.id, name: users.name, departmentId: users.departmentId, active: users.active })
          .from(users)
          .where(eq(users.id, input.userId))
      : [];
    if (!user?.active) throw badInput(`Unknown user ${input.userId}`, 'userId');
    if (user.departmentId !== ticket.departmentId) {
      throw badInput(`${user.name} is not in the ticket's department`, 'userId');
    }
    return { set: { assigneeId: user.id }, events: [{ type: 'ASSIGNED', note: user.name }] };
  });
}

export function returnTicket(ctx: ServiceContext, input: Versioned & { reason: string }): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'return', input.id, input.expectedVersion, (ticket, _tx, now) => {
    const returnCount = ticket.returnCount + 1;
    return {
      set: {
        status: 'RETURNED',
        departmentId: null,
        assigneeId: null,
        returnCount,
        // A ticket bounced twice goes to a manager instead of bouncing again.
        needsManager: returnCount >= 2,
        ...stopSla(ticket, now),
      },
      events: [{ type: 'RETURNED', departmentId: ticket.departmentId, note: reason }],
    };
  });
}

export function reassignTicket(
  ctx: ServiceContext,
  input: Versioned & { departmentId: string; reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'reassign', input.id, input.expectedVersion, async (ticket, tx, now) => {
    await requireDepartment(tx, input.departmentId);
    return {
      set: {
        ...(await dispatchFields(tx, ticket, input.departmentId, now)),
        returnCount: 0,
        needsManager: false,
      },
      events: [{ type: 'REASSIGNED', departmentId: input.departmentId, note: reason }],
    };
  });
}

export function holdTicket(ctx: ServiceContext, input: Versioned & { reason: string }): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'hold', input.id, input.expectedVersion, (ticket, _tx, now) => ({
    set: { status: 'ON_HOLD', ...pauseSla(ticket, now) },
    events: [{ type: 'HELD', note: reason }],
  }));
}

export function resumeTicket(ctx: ServiceContext, input: Versioned): Promise<TicketRow> {
  return changeTicket(ctx, 'resume', input.id, input.expectedVersion, async (ticket, tx, now) => ({
    set: { status: 'IN_PROGRESS', ...(await resumeSla(tx, ticket, now)) },
    events: [{ type: 'RESUMED' }],
  }));
}

export function requestExtension(
  ctx: ServiceContext,
  input: Versioned & { until: Date; reason: string },
): Promise<TicketRow> {
  const reason = checkText('reason', input.reason);
  return changeTicket(ctx, 'requestExtension', input.id, input.expectedVersion, async (ticket, tx, now) => {
    if (input.until.getTime() <= Math.max(now.getTime(), ticket.dueAt?.getTime() ?? 0)) {
      throw badInput('An extension must end after the current deadline', 'until');
    }
    if (input.until.getTime() > now.getTime() + MAX_DURATION_DAYS * 86_400_000) {
      throw badInput(`An extension may end at most ${MAX_DURATION_DAYS} days from now`, 'until');
    }
    const inserted = await tx
      .insert(extensionRequests)
      .values({
        ticketId: ticket.id,
        requestedById: ctx.viewer.id!,
        until: input.until,
        reason,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: extensionRequests.id });
    if (inserted.length === 0) {
      throw new AppError('INVALID_TRANSITION', 'An extension request is already pending for this ticket');
    }
    return {
      set: {},
      events: [{ type: 'EXTENSION_REQUESTED', note: `${input.until.toISOString()}: ${reason}` }],
    };
  });
}

export function decideExtension(
  ctx: ServiceContext,
  input: Versioned & { approve: boolean; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'decideExtension', input.id, input.expectedVersion, async (ticket, tx, now) => {
    const [request] = await tx
      .update(extensionRequests)
      .set({
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedById: ctx.viewer.id,
        decidedAt: now,
        note,
      })
      .where(and(eq(extensionRequests.ticketId, ticket.id), eq(extensionRequests.status, 'PENDING')))
      .returning();
    if (!request) throw new AppError('INVALID_TRANSITION', 'No extension request is pending for this ticket');
    const decision = input.approve ? `approved until ${request.until.toISOString()}` : 'rejected';
    return {
      set: input.approve ? await extendSla(tx, ticket, request.until, now) : {},
      events: [{ type: 'EXTENSION_DECIDED', note: note ? `${decision}: ${note}` : decision }],
    };
  });
}

export function resolveTicket(ctx: ServiceContext, input: Versioned & { reply: string }): Promise<TicketRow> {
  const reply = checkText('reply', input.reply);
  return changeTicket(ctx, 'resolve', input.id, input.expectedVersion, (ticket, _tx, now) => ({
    set: { status: 'RESOLVED', reply, resolvedAt: now, ...stopSla(ticket, now) },
    events: [{ type: 'RESOLVED' }],
  }));
}

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
      },
      events: [recorded, { type: 'REOPENED', fromStatus: 'RESOLVED', note: comment }],
    };
  });
}

export function closeTicket(
  ctx: ServiceContext,
  input: Versioned & { reason: CloseReason; note?: string | null },
): Promise<TicketRow> {
  const note = checkText('note', input.note, { optional: true });
  return changeTicket(ctx, 'close', input.id, input.expectedVersion, (ticket, _tx, now) => {
    if (!allowedCloseReasons(ticket.status).includes(input.reason)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `A ${ticket.status} ticket cannot be closed as ${input.reason}`,
        {
          status: ticket.status,
        },
      );
    }
    return {
      set: { status: 'CLOSED', closeReason: input.reason, closedAt: now, ...stopSla(ticket, now) },
      events: [{ type: 'CLOSED', note: note ?? input.reason }],
    };
  });
}
