import { createHash } from 'node:crypto';
import {
  areas,
  type CallerLanguage,
  type Channel,
  categories,
  type DemandType,
  knowledgeArticles,
  type TicketPriority,
  type TicketRow,
  ticketDepartments,
  tickets,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, gt, isNull, lte, or, type SQLWrapper, sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkLocation, checkMediaUrl, type GeoPointInput } from '../../domain/location.js';
import { checkText } from '../../domain/text-limits.js';
import { CREATE_ROLES } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { CONFIG_TTL_MS, ShortLivedCache } from '../../shared-cache.js';
import { checkCallerEmail, issueCitizenAccess } from '../citizen/citizen-access.js';
import { type CoHandlingInput, requestCoHandlers } from '../co-handling/request-co-handlers.js';
import { decideRoute } from '../routing/route-ticket.js';
import { startSlaCycle } from '../sla/sla-cycle.js';
import { appendEventsOfMany, type EventDraft } from './ticket-events.writer.js';
import { ticketColumns } from './ticket-rows.js';

export interface CreateTicketInput extends CoHandlingInput {
  title: string;
  description: string;
  demandType: DemandType;
  channel?: Channel | null;
  priority?: TicketPriority | null;
  categoryCode?: string | null;
  areaCode?: string | null;
  address?: string | null;
  /** Where the demand is: WGS-84 degrees, or GCJ-02 ones (converted) when `system` says so. */
  location?: GeoPointInput | null;
  /** A link to a photo or other media (stored, never downloaded). */
  mediaUrl?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  externalRef?: string | null;
  idempotencyKey?: string | null;
  autoDispatch?: boolean | null;
  /** For notifications by e-mail; optional. */
  callerEmail?: string | null;
  /** The language of the caller's status page and notifications; default zh-CN. */
  callerLanguage?: CallerLanguage | null;
  answeredFromArticleId?: string | null;
}

/** The registered ticket; `lookupCode` only when this call registered it (never on an idempotent replay). */
export type CreatedTicket = TicketRow & { lookupCode?: string | null };

