import { type Satisfaction, type TicketRow, tickets } from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { and, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { phoneSearchForms } from '../tickets/phone-search.js';
import {
  mayReadPersonalData,
  personalDataReadable,
  readsEveryPhone,
  visibleTickets,
} from '../tickets/ticket-access.js';
import { selectTicketRows } from '../tickets/ticket-rows.js';

/** How many of the caller's tickets `last` lists. */
export const CALLER_HISTORY_LAST = 5;

export interface CallerHistoryResult {
  /** The caller's tickets (other than the one asked from) the viewer may see with the phone in full. */
  count: number;
  /** The newest of them, at most CALLER_HISTORY_LAST. */
  last: TicketRow[];
  /** The satisfaction of the caller's latest recorded feedback among them; null if none. */
  lastSatisfaction: Satisfaction | null;
}

/**
 * The caller's tickets by phone, as the viewer may know them: only tickets it sees whose phone it reads in
 * full, so the history never tells a masked viewer who called. Every read goes through
 * tickets_caller_phone_idx (caller_phone = any of the number's stored forms).
 */
async function historyOf(
  ctx: ServiceContext,
  phones: string[],
  except?: string,
): Promise<CallerHistoryResult> {
  const where: SQL = and(
    inArray(tickets.callerPhone, phones),
    except ? ne(tickets.id, except) : undefined,
    visibleTickets(ctx.viewer),
    personalDataReadable(ctx.viewer),
  )!;
  const [totals] = await queryRows<{ count: number; last_satisfaction: Satisfaction | null }>(
    ctx.db,
    sql`select count(*)::int as count,
      (array_agg(${tickets.satisfaction} order by ${tickets.feedbackAt} desc)
        filter (where ${tickets.satisfaction} is not null))[1] as last_satisfaction
      from ${tickets} where ${where}`,
  );
  const last = await selectTicketRows(
    ctx.db,
    sql`where ${where} order by ${tickets.createdAt} desc, ${tickets.id} desc limit ${CALLER_HISTORY_LAST}`,
  );
  return { count: totals?.count ?? 0, last, lastSatisfaction: totals?.last_satisfaction ?? null };
}

/**
 * Ticket.callerHistory: the caller's other tickets. Null when the ticket has no phone or the viewer sees it
 * masked (an integration, another department's handler).
 */
export function getCallerHistory(
  ctx: ServiceContext,
  ticket: TicketRow,
): Promise<CallerHistoryResult> | null {
  if (!ticket.callerPhone || !mayReadPersonalData(ctx.viewer, ticket)) return null;
  return historyOf(ctx, phoneSearchForms(ticket.callerPhone).concat(ticket.callerPhone), ticket.id);
}

/**
 * Intake: the tickets of the number being typed. Only for viewers who see every phone in full (AGENT,
 * MANAGER, ADMIN); anyone else FORBIDDEN. A number that is not a whole phone number: BAD_USER_INPUT.
 */
export function lookUpCaller(ctx: ServiceContext, phone: string): Promise<CallerHistoryResult> {
  requireSignedIn(ctx.viewer);
  if (!readsEveryPhone(ctx.viewer)) {
    throw new AppError('FORBIDDEN', 'Only staff who see callers’ phones in full may look a caller up');
  }
  const forms = phoneSearchForms(phone.trim());
  if (forms.length === 0) throw badInput('phone is not a whole phone number', 'phone');
  return historyOf(ctx, forms);
}
