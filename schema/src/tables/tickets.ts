import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  channelEnum,
  closeReasonEnum,
  demandTypeEnum,
  satisfactionEnum,
  ticketPriorityEnum,
  ticketStatusEnum,
} from '../enums.js';
import { areas } from './areas.js';
import { categories } from './categories.js';
import { departments } from './departments.js';
import { knowledgeArticles } from './knowledge-articles.js';
import { slaPolicies } from './sla-policies.js';
import { users } from './users.js';

const at = () => timestamp({ withTimezone: true });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-facing: YYYYMMDD of creation (hotline time) + a global sequence, so it sorts by time. */
    number: text().notNull().unique(),
    status: ticketStatusEnum().notNull().default('NEW'),
    priority: ticketPriorityEnum().notNull(),
    demandType: demandTypeEnum().notNull(),
    channel: channelEnum().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    categoryId: uuid().references(() => categories.id),
    areaId: uuid().references(() => areas.id),
    address: text(),
    /** WGS-84 coordinates of the demand, both or neither (Open311 lat/long); 6 decimals, about 10 cm. */
    latitude: numeric({ precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric({ precision: 9, scale: 6, mode: 'number' }),
    /**
     * Z-order (Morton) key of the point: latitude and longitude quantised to 26 bits each and
     * interleaved (api/src/domain/geo-key.ts), so a btree answers map-area and distance queries as a
     * few key ranges. Computed by PostgreSQL (function of migration 0017); null without a point.
     */
    geoKey: bigint({ mode: 'number' }).generatedAlwaysAs(sql`ticket_geo_key(latitude, longitude)`),
    /** A link to a photo or other media the reporter gave (Open311 media_url); never downloaded. */
    mediaUrl: text(),
    callerName: text(),
    callerPhone: text(),
    departmentId: uuid().references(() => departments.id),
    assigneeId: uuid().references(() => users.id),
    externalRef: text(),
    version: integer().notNull().default(1),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
    /** Who registered it: a user id or an API client id (idempotency keys are scoped to it). */
    createdById: uuid().notNull(),
    idempotencyKey: text(),
    /** SHA-256 of the canonical create payload, to tell a retry from a reused key. */
    idempotencyHash: text(),

    // SLA: one cycle per dispatch/reassignment/reopen; effects are keyed by (ticket, cycle).
    slaPolicyId: uuid().references(() => slaPolicies.id),
    slaCycle: integer().notNull().default(0),
    clockStartedAt: at(),
    acceptDueAt: at(),
    dueAt: at(),
    acceptedAt: at(),
    /** Set while ON_HOLD: when the clock stopped. */
    pausedAt: at(),
    breachedAt: at(),
    escalationLevel: integer().notNull().default(0),
    /** The next instant a worker must look at this ticket; null when no timer runs. */
    nextTimerAt: at(),
    firstDispatchedAt: at(),
    /** Whether the current cycle's acceptance met acceptDueAt (response rate). */
    acceptedOnTime: boolean(),
    /**
     * Working time (the business calendar's hours, hold time excluded) from the cycle's start to
     * acceptance and to resolution, stored when they happen so the SLA report aggregates in SQL.
     */
    acceptWorkingMs: bigint({ mode: 'number' }),
    resolveWorkingMs: bigint({ mode: 'number' }),
    /** Working time spent ON_HOLD in the current cycle (subtracted from resolveWorkingMs). */
    heldWorkingMs: bigint({ mode: 'number' }).notNull().default(0),

    reply: text(),
    resolvedAt: at(),
    satisfaction: satisfactionEnum(),
    feedbackComment: text(),
    feedbackAt: at(),
    /** How the feedback came: CALLBACK (an agent called back) or SELF_SERVICE (the caller's one-time link). */
    feedbackChannel: text().$type<'CALLBACK' | 'SELF_SERVICE'>(),
    closeReason: closeReasonEnum(),
    closedAt: at(),
    /** Returns in the current routing episode; two returns flag the ticket for a manager. */
    returnCount: integer().notNull().default(0),
    needsManager: boolean().notNull().default(false),
    duplicateOfId: uuid().references((): AnyPgColumn => tickets.id),
    /**
     * The parent incident (多诉一案) this caller's ticket is linked to: set while LINKED and kept once it
     * followed the parent's resolution, so the parent lists every caller. Never a chain: a parent is no child.
     */
    incidentId: uuid().references((): AnyPgColumn => tickets.id),
    /** Answered on the spot from this knowledge article (created and closed as ANSWERED_DIRECTLY). */
    answeredFromArticleId: uuid().references(() => knowledgeArticles.id),
    /**
     * The co-handling departments (协办) whose part is still open (PENDING or ACCEPTED), kept with
     * ticket_co_handlers in the same change: the lead may not resolve while any is left, and these
     * departments see the caller's phone as on their own cases.
     */
    openCoHandlerIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),

    /**
     * Concatenated searchable text, trigram-indexed (substring search works for CJK). Never the caller's
     * phone: a substring match on it would let a viewer who sees phones masked recover them digit by digit.
     */
    searchText: text().generatedAlwaysAs(
      sql`number || ' ' || title || ' ' || description || ' ' || coalesce(address, '')`,
    ),
  },
  (t) => [
    index('tickets_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    index('tickets_department_status_due_idx').on(t.departmentId, t.status, t.dueAt),
    index('tickets_department_created_idx').on(t.departmentId, t.createdAt.desc()),
    index('tickets_status_created_idx').on(t.status, t.createdAt.desc()),
    index('tickets_due_open_idx').on(t.dueAt).where(sql`status in ('DISPATCHED', 'IN_PROGRESS')`),
    // A department's running work by deadline (the default work list): read in index order, no sort.
    index('tickets_department_running_due_idx')
      .on(t.departmentId, t.dueAt, t.id)
      .where(sql`status in ('DISPATCHED', 'IN_PROGRESS')`),
    // Tickets accepted or resolved before working times were stored: the start-up backfill's work list,
    // empty once it ran (every acceptance and resolution now stores its working time).
    index('tickets_working_time_backfill_idx')
      .on(t.id)
      .where(
        sql`clock_started_at is not null and ((accepted_at is not null and accept_working_ms is null) or (resolved_at is not null and resolve_working_ms is null))`,
      ),
    // Overdue now, per department or per creation range, read from the index alone (stats, ranking).
    index('tickets_running_due_created_idx')
      .on(t.dueAt, t.createdAt, t.departmentId)
      .where(sql`status in ('DISPATCHED', 'IN_PROGRESS')`),
    // An incident's callers (children), and the children still waiting for their parent's resolution.
    index('tickets_incident_idx').on(t.incidentId, t.createdAt).where(sql`incident_id is not null`),
    index('tickets_incident_waiting_idx')
      .on(t.incidentId)
      .where(sql`incident_id is not null and resolved_at is null and closed_at is null`),
    index('tickets_next_timer_idx').on(t.nextTimerAt).where(sql`next_timer_at is not null`),
    index('tickets_caller_phone_idx').on(t.callerPhone),
    index('tickets_external_ref_idx').on(t.externalRef),
    index('tickets_assignee_idx').on(t.assigneeId),
    index('tickets_category_idx').on(t.categoryId),
    index('tickets_area_created_idx').on(t.areaId, t.createdAt),
    index('tickets_geo_key_idx').on(t.geoKey).where(sql`geo_key is not null`),
    index('tickets_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Every number of 7 or more digits in the search text (the ticket's number, phones quoted in the
    // text): a search by a whole phone number finds them here, at the same cost at 100 k and 5 M
    // tickets, where the trigram index's digit trigrams grow with the table (migration 0022).
    index('tickets_text_numbers_idx').using('gin', sql`ticket_text_numbers(${t.searchText})`),
    check(
      'tickets_location_check',
      sql`(${t.latitude} is null) = (${t.longitude} is null) and ${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`,
    ),
    uniqueIndex('tickets_idempotency_idx')
      .on(t.createdById, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
  ],
);

/** A ticket as the services read it: every column but the search text and geo key, which only feed indexes. */
export type TicketRow = Omit<typeof tickets.$inferSelect, 'searchText' | 'geoKey'>;
