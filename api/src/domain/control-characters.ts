/**
 * Characters no text input may hold: C0 controls except tab, newline and carriage return (NUL is
 * refused by PostgreSQL as a statement error, the others are never typed by a person), DEL, and
 * UTF-16 halves without their pair (stored as U+FFFD, so silently corrupted).
 */
const FORBIDDEN = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

/** The first forbidden character of a text as `U+XXXX`, or null when the text is clean. */
export function forbiddenCharacter(text: string): string | null {
  const found = FORBIDDEN.exec(text);
  if (!found) return null;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
