/** What people type between the digits of a phone number. */
const SEPARATORS = /[\s\-.()]/g;

/**
 * The stored forms a search term stands for when it looks like a phone number (7 to 20 digits once
 * spaces, dashes, dots and brackets are dropped, optionally after a `+`); empty otherwise. Phones are
 * stored as typed (trimmed), so the term matches exactly: as typed, as bare digits, and with or
 * without China's country code (`+86`, `0086`). Only whole numbers match: a prefix or a few digits
 * never find a caller.
 */
export function phoneSearchForms(term: string): string[] {
  const compact = term.replace(SEPARATORS, '');
  if (!/^\+?\d{7,20}$/.test(compact)) return [];
  const national = compact.replace(/^(?:\+|00)86/, '');
  return [...new Set([term, compact, national, `+86${national.replace(/^0/, '')}`])];
}
