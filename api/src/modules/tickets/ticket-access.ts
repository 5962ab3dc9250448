import { and, eq, type SQL, sql } from 'drizzle-orm';
import { ticketDepartments, tickets } from '../../../../schema/src/index.js';
import { scopedDepartment, type Viewer } from '../../auth/viewer.js';

/**
 * The SQL condition limiting tickets to those the viewer may see: HANDLER and INTEGRATION viewers
 * see tickets their department is or was responsible for (INTEGRATION also those it created).
 */
export function visibleTickets(viewer: Viewer): SQL | undefined {
  const department = scopedDepartment(viewer);
  if (department === null) return undefined;
  const ownCreation =
    viewer.role === 'INTEGRATION' && viewer.id ? eq(tickets.createdById, viewer.id) : undefined;
  if (department === 'none') return ownCreation ?? sql`false`;
  const handled = sql`exists (select 1 from ${ticketDepartments} where ${and(
    eq(ticketDepartments.ticketId, tickets.id),
    eq(ticketDepartments.departmentId, department),
  )})`;
  return ownCreation ? sql`(${handled} or ${ownCreation})` : handled;
}

/** Whether the viewer sees the caller's phone in full on this ticket. */
export function mayReadPersonalData(viewer: Viewer, ticket: { departmentId: string | null }): boolean {
  if (viewer.role === 'INTEGRATION') return false;
  if (viewer.role === 'HANDLER')
    return viewer.departmentId !== null && viewer.departmentId === ticket.departmentId;
  return viewer.kind !== 'anonymous';
}

/** 13812345678 -> 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}
