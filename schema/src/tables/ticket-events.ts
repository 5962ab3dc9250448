import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { noteVisibilityEnum, ticketEventTypeEnum, ticketStatusEnum } from '../enums.js';
import { departments } from './departments.js';
import { tickets } from './tickets.js';

/** PostgreSQL transaction id; read as a decimal string. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** Append-only audit trail; also the change feed (ordered by the writing transaction, see DESIGN.md). */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    type: ticketEventTypeEnum().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** A staff user; null for API clients and workers. */
    actorId: uuid(),
    actorClientId: uuid(),
    fromStatus: ticketStatusEnum(),
    toStatus: ticketStatusEnum(),
    /** The department the event concerns (dispatched to, returned by, notified...). */
    departmentId: uuid().references(() => departments.id),
    note: text(),
    /** NOTE_ADDED only: INTERNAL notes are hidden from integrations and never leave as webhooks. */
    visibility: noteVisibilityEnum(),
    level: integer(),
    fraction: real(),
    slaCycle: integer(),
    /** Unique per worker effect, e.g. `escalate:3:2` (cycle 3, level 2): each fires once. */
    effectKey: text(),
    data: jsonb(),
    txid: xid8().notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    index('ticket_events_feed_idx').on(t.txid, t.id),
    uniqueIndex('ticket_events_effect_idx').on(t.ticketId, t.effectKey).where(sql`effect_key is not null`),
    // Returns per department (stats, misrouting) without reading every event: a few percent of rows.
    index('ticket_events_returned_idx').on(t.ticketId, t.departmentId).where(sql`type = 'RETURNED'`),
    // Reopened tickets (the daily roll-up's reopen count): a fraction of a percent of rows.
    index('ticket_events_reopened_idx').on(t.ticketId).where(sql`type = 'REOPENED'`),
  ],
);
