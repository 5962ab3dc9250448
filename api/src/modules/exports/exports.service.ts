import { createHash, randomBytes } from 'node:crypto';
import { apiClients, type ExportJobRow, exportChunks, exportJobs, users } from '@hotline/schema';
import type { Db, Tx } from '@hotline/schema/client';
import { and, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { requireSignedIn, type Viewer } from '../../auth/viewer.js';
import type { Clock } from '../../clock.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logger.js';
import { ChunkStore } from './export-chunks.js';
import type { ExportLanguage } from './export-source.js';
import { type ExportFormat, writeExport } from './export-writer.js';
import { exportSource } from './sources/index.js';

/** The BullMQ queue of exports too large to write while the mutation waits. */
export const EXPORT_QUEUE = 'export';
/** A finished file is kept this long, then deleted (the export row stays: the audit record). */
export const EXPORT_TTL_MS = 7 * 24 * 3_600_000;
/** A download link works once, within this time. */
export const DOWNLOAD_TOKEN_TTL_MS = 5 * 60_000;
const MAX_LIST = 100;

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'EXPIRED';

export interface CreateExportArgs {
  /** A source of the registry (sources/index.ts). */
  source: string;
  /** The source's parameters; stored as JSON. */
  params: unknown;
  format: ExportFormat;
  language?: ExportLanguage | null;
  /** Exports of at most this many rows are written at once, in the request; larger ones by a worker (EXPORT_DIRECT_MAX_ROWS). */
  directMaxRows: number;
}

/** What runs an export outside a request: the worker's database, clock and log. */
export interface ExportRunDeps {
  db: Db;
  clock: Clock;
  log?: Logger;
}

/** Parameters as stored: JSON, dates as ISO strings. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** The viewer an export was asked by: its rows are read and masked as that viewer saw them. */
export function exportViewer(job: ExportJobRow): Viewer {
  return {
    kind: job.ownerKind === 'client' ? 'client' : 'user',
    id: job.ownerId,
    role: job.ownerRole,
    departmentId: job.ownerDepartmentId,
  };
}

/**
 * Starts an export of a ticket list or report as the viewer sees it. The export row is also the
 * audit record of who exported what (source, parameters, role, department, when). Small exports are
 * written before this returns (status DONE); larger ones are queued for a worker.
 */
export async function createExport(
  ctx: ServiceContext,
  args: CreateExportArgs,
  enqueue: (exportId: string) => Promise<void>,
): Promise<ExportJobRow> {
  requireSignedIn(ctx.viewer);
  if (!ctx.viewer.id || (ctx.viewer.kind !== 'user' && ctx.viewer.kind !== 'client')) {
    throw new AppError('FORBIDDEN', 'Only a user or an API client may export');
  }
  const source = exportSource(args.source);
  const given = asJson(args.params);
  const params = source.parse(given);
  const rowsTotal = await source.count(ctx, params);
  const language = args.language ?? 'EN';
  const now = ctx.clock.now();
  const [job] = await ctx.db
    .insert(exportJobs)
    .values({
      ownerKind: ctx.viewer.kind,
      ownerId: ctx.viewer.id,
      ownerRole: ctx.viewer.role,
      ownerDepartmentId: ctx.viewer.departmentId,
      source: source.name,
      params: { ...(given as object), language },
      format: args.format,
      status: 'QUEUED',
      rowsTotal,
      fileName: `${source.fileStem[language]}-${stamp(now)}.${args.format === 'CSV' ? 'csv' : 'xlsx'}`,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
    })
    .returning();
  if (!job) throw new Error('export row not written');
  ctx.log?.info(
    { exportId: job.id, source: job.source, format: job.format, rows: rowsTotal, viewer: ctx.viewer.id },
    'export requested',
  );
  if (rowsTotal !== null && rowsTotal <= args.directMaxRows) {
    await runExport({ db: ctx.db, clock: ctx.clock, log: ctx.log }, job.id);
    return (await loadJob(ctx.db, job.id)) ?? job;
  }
  // A failed enqueue leaves the row QUEUED: the workers' sweep queues it again.
  await enqueue(job.id).catch((error) =>
    ctx.log?.warn({ err: error, exportId: job.id }, 'export not queued; the sweep will'),
  );
  return job;
}

async function loadJob(db: Tx, id: string): Promise<ExportJobRow | null> {
  const [job] = await db.select().from(exportJobs).where(eq(exportJobs.id, id));
  return job ?? null;
}

/**
 * Writes an export's file: claims the row (QUEUED, or RUNNING again after a crashed attempt), reads
 * the source as the owner in batches, streams CSV or .xlsx into chunks, records progress per batch,
 * and marks it DONE with the last chunk in one transaction. A failure marks it FAILED and drops the
 * chunks. Returns false when there was nothing to do (done, expired, unknown).
 */
export async function runExport(deps: ExportRunDeps, exportId: string): Promise<boolean> {
  const [job] = await deps.db
    .update(exportJobs)
    .set({ status: 'RUNNING', startedAt: deps.clock.now(), rowsDone: 0, error: null })
    .where(and(eq(exportJobs.id, exportId), sql`${exportJobs.status} in ('QUEUED', 'RUNNING')`))
    .returning();
  if (!job) return false;
  await deps.db.delete(exportChunks).where(eq(exportChunks.exportId, exportId));
  const store = new ChunkStore(deps.db, exportId);
  try {
    const ctx: ServiceContext = { db: deps.db, clock: deps.clock, viewer: exportViewer(job), log: deps.log };
    const source = exportSource(job.source);
    const stored = job.params as Record<string, unknown>;
    const language: ExportLanguage = stored.language === 'ZH' ? 'ZH' : 'EN';
    const sheets = await source.sheets(ctx, source.parse(stored), language);
    const rows = await writeExport(job.format as ExportFormat, sheets, store, {
      language,
      onProgress: async (done) => {
        await deps.db.update(exportJobs).set({ rowsDone: done }).where(eq(exportJobs.id, exportId));
      },
    });
    await deps.db.transaction(async (tx) => {
      await store.flush(tx);
      await tx
        .update(exportJobs)
        .set({ status: 'DONE', rowsDone: rows, bytes: store.bytes, finishedAt: deps.clock.now() })
        .where(eq(exportJobs.id, exportId));
    });
    deps.log?.info({ exportId, rows, bytes: store.bytes }, 'export written');
    return true;
  } catch (error) {
    deps.log?.error({ err: error, exportId }, 'export failed');
    const message = error instanceof AppError ? error.message : 'The export failed; try again';
    await deps.db.transaction(async (tx) => {
      await tx.delete(exportChunks).where(eq(exportChunks.exportId, exportId));
      await tx
        .update(exportJobs)
        .set({ status: 'FAILED', error: message, finishedAt: deps.clock.now() })
        .where(eq(exportJobs.id, exportId));
    });
    return true;
  }
}

const mayAudit = (viewer: Viewer) => viewer.role === 'ADMIN';

/** The viewer's exports, newest first; `everyone` (ADMIN only): every user's, the export audit. */
export async function listExports(
  ctx: ServiceContext,
  args: { first?: number | null; everyone?: boolean | null },
): Promise<ExportJobRow[]> {
  requireSignedIn(ctx.viewer);
  const first = args.first ?? 20;
  if (!(Number.isInteger(first) && first >= 1 && first <= MAX_LIST)) {
    throw badInput(`first must be between 1 and ${MAX_LIST}`, 'first');
  }
  if (args.everyone && !mayAudit(ctx.viewer))
    throw new AppError('FORBIDDEN', 'Only an ADMIN sees every export');
  return ctx.db
    .select()
    .from(exportJobs)
    .where(args.everyone ? undefined : eq(exportJobs.ownerId, ctx.viewer.id ?? ''))
    .orderBy(desc(exportJobs.createdAt), desc(exportJobs.id))
    .limit(first);
}

/** One of the viewer's exports (an ADMIN: anyone's), or null. */
export async function getExport(ctx: ServiceContext, id: string): Promise<ExportJobRow | null> {
  requireSignedIn(ctx.viewer);
  if (!isUuid(id)) return null;
  const job = await loadJob(ctx.db, id);
  if (!job || (job.ownerId !== ctx.viewer.id && !mayAudit(ctx.viewer))) return null;
  return job;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A download link for one of the viewer's finished exports: a random token, stored only as its
 * hash, that works once within DOWNLOAD_TOKEN_TTL_MS (a new link replaces the previous one).
 */
export async function createExportDownload(
  ctx: ServiceContext,
  id: string,
): Promise<{ url: string; expiresAt: Date }> {
  requireSignedIn(ctx.viewer);
  const job = isUuid(id) ? await loadJob(ctx.db, id) : null;
  if (!job || job.ownerId !== ctx.viewer.id) throw notFound('Export');
  if (job.status !== 'DONE') throw badInput(`The export is ${job.status}, not DONE`, 'id');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + DOWNLOAD_TOKEN_TTL_MS);
  await ctx.db
    .update(exportJobs)
    .set({ downloadTokenHash: hashToken(token), downloadTokenExpiresAt: expiresAt })
    .where(eq(exportJobs.id, id));
  return { url: `/exports/${id}/download?token=${token}`, expiresAt };
}

/** Whether the owner may still read what it exported: active, same role and department as then. */
async function ownerStillInScope(db: Tx, job: ExportJobRow): Promise<boolean> {
  const table = job.ownerKind === 'client' ? apiClients : users;
  const [owner] = await db
    .select({ role: table.role, departmentId: table.departmentId, active: table.active })
    .from(table)
    .where(eq(table.id, job.ownerId));
  return Boolean(
    owner?.active && owner.role === job.ownerRole && owner.departmentId === job.ownerDepartmentId,
  );
}

/**
 * Spends a download token: the export it opens, once. Unknown, forged, spent or expired tokens and
 * unfinished or expired exports: NOT_FOUND; an owner since deactivated or moved: FORBIDDEN.
 */
export async function takeExportDownload(
  db: Db,
  clock: Clock,
  id: string,
  token: string,
): Promise<ExportJobRow> {
  if (!isUuid(id) || !token) throw notFound('Export');
  const [job] = await db
    .update(exportJobs)
    .set({ downloadTokenHash: null, downloadTokenExpiresAt: null })
    .where(
      and(
        eq(exportJobs.id, id),
        eq(exportJobs.downloadTokenHash, hashToken(token)),
        gt(exportJobs.downloadTokenExpiresAt, clock.now()),
        eq(exportJobs.status, 'DONE'),
      ),
    )
    .returning();
  if (!job) throw notFound('Export');
  if (!(await ownerStillInScope(db, job))) {
    throw new AppError('FORBIDDEN', 'The account that made this export may no longer read it');
  }
  return job;
}

/** Deletes the files of exports past their expiry (their rows stay, EXPIRED). Returns how many. */
export async function purgeExpiredExports(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(exportJobs)
      .set({ status: 'EXPIRED', downloadTokenHash: null, downloadTokenExpiresAt: null })
      .where(and(lte(exportJobs.expiresAt, now), ne(exportJobs.status, 'EXPIRED')))
      .returning({ id: exportJobs.id });
    for (const { id } of expired) await tx.delete(exportChunks).where(eq(exportChunks.exportId, id));
    return expired.length;
  });
}

/** Exports still QUEUED after `graceMs`: their job was lost (Redis flushed, enqueue failed). */
export async function strandedExports(db: Db, now: Date, graceMs: number): Promise<string[]> {
  const rows = await db
    .select({ id: exportJobs.id })
    .from(exportJobs)
    .where(and(eq(exportJobs.status, 'QUEUED'), lte(exportJobs.createdAt, new Date(now.getTime() - graceMs))))
    .limit(100);
  return rows.map((row) => row.id);
}
