import { returnRequests } from '@hotline/schema';
import { asc, count, eq } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { pageSize } from '../../cursor.js';
import { badInput } from '../../errors/app-error.js';

export type ReturnRequestRow = typeof returnRequests.$inferSelect;

/** The return-review queue (派单异议审核): requests waiting for a manager, oldest first. MANAGER, ADMIN. */
export async function listPendingReturns(
  ctx: ServiceContext,
  args: { first?: number | null; offset?: number | null },
): Promise<{ nodes: ReturnRequestRow[]; totalCount: () => Promise<number> }> {
  requireRole(ctx.viewer, ['MANAGER', 'ADMIN']);
  const first = pageSize(args.first);
  const offset = args.offset ?? 0;
  if (offset < 0) throw badInput('offset must not be negative', 'offset');
  const nodes = await ctx.db
    .select()
    .from(returnRequests)
    .where(eq(returnRequests.status, 'PENDING'))
    .orderBy(asc(returnRequests.createdAt), asc(returnRequests.id))
    .limit(first)
    .offset(offset);
  return { nodes, totalCount: () => countPendingReturns(ctx) };
}

/** How many return requests wait for a manager (the dashboard's figure). MANAGER, ADMIN. */
export async function countPendingReturns(ctx: ServiceContext): Promise<number> {
  requireRole(ctx.viewer, ['MANAGER', 'ADMIN']);
  const [row] = await ctx.db
    .select({ count: count() })
    .from(returnRequests)
    .where(eq(returnRequests.status, 'PENDING'));
  return row?.count ?? 0;
}
