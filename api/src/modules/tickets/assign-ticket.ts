import { type TicketRow, users } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';
import { changeTicket, type Versioned } from './change-ticket.js';

/** Names the person answerable for the ticket: an active user of its department. */
export function assignTicket(ctx: ServiceContext, input: Versioned & { userId: string }): Promise<TicketRow> {
  return changeTicket(ctx, 'assign', input.id, input.expectedVersion, async (ticket, tx) => {
    const [user] = isUuid(input.userId)
      ? await tx
          .select({ id: users.id, name: users.name, departmentId: users.departmentId, active: users.active })
          .from(users)
          .where(eq(users.id, input.userId))
      : [];
    if (!user?.active) throw badInput(`Unknown user ${input.userId}`, 'userId');
    if (user.departmentId !== ticket.departmentId) {
      throw badInput(`${user.name} is not in the ticket's department`, 'userId');
    }
    return { set: { assigneeId: user.id }, events: [{ type: 'ASSIGNED', note: user.name }] };
  });
}
