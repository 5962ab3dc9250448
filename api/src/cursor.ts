import { badInput } from './errors/app-error.js';

/** Opaque connection cursors (base64url JSON) for keyset pagination; no GraphQL here, so services use them. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Null when the cursor is not one of ours. */
export function decodeCursor<T>(cursor: string): T | null {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * A connection's `after` cursor, decoded and checked by `accept`. A cursor is client input: a forged
 * one must answer BAD_USER_INPUT here, not reach PostgreSQL as a value it cannot cast.
 */
export function readCursor<T>(cursor: string, accept: (value: unknown) => value is T): T {
  const value = decodeCursor<unknown>(cursor);
  if (!accept(value)) throw badInput('after is not a valid cursor', 'after');
  return value;
}

/** A timestamp exactly as cursors carry it (`Date.toISOString()`), and a real date. */
export function isCursorTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString() === value
  );
}

/** A row id from a serial column. */
export function isCursorSerial(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
