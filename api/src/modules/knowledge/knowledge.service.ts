import {
  areas,
  categories,
  departments,
  type KnowledgeArticleRow,
  knowledgeArticles,
  knowledgeChanges,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { requireRole, requireSignedIn, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { scoreArticles, withDescendants, withLineage } from './knowledge-search.js';

/** Who may edit articles: managers any, a department's handlers the articles it owns. */
export const KNOWLEDGE_EDITOR_ROLES = ['ADMIN', 'MANAGER', 'HANDLER'] as const;

/** Least score for a search hit in the knowledge list; lower ones share only a common word or two. */
export const MIN_SEARCH_SCORE = 0.1;
/** Least score for a suggestion at intake (measured on test/knowledge/labelled-queries.ts). */
export const MIN_SUGGEST_SCORE = 0.2;
/** Extra score of an article in the ticket's own category (or above or below it). */
export const CATEGORY_BOOST = 0.1;

export interface ArticleInput {
  title: string;
  body: string;
  categoryId?: string | null;
  areaId?: string | null;
  ownerDepartmentId?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  reviewAt?: Date | null;
}

export interface ListArticlesArgs {
  search?: string | null;
  categoryId?: string | null;
  areaId?: string | null;
  validAt?: Date | null;
  ownerDepartmentId?: string | null;
  first: number;
  offset: number;
}

/** In force at `at`: validFrom <= at < validTo (no validTo: open-ended). */
export function validAt(at: Date): SQL {
  return and(
    lte(knowledgeArticles.validFrom, at),
    or(isNull(knowledgeArticles.validTo), gt(knowledgeArticles.validTo, at)),
  )!;
}

/** The knowledge list: filtered, and ranked by relevance when searching (newest first otherwise). */
export async function listKnowledgeArticles(
  ctx: ServiceContext,
  args: ListArticlesArgs,
): Promise<{ totalCount: number; nodes: KnowledgeArticleRow[] }> {
  requireSignedIn(ctx.viewer);
  if (args.first < 1 || args.first > 100) throw badInput('first must be between 1 and 100', 'first');
  if (args.offset < 0) throw badInput('offset must not be negative', 'offset');
  const filters: SQL[] = [];
  if (args.categoryId) {
    checkId(args.categoryId, 'categoryId');
    filters.push(sql`${knowledgeArticles.categoryId} in ${withDescendants('categories', args.categoryId)}`);
  }
  if (args.areaId) {
    checkId(args.areaId, 'areaId');
    filters.push(sql`${knowledgeArticles.areaId} in ${withDescendants('areas', args.areaId)}`);
  }
  if (args.ownerDepartmentId) {
    checkId(args.ownerDepartmentId, 'ownerDepartmentId');
    filters.push(eq(knowledgeArticles.ownerDepartmentId, args.ownerDepartmentId));
  }
  if (args.validAt) filters.push(validAt(args.validAt));
  const where = filters.length > 0 ? and(...filters)! : sql`true`;
  const search = checkText('search', args.search, { optional: true });
  if (search) {
    const { rows, totalCount } = await scoreArticles(ctx.db, search, {
      where,
      minScore: MIN_SEARCH_SCORE,
      limit: args.first,
      offset: args.offset,
    });
    return {
      totalCount,
      nodes: await articlesInOrder(
        ctx.db,
        rows.map((row) => row.id),
      ),
    };
  }
  const [count] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(knowledgeArticles)
    .where(where);
  const nodes = await ctx.db
    .select()
    .from(knowledgeArticles)
    .where(where)
    .orderBy(desc(knowledgeArticles.updatedAt), knowledgeArticles.id)
    .limit(args.first)
    .offset(args.offset);
  return { totalCount: count?.count ?? 0, nodes };
}

export interface ArticleSuggestion {
  article: KnowledgeArticleRow;
  score: number;
}

/**
 * Articles in force that likely answer a demand, best first: by its text (title and description as
 * typed at intake), favouring the ticket's category and leaving out articles of other areas.
 */
export async function suggestArticles(
  ctx: ServiceContext,
  input: { text: string; categoryId?: string | null; areaId?: string | null; first?: number | null },
): Promise<ArticleSuggestion[]> {
  requireSignedIn(ctx.viewer);
  const text = checkText('description', input.text, { optional: true, label: 'text' });
  if (!text) return [];
  const first = input.first ?? 5;
  if (first < 1 || first > 20) throw badInput('first must be between 1 and 20', 'first');
  const filters = [validAt(ctx.clock.now())];
  if (input.areaId) {
    checkId(input.areaId, 'areaId');
    filters.push(
      or(
        isNull(knowledgeArticles.areaId),
        sql`${knowledgeArticles.areaId} in ${withLineage('areas', input.areaId)}`,
      )!,
    );
  }
  if (input.categoryId) checkId(input.categoryId, 'categoryId');
  const { rows } = await scoreArticles(ctx.db, text, {
    where: and(...filters)!,
    boost: input.categoryId
      ? {
          when: sql`${knowledgeArticles.categoryId} in ${withLineage('categories', input.categoryId)}`,
          by: CATEGORY_BOOST,
        }
      : undefined,
    minScore: MIN_SUGGEST_SCORE,
    limit: first,
  });
  const byId = new Map(
    (
      await articlesInOrder(
        ctx.db,
        rows.map((row) => row.id),
      )
    ).map((row) => [row.id, row]),
  );
  return rows.flatMap((row) => {
    const article = byId.get(row.id);
    return article ? [{ article, score: Math.min(1, row.score) }] : [];
  });
}

export async function getKnowledgeArticle(
  ctx: ServiceContext,
  id: string,
): Promise<KnowledgeArticleRow | null> {
  requireSignedIn(ctx.viewer);
  if (!isUuid(id)) return null;
  const [row] = await ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, id));
  return row ?? null;
}

