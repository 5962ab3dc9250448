import type { Ticket } from '../graphql/types';
import { nominalMilliseconds } from '../sla/duration';

export type SlaTone = 'ok' | 'warning' | 'overdue' | 'paused' | 'idle' | 'done';

export interface SlaState {
  tone: SlaTone;
  /** Milliseconds to dueAt; negative once past it. */
  remainingMs: number | null;
}

const HOUR = 3_600_000;
const DEFAULT_WARNING_MS = 8 * HOUR;

/** Amber once less than a quarter of the resolution window (at most a day) is left. */
function warningThreshold(resolveWithin: string | undefined): number {
  const window = resolveWithin ? nominalMilliseconds(resolveWithin) : null;
  if (!window) return DEFAULT_WARNING_MS;
  return Math.min(window * 0.25, 24 * HOUR);
}

export function slaState(ticket: Pick<Ticket, 'status' | 'sla'>, now: number): SlaState {
  const { sla, status } = ticket;
  const remainingMs = sla.dueAt ? Date.parse(sla.dueAt) - now : null;
  if (status === 'RESOLVED' || status === 'CLOSED') return { tone: 'done', remainingMs };
  if (sla.paused || status === 'ON_HOLD') return { tone: 'paused', remainingMs };
  if (remainingMs === null) return { tone: 'idle', remainingMs };
  if (sla.breached || remainingMs <= 0) return { tone: 'overdue', remainingMs };
  if (remainingMs < warningThreshold(sla.policy?.resolveWithin)) return { tone: 'warning', remainingMs };
  return { tone: 'ok', remainingMs };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The two largest units of a span: "2 d 3 h", "45 min". */
export function formatSpan(ms: number, translate: Translate): string {
  const totalMinutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const units: [number, string][] = [
    [days, 'd'],
    [hours, 'h'],
    [minutes, 'm'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  return units
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => translate(`hotline.span.${unit}`, { count: value }))
    .join(' ');
}
