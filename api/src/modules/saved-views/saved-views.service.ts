import { savedViews } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { requireSignedIn, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, forbidden, notFound } from '../../errors/app-error.js';
import { SAVED_VIEW_LISTS, type SavedViewList, type ViewVisibility } from './saved-view-lists.js';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** A view's settings; `filters` and `sort` already checked against the list's GraphQL inputs. */
export interface SavedViewDraft {
  list: SavedViewList;
  name: string;
  filters?: Record<string, unknown> | null;
  sort?: Record<string, unknown> | null;
  columns?: string[] | null;
  visibility?: ViewVisibility | null;
}

/**
 * Checks a view's filters or sort against its list's query inputs (the GraphQL layer knows them);
 * returns the value to store or throws BAD_USER_INPUT.
 */
export type ListInputCheck = (
  list: SavedViewList,
  part: 'filters' | 'sort',
  value: Record<string, unknown> | null,
) => Record<string, unknown> | null;

/** Absent fields stay as they are; `sort: null` goes back to the list's default order. */
export type SavedViewChanges = Partial<Pick<SavedViewDraft, 'filters' | 'sort' | 'columns' | 'visibility'>>;

/** Views one user may own per list. */
const MAX_VIEWS = 100;

/** Saved views belong to staff users: API clients have no console. */
function requireStaff(viewer: Viewer): string {
  requireSignedIn(viewer);
  if (viewer.kind !== 'user' || !viewer.id) throw forbidden('Only staff users save views');
  return viewer.id;
}

/** Views a viewer sees: its own, its department's and the centre's. */
function visibleTo(viewer: Viewer, userId: string): SQL {
  const department = viewer.departmentId
    ? and(eq(savedViews.visibility, 'DEPARTMENT'), eq(savedViews.departmentId, viewer.departmentId))
    : undefined;
  return or(eq(savedViews.ownerId, userId), eq(savedViews.visibility, 'CENTRE'), department) as SQL;
}

/**
 * Who may share how: anyone keeps a view private; a user with a department shares with it; a MANAGER
 * (or ADMIN) shares with the whole centre. Returns the department a DEPARTMENT view is shared with.
 */
function sharing(viewer: Viewer, visibility: ViewVisibility): string | null {
  if (visibility === 'CENTRE' && viewer.role !== 'MANAGER' && viewer.role !== 'ADMIN') {
    throw forbidden('Only a MANAGER shares a view with the whole centre');
  }
  if (visibility !== 'DEPARTMENT') return null;
  if (!viewer.departmentId) throw badInput('Only a user of a department shares a view with it', 'visibility');
  return viewer.departmentId;
}

function checkColumns(list: SavedViewList, columns: readonly string[]): string[] {
  const known: readonly string[] = SAVED_VIEW_LISTS[list].columns;
  const unknown = columns.filter((column) => !known.includes(column));
  if (unknown.length > 0) {
    throw badInput(`Unknown columns: ${unknown.join(', ')}; use ${known.join(', ')}`, 'columns');
  }
  return [...new Set(columns)];
}

/** The viewer's own views of a list and those shared with it, by name. */
export function listSavedViews(ctx: ServiceContext, list: SavedViewList): Promise<SavedViewRow[]> {
  const userId = requireStaff(ctx.viewer);
  return ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.list, list), visibleTo(ctx.viewer, userId)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

export async function saveView(
  ctx: ServiceContext,
  draft: SavedViewDraft,
  check: ListInputCheck,
): Promise<SavedViewRow> {
  const userId = requireStaff(ctx.viewer);
  const visibility = draft.visibility ?? 'PRIVATE';
  const departmentId = sharing(ctx.viewer, visibility);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // One owner's saves take turns, so the count below stays true.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hotline:saved-views'), hashtext(${userId}))`);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(savedViews)
      .where(and(eq(savedViews.ownerId, userId), eq(savedViews.list, draft.list)));
    if ((count?.n ?? 0) >= MAX_VIEWS) throw badInput(`At most ${MAX_VIEWS} saved views per list`);
    const [row] = await tx
      .insert(savedViews)
      .values({
        ownerId: userId,
        list: draft.list,
        name: checkText('name', draft.name),
        filters: check(draft.list, 'filters', draft.filters ?? {}) ?? {},
        sort: check(draft.list, 'sort', draft.sort ?? null),
        columns: checkColumns(draft.list, draft.columns ?? []),
        visibility,
        departmentId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [savedViews.ownerId, savedViews.list, savedViews.name] })
      .returning();
    if (!row) throw new AppError('CONFLICT', `You already have a view named ${draft.name.trim()}`);
    return row;
  });
}

/** The viewer's own view, locked; a view it sees but does not own is FORBIDDEN, others NOT_FOUND. */
async function ownView(
  ctx: ServiceContext,
  id: string,
  change: (row: SavedViewRow, tx: Tx) => Promise<SavedViewRow>,
) {
  const userId = requireStaff(ctx.viewer);
  if (!isUuid(id)) throw notFound('Saved view');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(savedViews)
      .where(and(eq(savedViews.id, id), visibleTo(ctx.viewer, userId)))
      .for('update');
    if (!row) throw notFound('Saved view');
    if (row.ownerId !== userId) throw forbidden('Only the owner changes a saved view');
    return change(row, tx);
  });
}

export function updateView(
  ctx: ServiceContext,
  id: string,
  changes: SavedViewChanges,
  check: ListInputCheck,
): Promise<SavedViewRow> {
  return ownView(ctx, id, async (row, tx) => {
    const list = row.list as SavedViewList;
    const visibility = changes.visibility ?? (row.visibility as ViewVisibility);
    const departmentId =
      changes.visibility && changes.visibility !== row.visibility
        ? sharing(ctx.viewer, visibility)
        : row.departmentId;
    const [updated] = await tx
      .update(savedViews)
      .set({
        ...(changes.filters !== undefined
          ? { filters: check(list, 'filters', changes.filters ?? {}) ?? {} }
          : {}),
        ...(changes.sort !== undefined ? { sort: check(list, 'sort', changes.sort) } : {}),
        ...(changes.columns != null ? { columns: checkColumns(list, changes.columns) } : {}),
        visibility,
        departmentId,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(savedViews.id, id))
      .returning();
    return updated!;
  });
}

export function renameView(ctx: ServiceContext, id: string, name: string): Promise<SavedViewRow> {
  const checked = checkText('name', name);
  return ownView(ctx, id, async (row, tx) => {
    if (row.name === checked) return row;
    const [clash] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(
        and(eq(savedViews.ownerId, row.ownerId), eq(savedViews.list, row.list), eq(savedViews.name, checked)),
      );
    if (clash) throw new AppError('CONFLICT', `You already have a view named ${checked}`);
    const [updated] = await tx
      .update(savedViews)
      .set({ name: checked, updatedAt: ctx.clock.now() })
      .where(eq(savedViews.id, id))
      .returning();
    return updated!;
  });
}

export async function deleteView(ctx: ServiceContext, id: string): Promise<string> {
  await ownView(ctx, id, async (row, tx) => {
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    return row;
  });
  return id;
}
