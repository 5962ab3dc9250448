/** ISO-8601 durations as the SLA screens show them: one amount in one unit ("3 working days"). */
import { type Duration, parseDuration as parseServerDuration } from '@hotline/api/domain';

export type DurationUnit = 'minutes' | 'hours' | 'days';

export type DurationParts = Duration;

export interface SimpleDuration {
  amount: number;
  unit: DurationUnit;
}

/** What the console sends for the text a user typed: the Duration scalar wants upper case, no blanks. */
export function normalizeDuration(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Parses a duration exactly as the server's Duration scalar does: one definition for both, the server's
 * (P3D, PT4H, P1DT2H, PT30S; no weeks, months or years).
 */
export function parseDuration(iso: string): DurationParts | null {
  return parseServerDuration(iso);
}

function isZero(parts: DurationParts): boolean {
  return parts.days === 0 && parts.hours === 0 && parts.minutes === 0 && parts.seconds === 0;
}

/** Reduces a duration to one unit when it can be said in one ("P1DT12H" cannot on a BUSINESS clock). */
export function toSimpleDuration(iso: string): SimpleDuration | null {
  const parts = parseDuration(iso);
  if (parts?.seconds !== 0) return null;
  const { days, hours, minutes } = parts;
  if (isZero(parts)) return { amount: 0, unit: 'hours' };
  if (hours === 0 && minutes === 0) return { amount: days, unit: 'days' };
  if (days === 0 && minutes === 0) return { amount: hours, unit: 'hours' };
  if (days === 0 && hours === 0) return { amount: minutes, unit: 'minutes' };
  return null;
}

export function fromSimpleDuration({ amount, unit }: SimpleDuration): string {
  const whole = Math.max(0, Math.round(amount));
  if (unit === 'days') return `P${whole}D`;
  if (unit === 'hours') return `PT${whole}H`;
  return `PT${whole}M`;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * "3 working days" for P3D on the BUSINESS clock, "1 day" on the CALENDAR clock; mixed durations are
 * spelled out unit by unit. On the BUSINESS clock a day is a full working day and hours are working hours.
 */
export function humanizeDuration(iso: string, clock: 'CALENDAR' | 'BUSINESS', translate: Translate): string {
  const parts = parseDuration(iso);
  if (!parts) return iso;
  if (isZero(parts)) return translate('hotline.duration.zero');
  const prefix = clock === 'BUSINESS' ? 'business_' : '';
  const pieces: string[] = [];
  if (parts.days) pieces.push(translate(`hotline.duration.${prefix}days`, { smart_count: parts.days }));
  if (parts.hours) pieces.push(translate(`hotline.duration.${prefix}hours`, { smart_count: parts.hours }));
  if (parts.minutes) pieces.push(translate('hotline.duration.minutes', { smart_count: parts.minutes }));
  if (parts.seconds) pieces.push(translate('hotline.duration.seconds', { smart_count: parts.seconds }));
  return pieces.join(translate('hotline.duration.separator'));
}

/** Nominal length in milliseconds, counting a day as 24 hours whatever the clock. */
export function nominalMilliseconds(iso: string): number | null {
  const parts = parseDuration(iso);
  if (!parts) return null;
  return (((parts.days * 24 + parts.hours) * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
}
