/** The placeholders a canned reply may hold, filled from the ticket it answers. */
export const CANNED_REPLY_PLACEHOLDERS = ['caller_name', 'ticket_number', 'department', 'deadline'] as const;

export type CannedReplyPlaceholder = (typeof CANNED_REPLY_PLACEHOLDERS)[number];
export type CannedReplyValues = Record<CannedReplyPlaceholder, string>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholders in `text` that are not ones we know how to fill. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(CANNED_REPLY_PLACEHOLDERS);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].filter(
    (name) => !known.has(name),
  );
}

/** The reply with every known placeholder replaced; anything else in braces stays as written. */
export function fillPlaceholders(text: string, values: CannedReplyValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as CannedReplyPlaceholder] : whole,
  );
}
