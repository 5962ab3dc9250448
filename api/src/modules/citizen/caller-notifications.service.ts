import { notificationDeliveries } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { asc, eq } from 'drizzle-orm';

/**
 * The notifications of a ticket the viewer already sees (its field resolver's root): recipients are
 * only ever stored masked, so every viewer of the ticket may read them.
 */
export async function listCallerNotifications(db: Db, ticketId: string) {
  const rows = await db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.ticketId, ticketId))
    .orderBy(asc(notificationDeliveries.createdAt), asc(notificationDeliveries.channel));
  return rows.map((row) => ({ ...row, recipient: row.recipientMasked }));
}
