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

/**
 * The numbers a phone-shaped term is found as in a ticket's text (`ticket_text_numbers`, migration
 * 0022): its digit forms, with `86` and `0086` before the national number. The text matches only a
 * whole number so written: `138 1234 5678` in a description is three short numbers, and a phone inside
 * a longer run of digits is not found.
 */
export function textNumberForms(forms: string[]): string[] {
  const digits = forms.map((form) => form.replace(/^\+/, '')).filter((form) => /^\d{7,20}$/.test(form));
  const international = digits.filter((form) => form.startsWith('86')).map((form) => `00${form}`);
  return [...new Set([...digits, ...international])];
}
