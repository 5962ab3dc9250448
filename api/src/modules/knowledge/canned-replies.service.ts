import {
  businessCalendar,
  type CannedReplyRow,
  cannedReplies,
  departments,
  knowledgeChanges,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { asc, eq, isNull, or } from 'drizzle-orm';
import { requireRole, requireSignedIn, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import {
  CANNED_REPLY_PLACEHOLDERS,
  type CannedReplyValues,
  fillPlaceholders,
  unknownPlaceholders,
} from '../../domain/canned-reply.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { getTicket } from '../tickets/tickets.query.js';

const EDITOR_ROLES = ['ADMIN', 'MANAGER', 'HANDLER'] as const;
const READER_ROLES = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'] as const;
/** What fills {caller_name} when the caller left no name. */
const ANONYMOUS_CALLER = '市民';

export interface CannedReplyInput {
  title: string;
  body: string;
  /** Null: the hotline centre's, offered to every department. */
  departmentId?: string | null;
}

/** The replies a viewer may use: the centre's and its department's (managers and agents: all). */
export async function listCannedReplies(ctx: ServiceContext): Promise<CannedReplyRow[]> {
  requireRole(ctx.viewer, READER_ROLES);
  const scope =
    ctx.viewer.role === 'HANDLER'
      ? or(isNull(cannedReplies.departmentId), eq(cannedReplies.departmentId, ctx.viewer.departmentId ?? ''))
      : undefined;
  return ctx.db
    .select()
    .from(cannedReplies)
    .where(scope)
    .orderBy(asc(cannedReplies.departmentId), asc(cannedReplies.title), asc(cannedReplies.id));
}

export async function createCannedReply(
  ctx: ServiceContext,
  input: CannedReplyInput,
): Promise<CannedReplyRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  const fields = checkReply(input);
  const departmentId =
    ctx.viewer.role === 'HANDLER' ? (input.departmentId ?? ctx.viewer.departmentId) : fields.departmentId;
  requireReplyEditor(ctx.viewer, departmentId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await checkDepartment(tx, departmentId);
    const [created] = await tx
      .insert(cannedReplies)
      .values({ ...fields, departmentId, createdAt: now, updatedAt: now })
      .returning();
    await recordReplyChange(tx, ctx.viewer, now, 'CREATED', null, created!);
    return created!;
  });
}

export async function updateCannedReply(
  ctx: ServiceContext,
  id: string,
  input: CannedReplyInput,
): Promise<CannedReplyRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  const fields = checkReply(input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const reply = await lockReply(tx, ctx.viewer, id);
    const departmentId = input.departmentId === undefined ? reply.departmentId : fields.departmentId;
    requireReplyEditor(ctx.viewer, departmentId);
    await checkDepartment(tx, departmentId);
    const [updated] = await tx
      .update(cannedReplies)
      .set({ ...fields, departmentId, updatedAt: now })
      .where(eq(cannedReplies.id, reply.id))
      .returning();
    await recordReplyChange(tx, ctx.viewer, now, 'UPDATED', reply, updated!);
    return updated!;
  });
}

export async function deleteCannedReply(ctx: ServiceContext, id: string): Promise<CannedReplyRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const reply = await lockReply(tx, ctx.viewer, id);
    await tx.delete(cannedReplies).where(eq(cannedReplies.id, reply.id));
    await recordReplyChange(tx, ctx.viewer, now, 'DELETED', reply, null);
    return reply;
  });
}

/**
 * A canned reply filled from a ticket the viewer may see: {caller_name}, {ticket_number},
 * {department} (the one now responsible) and {deadline} (the resolution deadline, hotline time).
 */
export async function renderCannedReply(ctx: ServiceContext, id: string, ticketId: string): Promise<string> {
  requireRole(ctx.viewer, READER_ROLES);
  const ticket = await getTicket(ctx, ticketId);
  if (!ticket) throw notFound('Ticket');
  const [reply] = isUuid(id) ? await ctx.db.select().from(cannedReplies).where(eq(cannedReplies.id, id)) : [];
  if (!reply || !mayUseReply(ctx.viewer, reply.departmentId)) throw notFound('Canned reply');
  const [department] = ticket.departmentId
    ? await ctx.db
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, ticket.departmentId))
    : [];
  const [calendar] = await ctx.db
    .select({ timezone: businessCalendar.timezone })
    .from(businessCalendar)
    .where(eq(businessCalendar.id, 1));
  const values: CannedReplyValues = {
    caller_name: ticket.callerName ?? ANONYMOUS_CALLER,
    ticket_number: ticket.number,
    department: department?.name ?? '',
    deadline: ticket.dueAt ? formatLocal(ticket.dueAt, calendar?.timezone ?? 'Asia/Shanghai') : '',
  };
  return fillPlaceholders(reply.body, values);
}

/** `2026-03-05 18:00` in the hotline's time zone. */
function formatLocal(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function mayUseReply(viewer: Viewer, departmentId: string | null): boolean {
  return viewer.role !== 'HANDLER' || departmentId === null || departmentId === viewer.departmentId;
}

/** Managers keep the centre's replies (and may fix any); a department its own. */
export function mayEditReply(viewer: Viewer, departmentId: string | null): boolean {
  if (viewer.role === 'ADMIN' || viewer.role === 'MANAGER') return true;
  return viewer.role === 'HANDLER' && departmentId !== null && departmentId === viewer.departmentId;
}

function requireReplyEditor(viewer: Viewer, departmentId: string | null) {
  if (!mayEditReply(viewer, departmentId)) {
    throw new AppError('FORBIDDEN', "Managers keep the centre's replies; a department only its own");
  }
}

async function lockReply(tx: Tx, viewer: Viewer, id: string): Promise<CannedReplyRow> {
  requireSignedIn(viewer);
  const [reply] = isUuid(id)
    ? await tx.select().from(cannedReplies).where(eq(cannedReplies.id, id)).for('update')
    : [];
  if (!reply || !mayUseReply(viewer, reply.departmentId)) throw notFound('Canned reply');
  requireReplyEditor(viewer, reply.departmentId);
  return reply;
}

function checkReply(input: CannedReplyInput) {
  const body = checkText('reply', input.body, { label: 'body' });
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${CANNED_REPLY_PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}`,
      { field: 'body' },
    );
  }
  if (input.departmentId != null && !isUuid(input.departmentId))
    throw badInput('departmentId is not an id', 'departmentId');
  return { title: checkText('title', input.title), body, departmentId: input.departmentId ?? null };
}

async function checkDepartment(tx: Tx, departmentId: string | null) {
  if (!departmentId) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!row) throw badInput(`Unknown department ${departmentId}`, 'departmentId');
}

async function recordReplyChange(
  tx: Tx,
  actor: Viewer,
  at: Date,
  action: string,
  before: CannedReplyRow | null,
  after: CannedReplyRow | null,
) {
  const keep = (row: CannedReplyRow | null) =>
    row ? JSON.stringify({ title: row.title, body: row.body, departmentId: row.departmentId }) : null;
  await tx.insert(knowledgeChanges).values({
    subject: 'CANNED_REPLY',
    subjectId: (after ?? before)!.id,
    action,
    actorId: actor.kind === 'user' ? actor.id : null,
    at,
    before: keep(before),
    after: keep(after),
  });
}
