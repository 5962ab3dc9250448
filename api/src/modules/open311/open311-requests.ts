import {
  type CloseReason,
  categories,
  type TicketRow,
  type TicketStatus,
  ticketEvents,
  tickets,
} from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import { AppError, badInput } from '../../errors/app-error.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { getScopeAdvice } from '../scope/scope.service.js';
import { createTicket } from '../tickets/create-ticket.js';
import { visibleTickets } from '../tickets/ticket-access.js';
import { selectTicketRows } from '../tickets/ticket-rows.js';
import { getTicketByNumber } from '../tickets/tickets.query.js';
import { requireOpen311Service } from './open311-services.js';
import { readOpen311Submission } from './open311-submission.js';

/** A service request as GET requests answers it (GeoReport v2); never the caller's name or phone. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The answer to POST requests: the new (or, on a retry, the first) request's id at once. */
export interface Open311Receipt {
  service_request_id: string;
  service_notice: string | null;
}

/** GET requests filters, as the query string gave them (each optional, comma-delimited lists). */
export interface Open311Query {
  service_request_id?: string | null;
  service_code?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  status?: string | null;
}

/** The spec's bounds on GET requests: a span of at most 90 days, at most 1000 requests. */
const MAX_SPAN_MS = 90 * 24 * 3600 * 1000;
const MAX_REQUESTS = 1000;
const MAX_IDS = 100;
const CLOSED_STATUSES: TicketStatus[] = ['RESOLVED', 'CLOSED'];
const OPEN_STATUSES: TicketStatus[] = ['NEW', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'RETURNED', 'LINKED'];

/** The caller's side of a ticket closed without a reply: why it was closed, in Open311's words. */
const CLOSE_NOTES: Record<CloseReason, string | null> = {
  RESOLVED: null,
  ANSWERED_DIRECTLY: 'Answered directly.',
  OUT_OF_SCOPE: 'Not within the responsibility of this service.',
  DUPLICATE: 'Duplicate request.',
  WITHDRAWN: 'Withdrawn.',
};

/** Only an INTEGRATION API client files and reads service requests through Open311. */
export function requireOpen311Client(viewer: Viewer): void {
  if (viewer.kind !== 'client' || viewer.role !== 'INTEGRATION') {
    throw new AppError(
      'FORBIDDEN',
      'api_key was not provided or is not a valid key of an integration client',
    );
  }
}

/**
 * POST requests: registers the report through createTicket (routing, auto-dispatch, idempotency on
 * the client's key), then answers its number and the scope screening's advice, if any.
 */
export async function submitOpen311Request(
  ctx: LoaderContext,
  form: Record<string, unknown>,
  idempotencyKey: string | null,
): Promise<Open311Receipt> {
  requireOpen311Client(ctx.viewer);
  const code = typeof form.service_code === 'string' ? form.service_code.trim() : '';
  if (!code) throw badInput('service_code was not provided', 'service_code');
  const service = await requireOpen311Service(ctx.db, code);
  const submission = readOpen311Submission(form, { serviceName: service.service_name, idempotencyKey });
  const ticket = await createTicket(ctx, {
    ...submission.ticket,
    categoryCode: code,
    demandType: 'REPORT',
  });
  return { service_request_id: ticket.number, service_notice: await serviceNotice(ctx, ticket) };
}

/** GET requests/{id}: the one request, if the client may see it (else NOT_FOUND). */
/** Links to tickets' latest PUBLIC photos (copies without EXIF/GPS), by ticket id. */
export type MediaLinks = (ticketIds: string[]) => Promise<Map<string, string>>;

export async function getOpen311Request(
  ctx: LoaderContext,
  id: string,
  media: MediaLinks | null = null,
): Promise<Open311Request> {
  requireOpen311Client(ctx.viewer);
  const ticket = await getTicketByNumber(ctx, id);
  if (!ticket) throw new AppError('NOT_FOUND', `service_request_id ${id} not found`);
  const [notes, photos] = await Promise.all([
    latestPublicNotes(ctx.db, [ticket.id]),
    media ? media([ticket.id]) : new Map<string, string>(),
  ]);
  return toOpen311Request(ctx, ticket, notes.get(ticket.id) ?? null, photos.get(ticket.id) ?? null);
}

/**
 * GET tokens/{token}: requests are realtime, so no token is ever handed out; a client that lost the
 * answer to a POST may look its request up by the idempotency key it sent (or its FixMyStreet id).
 */
export async function getOpen311Token(
  ctx: LoaderContext,
  token: string,
): Promise<{ service_request_id: string; token: string }> {
  requireOpen311Client(ctx.viewer);
  const keys = [token, `fixmystreet_id:${token}`];
  const [ticket] = await selectTicketRows(
    ctx.db,
    sql`where ${and(eq(tickets.createdById, ctx.viewer.id!), inArray(tickets.idempotencyKey, keys))} order by ${tickets.createdAt} limit 1`,
  );
  if (!ticket) throw new AppError('NOT_FOUND', `token ${token} not found`);
  return { service_request_id: ticket.number, token };
}

/**
 * GET requests: the client's visible tickets, newest first, at most 1000, requested within the span
 * (default the last 90 days). `service_request_id` overrides every other filter.
 */