export async function createKnowledgeArticle(
  ctx: ServiceContext,
  input: ArticleInput,
): Promise<KnowledgeArticleRow> {
  requireRole(ctx.viewer, KNOWLEDGE_EDITOR_ROLES);
  const now = ctx.clock.now();
  const fields = checkArticle(input, now);
  const owner = ownerFor(ctx.viewer, input.ownerDepartmentId);
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, { ...fields, ownerDepartmentId: owner });
    const [created] = await tx
      .insert(knowledgeArticles)
      .values({ ...fields, ownerDepartmentId: owner, createdAt: now, updatedAt: now })
      .returning();
    await recordChange(tx, ctx.viewer, now, 'CREATED', null, created!);
    return created!;
  });
}

export async function updateKnowledgeArticle(
  ctx: ServiceContext,
  id: string,
  input: ArticleInput,
  expectedVersion?: number | null,
): Promise<KnowledgeArticleRow> {
  requireRole(ctx.viewer, KNOWLEDGE_EDITOR_ROLES);
  const now = ctx.clock.now();
  const fields = checkArticle(input, now);
  return changeArticle(ctx, id, expectedVersion, 'UPDATED', async (tx, article) => {
    const owner =
      input.ownerDepartmentId === undefined
        ? article.ownerDepartmentId
        : ownerFor(ctx.viewer, input.ownerDepartmentId);
    await checkReferences(tx, { ...fields, ownerDepartmentId: owner });
    return { ...fields, ownerDepartmentId: owner };
  });
}

/** Ends an article's validity now: it is no longer suggested, and stays readable with its history. */
export function retireKnowledgeArticle(
  ctx: ServiceContext,
  id: string,
  expectedVersion?: number | null,
): Promise<KnowledgeArticleRow> {
  requireRole(ctx.viewer, KNOWLEDGE_EDITOR_ROLES);
  const now = ctx.clock.now();
  return changeArticle(ctx, id, expectedVersion, 'RETIRED', async (_tx, article) => {
    if (article.retiredAt) throw new AppError('INVALID_TRANSITION', 'The article is already retired');
    const validTo = article.validTo && article.validTo < now ? article.validTo : now;
    return { retiredAt: now, validTo };
  });
}

export async function listKnowledgeChanges(ctx: ServiceContext, articleId: string) {
  requireSignedIn(ctx.viewer);
  return ctx.db
    .select()
    .from(knowledgeChanges)
    .where(eq(knowledgeChanges.subjectId, articleId))
    .orderBy(knowledgeChanges.at, knowledgeChanges.id);
}

