import { badInput } from '../errors/app-error.js';
import { forbiddenCharacter } from './control-characters.js';

/** Maximum lengths from the contract ("Limits"). */
export const MAX_LENGTH = {
  title: 200,
  description: 10_000,
  reply: 10_000,
  address: 2_000,
  note: 2_000,
  reason: 2_000,
  comment: 2_000,
  callerName: 100,
  callerPhone: 32,
  externalRef: 128,
  idempotencyKey: 128,
  name: 100,
  code: 100,
  email: 200,
  password: 200,
  url: 2_000,
  /** A ticket filter's free text: longer patterns only make the trigram scan slower. */
  search: 200,
} as const;

export type LimitedField = keyof typeof MAX_LENGTH;

/** Trims and checks a text input; refuses blank required text, control characters and text over its limit. */
export function checkText(field: LimitedField, value: string, options?: { label?: string }): string;
export function checkText(
  field: LimitedField,
  value: string | null | undefined,
  options: { optional: true; label?: string },
): string | null;
export function checkText(
  field: LimitedField,
  value: string | null | undefined,
  options: { optional?: boolean; label?: string } = {},
): string | null {
  const label = options.label ?? field;
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (options.optional) return null;
    throw badInput(`${label} must not be empty`, label);
  }
  const forbidden = forbiddenCharacter(trimmed);
  if (forbidden) throw badInput(`${label} contains a control character (${forbidden})`, label);
  const max = MAX_LENGTH[field];
  // Count characters (code points), not UTF-16 units: 200 Chinese characters are 200.
  const length = [...trimmed].length;
  if (length > max) throw badInput(`${label} is too long: ${length} characters, at most ${max}`, label);
  return trimmed;
}
