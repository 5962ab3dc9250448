import { badInput } from './errors/app-error.js';

// Pages and their cursors, as services write and read them: apart from the GraphQL types, so that
// services never load type-graphql.

/** One page of a connection, as a service reads it; graphql/connection.ts shapes it for Relay. */
export interface Page<T> {
  rows: T[];
  cursorOf: (row: T) => string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const MAX_PAGE = 100;

/** Checks a connection's `first` (1..100, default 20). */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE}, got ${size}`, 'first');
  }
  return size;
}

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