/** Lock, check the editor and version, write the change and its audit row: one transaction. */
function changeArticle(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number | null | undefined,
  action: string,
  change: (tx: Tx, article: KnowledgeArticleRow) => Promise<Partial<KnowledgeArticleRow>>,
): Promise<KnowledgeArticleRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [article] = isUuid(id)
      ? await tx.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, id)).for('update')
      : [];
    if (!article) throw notFound('Knowledge article');
    requireEditor(ctx.viewer, article.ownerDepartmentId);
    if (expectedVersion != null && expectedVersion !== article.version) {
      throw new AppError('CONFLICT', `The article is at version ${article.version}, not ${expectedVersion}`, {
        version: article.version,
      });
    }
    const set = await change(tx, article);
    const [updated] = await tx
      .update(knowledgeArticles)
      .set({ ...set, version: article.version + 1, updatedAt: now })
      .where(eq(knowledgeArticles.id, id))
      .returning();
    await recordChange(tx, ctx.viewer, now, action, article, updated!);
    return updated!;
  });
}

/** Managers edit every article; a department's handlers only its own. */
export function mayEditArticle(viewer: Viewer, ownerDepartmentId: string | null): boolean {
  if (viewer.role === 'ADMIN' || viewer.role === 'MANAGER') return true;
  return (
    viewer.role === 'HANDLER' && viewer.departmentId !== null && viewer.departmentId === ownerDepartmentId
  );
}

function requireEditor(viewer: Viewer, ownerDepartmentId: string | null) {
  if (!mayEditArticle(viewer, ownerDepartmentId)) {
    throw new AppError('FORBIDDEN', "Only managers and the owning department's handlers edit this article");
  }
}

/** A handler's articles belong to its own department, whatever it asks. */
function ownerFor(viewer: Viewer, requested: string | null | undefined): string | null {
  if (viewer.role !== 'HANDLER') return requested ?? null;
  if (requested && requested !== viewer.departmentId) {
    throw new AppError('FORBIDDEN', 'A department keeps only its own articles');
  }
  if (!viewer.departmentId)
    throw new AppError('FORBIDDEN', 'A handler without a department keeps no articles');
  return viewer.departmentId;
}

function checkArticle(input: ArticleInput, now: Date) {
  const validFrom = input.validFrom ?? now;
  const validTo = input.validTo ?? null;
  if (validTo && validTo <= validFrom) throw badInput('validTo must be after validFrom', 'validTo');
  return {
    title: checkText('title', input.title),
    body: checkText('description', input.body, { label: 'body' }),
    categoryId: input.categoryId ?? null,
    areaId: input.areaId ?? null,
    validFrom,
    validTo,
    reviewAt: input.reviewAt ?? null,
  };
}

async function checkReferences(
  tx: Tx,
  refs: { categoryId: string | null; areaId: string | null; ownerDepartmentId: string | null },
) {
  const checks = [
    { id: refs.categoryId, table: categories, field: 'categoryId' },
    { id: refs.areaId, table: areas, field: 'areaId' },
    { id: refs.ownerDepartmentId, table: departments, field: 'ownerDepartmentId' },
  ] as const;
  for (const { id, table, field } of checks) {
    if (!id) continue;
    checkId(id, field);
    const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
    if (!row) throw badInput(`Unknown ${field} ${id}`, field);
  }
}

function checkId(id: string, field: string) {
  if (!isUuid(id)) throw badInput(`${field} is not an id`, field);
}

async function articlesInOrder(tx: Tx, ids: string[]): Promise<KnowledgeArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select().from(knowledgeArticles).where(inArray(knowledgeArticles.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the history keeps of an article: everything an editor sets. */
function snapshot(article: KnowledgeArticleRow) {
  const {
    id: _id,
    usageCount: _usage,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    ...kept
  } = article;
  return JSON.stringify(kept);
}

export async function recordChange(
  tx: Tx,
  actor: Viewer,
  at: Date,
  action: string,
  before: KnowledgeArticleRow | null,
  after: KnowledgeArticleRow,
) {
  await tx.insert(knowledgeChanges).values({
    subject: 'ARTICLE',
    subjectId: after.id,
    action,
    actorId: actor.kind === 'user' ? actor.id : null,
    at,
    before: before ? snapshot(before) : null,
    after: snapshot(after),
  });
}