export async function listOpen311Requests(
  ctx: LoaderContext,
  query: Open311Query,
  media: MediaLinks | null = null,
): Promise<Open311Request[]> {
  requireOpen311Client(ctx.viewer);
  const conditions: (SQL | undefined)[] = [visibleTickets(ctx.viewer)];
  const ids = commaList(query.service_request_id);
  if (ids.length > 0) {
    if (ids.length > MAX_IDS)
      throw badInput(`At most ${MAX_IDS} service_request_id at once`, 'service_request_id');
    conditions.push(inArray(tickets.number, ids));
  } else {
    conditions.push(...spanConditions(query, ctx.clock.now()));
    const codes = commaList(query.service_code);
    if (codes.length > 0) {
      conditions.push(
        inArray(
          tickets.categoryId,
          sql`(select id from ${categories} where ${inArray(categories.code, codes)})`,
        ),
      );
    }
    const statuses = commaList(query.status);
    if (statuses.length > 0) conditions.push(inArray(tickets.status, statusesOf(statuses)));
  }
  const rows = await selectTicketRows(
    ctx.db,
    sql`where ${and(...conditions) ?? sql`true`} order by ${desc(tickets.createdAt)}, ${desc(tickets.id)} limit ${MAX_REQUESTS}`,
  );
  const ticketIds = rows.map((row) => row.id);
  const [notes, photos] = await Promise.all([
    latestPublicNotes(ctx.db, ticketIds),
    media ? media(ticketIds) : new Map<string, string>(),
  ]);
  return Promise.all(
    rows.map((row) => toOpen311Request(ctx, row, notes.get(row.id) ?? null, photos.get(row.id) ?? null)),
  );
}

function commaList(value: string | null | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

function statusesOf(values: string[]): TicketStatus[] {
  return values.flatMap((value) => {
    if (value === 'open') return OPEN_STATUSES;
    if (value === 'closed') return CLOSED_STATUSES;
    throw badInput(`status must be open or closed, not ${JSON.stringify(value)}`, 'status');
  });
}

/** start_date/end_date: W3C date-times with a zone, spanning at most 90 days; a missing end is 90 days after the start. */
function spanConditions(query: Open311Query, now: Date): SQL[] {
  const start = query.start_date ? readW3cDate(query.start_date, 'start_date') : null;
  const end = query.end_date ? readW3cDate(query.end_date, 'end_date') : null;
  const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_SPAN_MS);
  if (from.getTime() > to.getTime()) throw badInput('start_date must not be after end_date', 'start_date');
  if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
    throw badInput('start_date and end_date may not span more than 90 days', 'end_date');
  }
  return [gte(tickets.createdAt, from), lt(tickets.createdAt, new Date(to.getTime() + 1000))];
}

const W3C_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C date-time (ISO 8601 subset) that names its zone, e.g. 2010-01-01T00:00:00Z or ...-08:00. */
export function readW3cDate(value: string, field: string): Date {
  const date = new Date(value);
  if (!W3C_DATE_TIME.test(value) || Number.isNaN(date.getTime())) {
    throw badInput(`${field} must be a W3C date-time with a zone, e.g. 2010-01-01T00:00:00Z`, field);
  }
  return date;
}

/** An instant in the spec's format: W3C date-time to the second, in UTC. */
export function w3cDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Each ticket's latest PUBLIC note (the caller's side may read it), in one statement for a page. */
async function latestPublicNotes(db: Db, ticketIds: string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([ticketEvents.ticketId], { ticketId: ticketEvents.ticketId, note: ticketEvents.note })
    .from(ticketEvents)
    .where(
      and(
        inArray(ticketEvents.ticketId, ticketIds),
        eq(ticketEvents.type, 'NOTE_ADDED'),
        eq(ticketEvents.visibility, 'PUBLIC'),
      ),
    )
    .orderBy(ticketEvents.ticketId, desc(ticketEvents.id));
  return new Map(rows.filter((row) => row.note).map((row) => [row.ticketId, row.note!]));
}

async function toOpen311Request(
  ctx: LoaderContext,
  ticket: TicketRow,
  publicNote: string | null,
  photoUrl: string | null,
): Promise<Open311Request> {
  const [category, department, notice] = await Promise.all([
    ticket.categoryId ? ctx.loaders.category.load(ticket.categoryId) : null,
    ticket.departmentId ? ctx.loaders.department.load(ticket.departmentId) : null,
    serviceNotice(ctx, ticket),
  ]);
  const closed = CLOSED_STATUSES.includes(ticket.status);
  return {
    service_request_id: ticket.number,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(ticket, publicNote),
    service_name: category?.name ?? null,
    service_code: category?.code ?? null,
    description: ticket.description,
    agency_responsible: department?.name ?? null,
    service_notice: notice,
    requested_datetime: w3cDate(ticket.createdAt),
    updated_datetime: w3cDate(ticket.updatedAt),
    expected_datetime: ticket.dueAt && !closed ? w3cDate(ticket.dueAt) : null,
    address: ticket.address,
    lat: ticket.latitude,
    long: ticket.longitude,
    // The URL the reporter sent, else the latest PUBLIC photo (stripped copy, short-lived signed link).
    media_url: ticket.mediaUrl ?? photoUrl,
  };
}

/**
 * Once resolved, the reply as told to the caller; else the latest PUBLIC progress note; else, when
 * closed, why it was closed. Never an INTERNAL note.
 */
function statusNotes(ticket: TicketRow, publicNote: string | null): string | null {
  const closed = CLOSED_STATUSES.includes(ticket.status);
  if (closed && ticket.reply) return ticket.reply;
  if (publicNote) return publicNote;
  return closed && ticket.closeReason ? CLOSE_NOTES[ticket.closeReason] : null;
}

/** The scope screening's advice on a ticket still waiting at the hotline (and where to turn instead). */
async function serviceNotice(ctx: LoaderContext, ticket: TicketRow): Promise<string | null> {
  const match = await getScopeAdvice(ctx, ticket);
  if (!match) return null;
  return match.redirectTo ? `${match.advice} (${match.redirectTo})` : match.advice;
}
