import { zonedDateKey } from '../common/zoned-time';

/** A count of a department's scorecard that opens the ticket list filtered to the tickets behind it. */
export type DrillDownFigure =
  | 'volume'
  | 'dispatched'
  | 'acceptedOnTime'
  | 'resolved'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'feedback'
  | 'satisfied'
  | 'reopened'
  | 'returnedTickets'
  | 'supervisedTickets'
  | 'rejectedReturns'
  | 'coHandlingRequests'
  | 'overdueNow';

/**
 * The `tickets` filter behind each count (docs/integration.md, "Stats, the daily roll-up and the department
 * ranking"): tickets created in [from, to) and sent to the department, narrowed per figure; overdueNow is live.
 */
export function drillDownFilter(
  figure: DrillDownFigure,
  departmentId: string,
  range: { from: string; to: string },
): Record<string, unknown> {
  if (figure === 'overdueNow') return { departmentId, overdue: true };
  // Co-handling requests: the department was asked to help; it need not have been sent the ticket.
  if (figure === 'coHandlingRequests')
    return { coHandlingDepartmentId: departmentId, createdAfter: range.from, createdBefore: range.to };
  const sent = { dispatchedToDepartmentId: departmentId, createdAfter: range.from, createdBefore: range.to };
  const narrowed: Record<
    Exclude<DrillDownFigure, 'overdueNow' | 'coHandlingRequests'>,
    Record<string, unknown>
  > = {
    volume: {},
    dispatched: { dispatched: true },
    acceptedOnTime: { acceptedOnTime: true },
    resolved: { resolved: true },
    resolvedOnTime: { resolvedOnTime: true },
    resolvedLate: { resolvedOnTime: false },
    feedback: { satisfaction: ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] },
    satisfied: { satisfaction: ['SATISFIED', 'BASICALLY_SATISFIED'] },
    reopened: { reopened: true },
    returnedTickets: { returnedByDepartmentId: departmentId },
    supervisedTickets: { supervisedDepartmentId: departmentId },
    rejectedReturns: { returnRejectedDepartmentId: departmentId },
  };
  return { ...sent, ...narrowed[figure] };
}

/** Keys the ticket list reads to say which figure it shows (dropped from the API filter). */
export const DRILL_DOWN_KEYS = { figure: 'drillDown', department: 'drillDownOf' } as const;

/** The ticket list's route with the figure's filter in the URL (react-admin reads `filter` from it). */
export function drillDownLink(
  figure: DrillDownFigure,
  department: { id: string; name: string },
  range: { from: string; to: string },
): string {
  const filter = {
    ...drillDownFilter(figure, department.id, range),
    [DRILL_DOWN_KEYS.figure]: figure,
    [DRILL_DOWN_KEYS.department]: department.name,
  };
  const query = new URLSearchParams({ filter: JSON.stringify(filter), page: '1' });
  return `/tickets?${query.toString()}`;
}

/** 0.9312 -> "93.1%", null -> "—". */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A score 0..100 with one decimal, null -> "—". */
export function scoreText(score: number | null | undefined): string {
  return score == null ? '—' : score.toFixed(1);
}

/** Score points against the previous period: "+2.5", "-1.0", "—". */
export function changeText(change: number | null | undefined): string {
  if (change == null) return '—';
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}`;
}

/** [from, to) instants as the inclusive local days "2026-10-01 – 2026-10-31". */
export function daysText(from: string, to: string, timeZone: string): string {
  const first = zonedDateKey(new Date(from), timeZone);
  const last = zonedDateKey(new Date(Date.parse(to) - 1), timeZone);
  return `${first} – ${last}`;
}
