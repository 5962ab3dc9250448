import { categories, scopeRules, type TicketRow } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { asc, eq } from 'drizzle-orm';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { checkCodes } from '../routing/routing.service.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { scopeRuleSnapshot } from '../settings-audit/settings-snapshots.js';
import { type ScopeMatch, type ScopeRuleRow, screenScope } from './scope-matcher.js';

export interface ScopeRuleInput {
  name: string;
  keywords?: string[] | null;
  categoryCodes?: string[] | null;
  advice: string;
  redirectTo?: string | null;
  enabled?: boolean | null;
}

const EDITOR_ROLES = ['ADMIN', 'MANAGER'] as const;

/** Rules in the order they are tried: oldest first. */
export function loadScopeRules(db: Tx): Promise<ScopeRuleRow[]> {
  return db.select().from(scopeRules).orderBy(asc(scopeRules.createdAt), asc(scopeRules.id));
}

/** For NEW tickets: the first scope rule the demand matches (its text, or its category or a parent's). */
export async function getScopeAdvice(ctx: LoaderContext, ticket: TicketRow): Promise<ScopeMatch | null> {
  if (ticket.status !== 'NEW') return null;
  const categoryCodes = await loadedCategoryLineage(ctx, ticket.categoryId);
  const rules = await ctx.loaders.scopeRules();
  return screenScope(rules, { title: ticket.title, description: ticket.description, categoryCodes });
}

/** categoryLineage through the request's category loader, from the ticket's category id. */
async function loadedCategoryLineage(ctx: LoaderContext, categoryId: string | null): Promise<string[]> {
  const codes: string[] = [];
  let id = categoryId;
  while (id && codes.length < 20) {
    const category = await ctx.loaders.category.load(id);
    if (!category) break;
    codes.push(category.code);
    id = category.parentId;
  }
  return codes;
}

export function listScopeRules(ctx: ServiceContext): Promise<ScopeRuleRow[]> {
  requireSignedIn(ctx.viewer);
  return loadScopeRules(ctx.db);
}

export async function createScopeRule(ctx: ServiceContext, input: ScopeRuleInput): Promise<ScopeRuleRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  const values = await checkScopeRule(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(scopeRules)
      .values({ ...values, createdAt: now })
      .returning();
    await recordSettingsChange(tx, ctx, now, {
      kind: 'SCOPE_RULE',
      entityId: row!.id,
      action: 'CREATED',
      before: null,
      after: scopeRuleSnapshot(row!),
    });
    return row!;
  });
}

export async function updateScopeRule(
  ctx: ServiceContext,
  id: string,
  input: ScopeRuleInput,
): Promise<ScopeRuleRow> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  if (!isUuid(id)) throw notFound('Scope rule');
  const values = await checkScopeRule(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(scopeRules).where(eq(scopeRules.id, id)).for('update');
    if (!old) throw notFound('Scope rule');
    const [row] = await tx.update(scopeRules).set(values).where(eq(scopeRules.id, id)).returning();
    await recordSettingsChange(tx, ctx, ctx.clock.now(), {
      kind: 'SCOPE_RULE',
      entityId: id,
      action: 'UPDATED',
      before: scopeRuleSnapshot(old),
      after: scopeRuleSnapshot(row!),
    });
    return row!;
  });
}

export async function deleteScopeRule(ctx: ServiceContext, id: string): Promise<string> {
  requireRole(ctx.viewer, EDITOR_ROLES);
  if (!isUuid(id)) throw notFound('Scope rule');
  return ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(scopeRules).where(eq(scopeRules.id, id)).returning();
    if (!deleted) throw notFound('Scope rule');
    await recordSettingsChange(tx, ctx, ctx.clock.now(), {
      kind: 'SCOPE_RULE',
      entityId: id,
      action: 'DELETED',
      before: scopeRuleSnapshot(deleted),
      after: null,
    });
    return id;
  });
}

async function checkScopeRule(tx: Tx, input: ScopeRuleInput) {
  const keywords = [
    ...new Set((input.keywords ?? []).map((keyword) => checkText('name', keyword, { label: 'keywords' }))),
  ];
  const categoryCodes = await checkCodes(tx, 'category', input.categoryCodes);
  if (keywords.length === 0 && categoryCodes.length === 0) {
    throw badInput('A scope rule needs at least one keyword or category code', 'keywords');
  }
  return {
    name: checkText('name', input.name),
    keywords,
    categoryCodes,
    advice: checkText('note', input.advice, { label: 'advice' }),
    redirectTo: checkText('name', input.redirectTo, { optional: true, label: 'redirectTo' }),
    enabled: input.enabled ?? true,
  };
}

/** A category code and its ancestors' codes, root last. */
async function categoryLineage(tx: Tx, code: string | null): Promise<string[]> {
  const lineage: string[] = [];
  let cursor: { code: string; parentId: string | null } | undefined = code
    ? (
        await tx
          .select({ code: categories.code, parentId: categories.parentId })
          .from(categories)
          .where(eq(categories.code, code))
      )[0]
    : undefined;
  while (cursor && lineage.length < 20) {
    lineage.push(cursor.code);
    const parentId: string | null = cursor.parentId;
    cursor = parentId
      ? (
          await tx
            .select({ code: categories.code, parentId: categories.parentId })
            .from(categories)
            .where(eq(categories.id, parentId))
        )[0]
      : undefined;
  }
  return lineage;
}

/** Screens a demand before it is registered (routePreview). */
export async function screenDemand(
  tx: Tx,
  demand: { title: string; description: string; categoryCode: string | null },
): Promise<ScopeMatch | null> {
  const rules = await loadScopeRules(tx);
  return screenScope(rules, { ...demand, categoryCodes: await categoryLineage(tx, demand.categoryCode) });
}
