import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { roleEnum } from '../enums.js';

const at = () => timestamp({ withTimezone: true });

/**
 * One export (CSV or .xlsx of a ticket list or a report) and its audit record: who asked for what,
 * with which filters, seen as which role and department. The row outlives its file: expired exports
 * lose their chunks and keep this row.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** 'user' or 'client' (API client), and its id. */
    ownerKind: text().notNull(),
    ownerId: uuid().notNull(),
    /** The owner's role and department when it asked: the rows are read and masked as that viewer. */
    ownerRole: roleEnum().notNull(),
    ownerDepartmentId: uuid(),
    /** A source of the export registry: tickets, stats, slaReport. */
    source: text().notNull(),
    /** The source's arguments (filters, order, period) as JSON. */
    params: jsonb().notNull(),
    /** CSV or XLSX. */
    format: text().notNull(),
    /** QUEUED, RUNNING, DONE, FAILED, EXPIRED. */
    status: text().notNull(),
    rowsDone: integer().notNull().default(0),
    /** Counted before the export started; null when the source does not know in advance. */
    rowsTotal: integer(),
    bytes: bigint({ mode: 'number' }).notNull().default(0),
    fileName: text().notNull(),
    error: text(),
    createdAt: at().notNull(),
    startedAt: at(),
    finishedAt: at(),
    expiresAt: at().notNull(),
    /** SHA-256 of the current download token (never the token), and when it stops working. */
    downloadTokenHash: text(),
    downloadTokenExpiresAt: at(),
  },
  (t) => [
    index('export_jobs_owner_idx').on(t.ownerId, t.createdAt),
    index('export_jobs_expiry_idx').on(t.expiresAt).where(sql`status <> 'EXPIRED'`),
    index('export_jobs_token_idx').on(t.downloadTokenHash).where(sql`download_token_hash is not null`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The finished file in pieces, so any API process can serve it whatever machine wrote it. */
export const exportChunks = pgTable(
  'export_chunks',
  {
    exportId: uuid()
      .notNull()
      .references(() => exportJobs.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
);

export type ExportJobRow = typeof exportJobs.$inferSelect;
