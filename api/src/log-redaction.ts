import pino from 'pino';

/** Runs of digits long enough to be a phone number (7+: a local number without area code). */
const PHONE_LIKE = /\d{7,}/g;

/**
 * drizzle's query errors append every parameter to their message (and so to the stack), up to the
 * stack's first frame: a ticket's insert carries the caller's phone and name.
 */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;

/**
 * Error fields that carry the values of a statement: drizzle's `params`, postgres.js's `parameters`
 * and `args`, PostgreSQL's `detail` ("Failing row contains (…)", "Key (…)=(…)").
 */
const VALUE_FIELDS = new Set(['params', 'parameters', 'args', 'detail']);

/** A text without query parameters and without phone-like digit runs. */
export function redactText(text: string): string {
  return text.replace(QUERY_PARAMS, '\nparams: [redacted]').replace(PHONE_LIKE, '[digits]');
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null || depth > 5) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      VALUE_FIELDS.has(key) ? '[redacted]' : scrub(field, depth + 1),
    ]),
  );
}

/** pino's error serializer, then every string redacted and statement values dropped (causes too). */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrub(error, 0);
  return scrub(pino.stdSerializers.err(error), 0);
}