/** Registers a demand; dispatches it at once when `autoDispatch` and a routing rule matches. */
export async function createTicket(ctx: ServiceContext, input: CreateTicketInput): Promise<CreatedTicket> {
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
    mediaUrl: checkMediaUrl(input.mediaUrl),
  };
  const location = checkLocation(input.location);
  const idempotencyKey = checkText('idempotencyKey', input.idempotencyKey, { optional: true });
  const callerEmail = checkCallerEmail(input.callerEmail);
  const articleId = input.answeredFromArticleId ?? null;
  if (articleId) {
    requireRole(ctx.viewer, ANSWER_ROLES);
    if (!isUuid(articleId)) throw badInput('answeredFromArticleId is not an id', 'answeredFromArticleId');
  }
  const channel: Channel = input.channel ?? (ctx.viewer.kind === 'client' ? 'API' : 'PHONE');
  const idempotencyHash = idempotencyKey
    ? hashPayload({ ...input, idempotencyKey: undefined, channel, location: location ?? undefined })
    : null;

  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const categoryId = input.categoryCode ? await idByCode(tx, 'category', input.categoryCode) : null;
    const areaId = input.areaCode ? await idByCode(tx, 'area', input.areaCode) : null;
    // Answered on the spot: nothing to route, the ticket is born CLOSED.
    const rule = articleId
      ? null
      : await decideRoute(tx, {
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
        latitude: location?.lat ?? null,
        longitude: location?.lng ?? null,
        number: sql`(select to_char(${now.toISOString()}::timestamptz at time zone coalesce((select timezone from business_calendar where id = 1), 'Asia/Shanghai'), 'YYYYMMDD')) || lpad(nextval('ticket_number_seq')::text, 8, '0')`,
        status: dispatchTo ? 'DISPATCHED' : articleId ? 'CLOSED' : 'NEW',
        version: dispatchTo || articleId ? 2 : 1,
        ...(articleId
          ? { answeredFromArticleId: articleId, closeReason: 'ANSWERED_DIRECTLY' as const, closedAt: now }
          : {}),
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
    const registered: TicketRow = {
      ...created,
      status: 'NEW',
      version: 1,
      departmentId: null,
      dueAt: null,
      closeReason: null,
      closedAt: null,
    };
    const changes: { ticket: TicketRow; events: EventDraft[] }[] = [
      { ticket: registered, events: [{ type: 'CREATED', toStatus: 'NEW', departmentId: null }] },
    ];
    const coHandling = (input.coHandlingDepartmentIds ?? []).length > 0 || input.coHandlingDueAt != null;
    if (coHandling && !dispatchTo) {
      throw new AppError(
        'BAD_USER_INPUT',
        'Co-handlers are named at a dispatch, and no routing rule dispatched this ticket at once: register it, then dispatch it with them',
        { field: 'coHandlingDepartmentIds', reason: 'NOT_DISPATCHED_AT_ONCE' },
      );
    }
    // The lead department's row of the ticket's history travels in the statement that writes the
    // events (a round trip fewer); nothing before that statement reads it.
    let alongside: SQLWrapper | undefined;
    if (dispatchTo) {
      alongside = tx
        .insert(ticketDepartments)
        .values({ ticketId: created.id, departmentId: dispatchTo.departmentId, firstAt: now });
      const note = `rule: ${dispatchTo.name}`;
      const events: EventDraft[] = [{ type: 'DISPATCHED', fromStatus: 'NEW', toStatus: 'DISPATCHED', note }];
      if (coHandling) {
        // Named with the dispatch, as dispatchTicket names them: one CO_HANDLING_REQUESTED event each.
        const requested = await requestCoHandlers(
          tx,
          ctx,
          { ticketId: created.id, leadId: dispatchTo.departmentId, leadDueAt: created.dueAt, now },
          input,
        );
        await tx
          .update(tickets)
          .set({ openCoHandlerIds: requested.openCoHandlerIds })
          .where(eq(tickets.id, created.id));
        created.openCoHandlerIds = requested.openCoHandlerIds;
        events.push(
          ...requested.events.map((event) => ({
            ...event,
            fromStatus: 'NEW' as const,
            toStatus: 'DISPATCHED' as const,
          })),
        );
      }
      changes.push({ ticket: created, events });
    }
    if (articleId) {
      const article = await useArticle(tx, articleId, now);
      changes.push({
        ticket: created,
        events: [
          {
            type: 'CLOSED',
            fromStatus: 'NEW',
            toStatus: 'CLOSED',
            note: `ANSWERED_DIRECTLY: ${article.title}`,
          },
        ],
      });
    }
    // Issued together, the two statements are pipelined on the transaction's connection (postgres.js):
    // one write and one wait instead of two.
    const [, lookupCode] = await Promise.all([
      appendEventsOfMany(tx, changes, ctx.viewer, now, alongside),
      ctx.serverKey
        ? issueCitizenAccess(tx, ctx.serverKey, created, {
            email: callerEmail,
            language: input.callerLanguage ?? 'zh-CN',
          })
        : null,
    ]);
    return { ...created, lookupCode };
  });
}

/** Who may close a demand as answered on the spot (closeTicket's roles). */
const ANSWER_ROLES = ['AGENT', 'MANAGER', 'ADMIN'] as const;

/** Counts one more answer from the article, which must be in force now. */
async function useArticle(tx: Tx, id: string, now: Date): Promise<{ title: string }> {
  const [article] = await tx
    .update(knowledgeArticles)
    .set({ usageCount: sql`${knowledgeArticles.usageCount} + 1` })
    .where(
      and(
        eq(knowledgeArticles.id, id),
        lte(knowledgeArticles.validFrom, now),
        or(isNull(knowledgeArticles.validTo), gt(knowledgeArticles.validTo, now)),
      ),
    )
    .returning({ title: knowledgeArticles.title });
  if (!article) throw badInput('No knowledge article in force has this id', 'answeredFromArticleId');
  return article;
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
