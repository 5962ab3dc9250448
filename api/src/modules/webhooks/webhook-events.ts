import { WEBHOOK_TYPES } from '../tickets/ticket-events.writer.js';

/** Every event type a webhook may subscribe to (contract README, "Webhooks"); `*` means all. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.values(WEBHOOK_TYPES).filter(
  (type): type is string => typeof type === 'string',
);

/** Whether a subscription list covers an event type. */
export function subscribes(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type);
}

/** Exponential backoff of retries: about 5 s, doubling, capped at 1 hour. */
export function retryDelayMs(failedAttempts: number, baseMs = 5_000, capMs = 3_600_000): number {
  const exponent = Math.max(failedAttempts - 1, 0);
  return Math.min(baseMs * 2 ** Math.min(exponent, 30), capMs);
}

/** How many attempts cover at least `windowMs` of retrying with that backoff (24 h by default). */
export function attemptsFor(windowMs = 24 * 3_600_000, baseMs = 5_000, capMs = 3_600_000): number {
  let elapsed = 0;
  let attempts = 1;
  while (elapsed < windowMs) {
    elapsed += retryDelayMs(attempts, baseMs, capMs);
    attempts++;
  }
  return attempts;
}
