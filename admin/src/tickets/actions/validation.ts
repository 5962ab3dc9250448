/** Maximum lengths from the contract README ("Limits"). */
export const MAX_LENGTH = { reason: 2000, note: 2000, comment: 2000, reply: 10_000 } as const;

export type FieldError = { key: string; args?: Record<string, unknown> } | undefined;

export function requiredText(value: string, max: number, requiredKey: string): FieldError {
  if (!value.trim()) return { key: requiredKey };
  if (value.length > max) return { key: 'ra.validation.maxLength', args: { max } };
  return undefined;
}

export function optionalText(value: string, max: number): FieldError {
  return value.length > max ? { key: 'ra.validation.maxLength', args: { max } } : undefined;
}
