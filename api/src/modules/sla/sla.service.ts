import { asc, eq } from 'drizzle-orm';
import { businessCalendar, slaPolicies } from '../../../../schema/src/index.js';
import { requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type BusinessCalendarRow = typeof businessCalendar.$inferSelect;

export function listSlaPolicies(ctx: ServiceContext): Promise<SlaPolicyRow[]> {
  requireSignedIn(ctx.viewer);
  return ctx.db.select().from(slaPolicies).orderBy(asc(slaPolicies.priority));
}

export async function getBusinessCalendar(ctx: ServiceContext): Promise<BusinessCalendarRow> {
  requireSignedIn(ctx.viewer);
  const [row] = await ctx.db.select().from(businessCalendar).where(eq(businessCalendar.id, 1));
  if (!row) throw new Error('The business calendar was not seeded');
  return row;
}
