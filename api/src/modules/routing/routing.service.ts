import {
  areas,
  type Channel,
  categories,
  type DemandType,
  type RoutingConditionsRow,
  routingRules,
  type TicketPriority,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { requireDepartment } from '../departments/require-department.js';
import type { RoutingRuleRow } from './route-ticket.js';
import { forgetRoutingRules } from './route-ticket.js';
import { auditRuleChanges } from './routing-audit.js';

export interface RoutingConditionsInput {
  categoryCodes?: string[] | null;
  areaCodes?: string[] | null;
  keywords?: string[] | null;
  demandTypes?: DemandType[] | null;
  channels?: Channel[] | null;
}

export interface RoutingRuleInput {
  name: string;
  enabled?: boolean | null;
  /** 1-based; omitted: last on create, unchanged on update. */
  position?: number | null;
  conditions: RoutingConditionsInput;
  departmentId: string;
  priority?: TicketPriority | null;
}

const EDITOR_ROLES = ['ADMIN', 'MANAGER'] as const;
/** Serializes routing changes across processes so positions stay 1..n. */
const ROUTING_LOCK = 4242005;
const MAX_LIST = 200;

export function listRoutingRules(ctx: ServiceContext): Promise<RoutingRuleRow[]> {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.id));
}

export function createRoutingRule(ctx: ServiceContext, input: RoutingRuleInput): Promise<RoutingRuleRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  return inRoutingTransaction(ctx, async (tx, before, now) => {
    const values = await checkRule(tx, input);
    const position = input.position ?? before.length + 1;
    checkPosition(position, before.length + 1);
    const [created] = await tx
      .insert(routingRules)
      .values({ ...values, position, createdAt: now, updatedAt: now })
      .returning();
    const order = before.map((rule) => rule.id);
    order.splice(position - 1, 0, created!.id);
    return { target: { id: created!.id, action: 'CREATED' }, order };
  });
}

export function updateRoutingRule(
  ctx: ServiceContext,
  id: string,
  input: RoutingRuleInput,
): Promise<RoutingRuleRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  return inRoutingTransaction(ctx, async (tx, before, now) => {
    const index = before.findIndex((rule) => rule.id === id);
    if (index < 0) throw notFound('Routing rule');
    const values = await checkRule(tx, input);
    const position = input.position ?? index + 1;
    checkPosition(position, before.length);
    await tx
      .update(routingRules)
      .set({ ...values, updatedAt: now })
      .where(eq(routingRules.id, id));
    const order = before.map((rule) => rule.id).filter((ruleId) => ruleId !== id);
    order.splice(position - 1, 0, id);
    return { target: { id, action: 'UPDATED' }, order };
  });
}

export async function deleteRoutingRule(ctx: ServiceContext, id: string): Promise<string> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  await inRoutingTransaction(ctx, async (tx, before) => {
    if (!before.some((rule) => rule.id === id)) throw notFound('Routing rule');
    await tx.delete(routingRules).where(eq(routingRules.id, id));
    return {
      target: { id, action: 'DELETED' },
      order: before.map((rule) => rule.id).filter((ruleId) => ruleId !== id),
    };
  });
  return id;
}

/** `ids` must name every rule exactly once; positions become 1..n in that order. */
export async function reorderRoutingRules(ctx: ServiceContext, ids: string[]): Promise<RoutingRuleRow[]> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  await inRoutingTransaction(ctx, async (_tx, before) => {
    if (new Set(ids).size !== ids.length) throw badInput('ids lists a rule more than once', 'ids');
    const known = new Set(before.map((rule) => rule.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw badInput(`Unknown routing rule ids: ${unknown.join(', ')}`, 'ids');
    if (ids.length !== before.length) {
      throw badInput(`ids must list all ${before.length} rules, got ${ids.length}`, 'ids');
    }
    return { target: { id: null, action: 'REORDERED' }, order: ids };
  });
  return listRoutingRules(ctx);
}

type Plan = {
  target: { id: string | null; action: 'CREATED' | 'UPDATED' | 'DELETED' | 'REORDERED' };
  order: string[];
};

/**
 * Runs one routing change: serialize, read all rules, apply, renumber positions 1..n in the planned
 * order, then audit every rule that differs, all in one transaction. Returns the target rule.
 */
async function inRoutingTransaction(
  ctx: ServiceContext,
  change: (tx: Tx, before: RoutingRuleRow[], now: Date) => Promise<Plan>,
): Promise<RoutingRuleRow> {
  const changed = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
    const before = await tx
      .select()
      .from(routingRules)
      .orderBy(asc(routingRules.position), asc(routingRules.id));
    const plan = await change(tx, before, now);
    const current = await tx.select().from(routingRules);
    const byId = new Map(current.map((rule) => [rule.id, rule]));
    for (const [index, id] of plan.order.entries()) {
      const rule = byId.get(id)!;
      if (rule.position === index + 1) continue;
      const touched = id === plan.target.id ? {} : { updatedAt: now };
      await tx
        .update(routingRules)
        .set({ position: index + 1, ...touched })
        .where(eq(routingRules.id, id));
      byId.set(id, { ...rule, position: index + 1 });
    }
    const after = plan.order.map((id) => byId.get(id)!);
    await auditRuleChanges(tx, ctx, now, plan.target, before, after);
    return (plan.target.id && byId.get(plan.target.id)) || after[0]!;
  });
  // Routing of new tickets in this process follows the change at once (others within seconds).
  forgetRoutingRules();
  return changed;
}

function checkPosition(position: number, max: number) {
  if (!Number.isInteger(position) || position < 1 || position > max) {
    throw badInput(`position must be between 1 and ${max}, got ${position}`, 'position');
  }
}

/** Validates a rule's input against the database: department, category and area codes. */
async function checkRule(tx: Tx, input: RoutingRuleInput) {
  const name = checkText('name', input.name);
  await requireDepartment(tx, input.departmentId, { active: true });
  const conditions: RoutingConditionsRow = {
    categoryCodes: await checkCodes(tx, 'category', input.conditions.categoryCodes),
    areaCodes: await checkCodes(tx, 'area', input.conditions.areaCodes),
    keywords: uniqueTexts(input.conditions.keywords, 'keywords'),
    demandTypes: [...new Set(input.conditions.demandTypes ?? [])],
    channels: [...new Set(input.conditions.channels ?? [])],
  };
  return {
    name,
    enabled: input.enabled ?? true,
    conditions,
    departmentId: input.departmentId,
    priority: input.priority ?? null,
  };
}

function uniqueTexts(values: string[] | null | undefined, label: string): string[] {
  const list = (values ?? []).map((value) => checkText('name', value, { label }));
  if (list.length > MAX_LIST) throw badInput(`${label}: at most ${MAX_LIST} entries`, label);
  return [...new Set(list)];
}

/** Codes must name existing categories or areas. */
export async function checkCodes(
  tx: Tx,
  kind: 'category' | 'area',
  values: string[] | null | undefined,
): Promise<string[]> {
  const label = kind === 'category' ? 'categoryCodes' : 'areaCodes';
  const codes = uniqueTexts(values, label);
  if (codes.length === 0) return codes;
  const table = kind === 'category' ? categories : areas;
  const found = await tx.select({ code: table.code }).from(table).where(inArray(table.code, codes));
  const known = new Set(found.map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw badInput(`Unknown ${kind} codes: ${unknown.join(', ')}`, label);
  return codes;
}
