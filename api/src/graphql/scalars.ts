import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { parseDuration } from '../domain/duration.js';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** ISO-8601 date-time; output is UTC with Z. */
export const DateTimeScalar = DateTimeResolver;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw invalid(`Expected a calendar date like 2026-10-01, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** ISO-8601 calendar date (YYYY-MM-DD), kept as text. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. 2026-10-01.',
  serialize: (value) => parseDate(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDurationText(value: unknown): string {
  if (typeof value !== 'string' || !parseDuration(value)) {
    throw invalid(`Expected an ISO-8601 duration like P3D, PT4H or PT30S, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** ISO-8601 duration of days, hours, minutes and seconds, returned as it was set. */
export const DurationScalar = new GraphQLScalarType<string, string>({
  name: 'Duration',
  description: 'ISO-8601 duration, e.g. P3D, PT4H, PT30S.',
  serialize: (value) => String(value),
  parseValue: parseDurationText,
  parseLiteral: (ast) => parseDurationText(ast.kind === Kind.STRING ? ast.value : undefined),
});
