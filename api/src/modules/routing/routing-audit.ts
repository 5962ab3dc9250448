import type { Tx } from '@hotline/schema/client';
import type { ServiceContext } from '../../context.js';
import type { Page } from '../../cursor.js';
import { isUuid } from '../../domain/uuid.js';
import { listSettingsChanges, type SettingsAuditRow } from '../settings-audit/settings-audit.service.js';
import { recordSettingsChanges } from '../settings-audit/settings-audit.writer.js';
import type { RoutingRuleRow } from './route-ticket.js';

/** A routing change as `routingRuleChanges` shows it: a settings_audit row of kind ROUTING_RULE. */
export type RoutingRuleChangeRow = SettingsAuditRow & { ruleId: string };
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
    return [{ kind: 'ROUTING_RULE' as const, entityId: ruleId, action, before: old, after: now }];
  });
  // The acted-on rule first, then the others in their new order.
  rows.sort(
    (a, b) =>
      Number(b.entityId === target.id) - Number(a.entityId === target.id) ||
      (a.after?.position ?? 0) - (b.after?.position ?? 0),
  );
  await recordSettingsChanges(tx, ctx, at, rows);
}

/** The audit trail, newest first. MANAGER and ADMIN only. */
export async function listRuleChanges(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; ruleId?: string | null },
): Promise<Page<RoutingRuleChangeRow>> {
  // A rule id that is no uuid matches nothing (as before the audit moved to settings_audit).
  const entityId = args.ruleId ? (isUuid(args.ruleId) ? args.ruleId : 'none') : null;
  const page = await listSettingsChanges(ctx, { kind: 'ROUTING_RULE', entityId, ...args });
  return { ...page, rows: page.rows.map((row) => ({ ...row, ruleId: row.entityId })) };
}
