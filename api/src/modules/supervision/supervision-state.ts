import type { SupervisionRow } from '@hotline/schema';

type State = Pick<SupervisionRow, 'status' | 'dueAt' | 'repliedAt'>;

/** Waiting for the department's reply past the deadline the manager set. */
export function isOverdue(supervision: State, now: Date): boolean {
  return supervision.status === 'OPEN' && supervision.dueAt.getTime() < now.getTime();
}

/** Answered, but after the deadline. */
export function repliedLate(supervision: State): boolean {
  return supervision.repliedAt !== null && supervision.repliedAt.getTime() > supervision.dueAt.getTime();
}
