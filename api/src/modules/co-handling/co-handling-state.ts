import type { TicketCoHandlerRow } from '@hotline/schema';

type State = Pick<TicketCoHandlerRow, 'status' | 'dueAt' | 'repliedAt'>;

/** Waiting for the co-handler (PENDING or ACCEPTED) past its reply deadline. */
export function isOverdue(part: State, now: Date): boolean {
  return (part.status === 'PENDING' || part.status === 'ACCEPTED') && part.dueAt.getTime() < now.getTime();
}

/** Replied, but after the deadline. */
export function isLate(part: State): boolean {
  return part.repliedAt !== null && part.repliedAt.getTime() > part.dueAt.getTime();
}
