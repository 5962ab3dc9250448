import { settingsAudit } from '@hotline/schema';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { encodeCursor, isCursorSerial, type Page, pageSize, readCursor } from '../../cursor.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';
import type { SettingsKind, Snapshot } from './settings-audit.writer.js';

export type SettingsAuditRow = typeof settingsAudit.$inferSelect;

export interface SettingsAuditArgs {
  kind?: SettingsKind | null;
  entityId?: string | null;
  actorId?: string | null;
  /** Changes at or after. */
  from?: Date | null;
  /** Changes before. */
  to?: Date | null;
  first?: number | null;
  after?: string | null;
}

/** Every settings change matching the filters, newest first. MANAGER and ADMIN only. */
export async function listSettingsChanges(
  ctx: ServiceContext,
  args: SettingsAuditArgs,
): Promise<Page<SettingsAuditRow>> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const first = pageSize(args.first);
  if (args.from && args.to && args.from >= args.to) throw badInput('from must be before to', 'from');
  const conditions: (SQL | undefined)[] = [
    args.after ? lt(settingsAudit.id, readCursor(args.after, isCursorSerial)) : undefined,
    args.kind ? eq(settingsAudit.kind, args.kind) : undefined,
    args.entityId ? eq(settingsAudit.entityId, args.entityId) : undefined,
    args.from ? gte(settingsAudit.at, args.from) : undefined,
    args.to ? lt(settingsAudit.at, args.to) : undefined,
  ];
  if (args.actorId) {
    conditions.push(isUuid(args.actorId) ? eq(settingsAudit.actorId, args.actorId) : sql`false`);
  }
  const rows = await ctx.db
    .select()
    .from(settingsAudit)
    .where(and(...conditions))
    .orderBy(desc(settingsAudit.id))
    .limit(first + 1);
  return {
    rows: rows.slice(0, first),
    cursorOf: (row) => encodeCursor(row.id),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after),
  };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The top-level fields whose values differ between two snapshots, in the snapshots' order. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.flatMap((field) => {
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    return JSON.stringify(old) === JSON.stringify(now) ? [] : [{ field, before: old, after: now }];
  });
}
