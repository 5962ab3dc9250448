import { areas, categories, type DepartmentKind, departments } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { asc, eq } from 'drizzle-orm';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { forgetReferenceRows } from '../../reference-rows.js';

export type DepartmentRow = typeof departments.$inferSelect;

export interface DepartmentInput {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId?: string | null;
  active?: boolean | null;
}

export function listDepartments(ctx: ServiceContext) {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(departments).orderBy(asc(departments.code));
}

export function listCategories(ctx: ServiceContext) {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(categories).orderBy(asc(categories.code));
}

export function listAreas(ctx: ServiceContext) {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(areas).orderBy(asc(areas.code));
}

export async function createDepartment(ctx: ServiceContext, input: DepartmentInput): Promise<DepartmentRow> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const values = checkDepartment(input);
  return ctx.db.transaction(async (tx) => {
    await checkParent(tx, null, values.parentId);
    await ensureCodeFree(tx, values.code, null);
    const [row] = await tx.insert(departments).values(values).returning();
    return row!;
  });
}

export async function updateDepartment(
  ctx: ServiceContext,
  id: string,
  input: DepartmentInput,
): Promise<DepartmentRow> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const values = checkDepartment(input);
  if (!isUuid(id)) throw notFound('Department');
  const updated = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
    if (!existing) throw notFound('Department');
    await checkParent(tx, id, values.parentId);
    await ensureCodeFree(tx, values.code, id);
    const [row] = await tx.update(departments).set(values).where(eq(departments.id, id)).returning();
    return row!;
  });
  // Ticket pages of this process name the department as it is now.
  forgetReferenceRows();
  return updated;
}

function checkDepartment(input: DepartmentInput) {
  return {
    code: checkText('code', input.code),
    name: checkText('name', input.name),
    kind: input.kind,
    parentId: input.parentId ?? null,
    active: input.active ?? true,
  };
}

async function ensureCodeFree(tx: Tx, code: string, ownId: string | null) {
  const [clash] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (clash && clash.id !== ownId) throw new AppError('CONFLICT', `A department with code "${code}" exists`);
}

/** The parent must exist and must not be the department itself or one of its descendants. */
async function checkParent(tx: Tx, id: string | null, parentId: string | null) {
  if (!parentId) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor; depth++) {
    if (cursor === id || depth > 50) throw badInput('A department cannot be its own ancestor', 'parentId');
    const [row]: { parentId: string | null }[] = isUuid(cursor)
      ? await tx
          .select({ parentId: departments.parentId })
          .from(departments)
          .where(eq(departments.id, cursor))
      : [];
    if (!row) throw badInput(`Unknown parent department ${parentId}`, 'parentId');
    cursor = row.parentId;
  }
}

export interface TreeNodeInput {
  code: string;
  name: string;
  parentId?: string | null;
}

type TreeTable = typeof areas | typeof categories;

/** Creates or updates an area or a category (two-level trees of code + name). */
export async function saveTreeNode(
  ctx: ServiceContext,
  table: TreeTable,
  id: string | null,
  input: TreeNodeInput,
): Promise<typeof areas.$inferSelect> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const label = table === areas ? 'Area' : 'Category';
  const values = {
    code: checkText('code', input.code),
    name: checkText('name', input.name),
    parentId: input.parentId ?? null,
  };
  if (id !== null && !isUuid(id)) throw notFound(label);
  const saved = await ctx.db.transaction(async (tx) => {
    if (values.parentId) {
      const [parent] = isUuid(values.parentId)
        ? await tx.select({ parentId: table.parentId }).from(table).where(eq(table.id, values.parentId))
        : [];
      if (!parent) throw badInput(`Unknown parent ${values.parentId}`, 'parentId');
      if (values.parentId === id || (id !== null && parent.parentId === id)) {
        throw badInput(`${label} cannot be its own ancestor`, 'parentId');
      }
    }
    const [clash] = await tx.select({ id: table.id }).from(table).where(eq(table.code, values.code));
    if (clash && clash.id !== id) throw new AppError('CONFLICT', `${label} code "${values.code}" exists`);
    const [row] =
      id === null
        ? await tx.insert(table).values(values).returning()
        : await tx.update(table).set(values).where(eq(table.id, id)).returning();
    if (!row) throw notFound(label);
    return row;
  });
  forgetReferenceRows();
  return saved;
}
