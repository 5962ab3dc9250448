import { ticketCoHandlers, ticketDepartments, ticketEvents, tickets } from '@hotline/schema';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { scopedDepartment, type Viewer } from '../../auth/viewer.js';

/**
 * The SQL condition limiting tickets to those the viewer may see: HANDLER and INTEGRATION viewers
 * see tickets their department is or was responsible for, or co-handles or co-handled (协办)
 * (INTEGRATION also those it created).
 */
export function visibleTickets(viewer: Viewer): SQL | undefined {
  const department = scopedDepartment(viewer);
  if (department === null) return undefined;
  const ownCreation =
    viewer.role === 'INTEGRATION' && viewer.id ? eq(tickets.createdById, viewer.id) : undefined;
  if (department === 'none') return ownCreation ?? sql`false`;
  const handled = sql`(exists (select 1 from ${ticketDepartments} where ${and(
    eq(ticketDepartments.ticketId, tickets.id),
    eq(ticketDepartments.departmentId, department),
  )}) or exists (select 1 from ${ticketCoHandlers} where ${and(
    eq(ticketCoHandlers.ticketId, tickets.id),
    eq(ticketCoHandlers.departmentId, department),
  )}))`;
  return ownCreation ? sql`(${handled} or ${ownCreation})` : handled;
}

/**
 * Where the viewer sees callers' phones in full: on every ticket it sees, on none, or on the tickets its
 * department is responsible for now. One rule with two faces: per ticket (the caller field) and in SQL
 * (phone search), so search never finds a ticket by a phone the viewer only sees masked.
 */
type PersonalDataScope = 'all' | 'none' | { departmentId: string };

function personalDataScope(viewer: Viewer): PersonalDataScope {
  if (viewer.role === 'INTEGRATION') return 'none';
  if (viewer.role === 'HANDLER') return viewer.departmentId ? { departmentId: viewer.departmentId } : 'none';
  return viewer.kind === 'anonymous' ? 'none' : 'all';
}

/**
 * Whether the viewer sees the caller's phone in full on this ticket: a HANDLER on the cases its department
 * is responsible for now, and on those where its co-handling part is open (as on its own).
 */
export function mayReadPersonalData(
  viewer: Viewer,
  ticket: { departmentId: string | null; openCoHandlerIds?: readonly string[] | null },
): boolean {
  const scope = personalDataScope(viewer);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return (
    scope.departmentId === ticket.departmentId || (ticket.openCoHandlerIds ?? []).includes(scope.departmentId)
  );
}

/** Whether the viewer sees every caller's phone in full (agents, managers, admins): intake's caller lookup. */
export function readsEveryPhone(viewer: Viewer): boolean {
  return personalDataScope(viewer) === 'all';
}

/** The SQL condition of mayReadPersonalData: tickets whose caller phone the viewer sees in full. */
export function personalDataReadable(viewer: Viewer): SQL | undefined {
  const scope = personalDataScope(viewer);
  if (scope === 'all') return undefined;
  if (scope === 'none') return sql`false`;
  return sql`(${eq(tickets.departmentId, scope.departmentId)} or ${scope.departmentId}::uuid = any(${tickets.openCoHandlerIds}))`;
}

/** 13812345678 -> 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}

/** Whether the viewer reads INTERNAL notes: staff users only, never an API client of any role. */
export function mayReadInternalNotes(viewer: Viewer): boolean {
  return viewer.kind === 'user' || viewer.kind === 'system';
}

/** The SQL condition on ticket_events hiding INTERNAL notes from viewers who may not read them. */
export function visibleEvents(viewer: Viewer): SQL | undefined {
  if (mayReadInternalNotes(viewer)) return undefined;
  return sql`${ticketEvents.visibility} is distinct from 'INTERNAL'`;
}
