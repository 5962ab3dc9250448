import { routingRuleChanges } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { encodeCursor, isCursorSerial, type Page, pageSize, readCursor } from '../../cursor.js';
import { isUuid } from '../../domain/uuid.js';
import type { RoutingRuleRow } from './route-ticket.js';

export type RoutingRuleChangeRow = typeof routingRuleChanges.$inferSelect;
export type RuleChangeAction = 'CREATED' | 'UPDATED' | 'DELETED' | 'REORDERED';

/** What an audit row keeps of a rule: everything a manager configures. */
function snapshotOf(rule: RoutingRuleRow) {
  return {
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    conditions: rule.conditions,
    departmentId: rule.departmentId,
    priority: rule.priority,
  };
}

/**
 * Writes one audit row per rule that differs between `before` and `after` (the whole rule list
 * around one change): the rule acted on gets `action`, rules that only moved get REORDERED.
 */
export async function auditRuleChanges(
  tx: Tx,
  ctx: ServiceContext,
  at: Date,
  target: { id: string | null; action: RuleChangeAction },
  before: readonly RoutingRuleRow[],
  after: readonly RoutingRuleRow[],
): Promise<void> {
  const beforeById = new Map(before.map((rule) => [rule.id, snapshotOf(rule)]));
  const afterById = new Map(after.map((rule) => [rule.id, snapshotOf(rule)]));
  const ids = new Set([...beforeById.keys(), ...afterById.keys()]);
  const rows = [...ids].flatMap((ruleId) => {
    const old = beforeById.get(ruleId) ?? null;
    const now = afterById.get(ruleId) ?? null;
    if (ruleId !== target.id && JSON.stringify(old) === JSON.stringify(now)) return [];
    const action = ruleId === target.id ? target.action : 'REORDERED';
    return [
      {
        ruleId,
        action,
        actorId: ctx.viewer.kind === 'user' ? ctx.viewer.id : null,
        at,
        before: old,
        after: now,
      },
    ];
  });
  // The acted-on rule first, then the others in their new order.
  rows.sort(
    (a, b) =>
      Number(b.ruleId === target.id) - Number(a.ruleId === target.id) ||
      (a.after?.position ?? 0) - (b.after?.position ?? 0),
  );
  if (rows.length > 0) await tx.insert(routingRuleChanges).values(rows);
}

/** The audit trail, newest first. MANAGER and ADMIN only. */
export async function listRuleChanges(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; ruleId?: string | null },
): Promise<Page<RoutingRuleChangeRow>> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const first = pageSize(args.first);
  const conditions = [];
  if (args.after) {
    conditions.push(lt(routingRuleChanges.id, readCursor(args.after, isCursorSerial)));
  }
  if (args.ruleId)
    conditions.push(isUuid(args.ruleId) ? eq(routingRuleChanges.ruleId, args.ruleId) : sql`false`);
  const rows = await ctx.db
    .select()
    .from(routingRuleChanges)
    .where(and(...conditions))
    .orderBy(desc(routingRuleChanges.id))
    .limit(first + 1);
  return {
    rows: rows.slice(0, first),
    cursorOf: (row) => encodeCursor(row.id),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after),
  };
}
