import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/** The caller's languages: the status page, the satisfaction page and the notifications speak them. */
export const callerLanguages = ['zh-CN', 'en'] as const;
export type CallerLanguage = (typeof callerLanguages)[number];

/**
 * What lets a caller, and only the caller, follow a ticket without signing in: the lookup code (stored
 * as an HMAC, shown once at intake), the caller's e-mail and language, and the one-time satisfaction
 * link (stored as an HMAC, expiring, consumed with the feedback it records).
 */
export const citizenAccess = pgTable(
  'citizen_access',
  {
    ticketId: uuid()
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** HMAC-SHA256 (hex) of the normalised lookup code under a key derived from ENCRYPTION_KEY. */
    lookupHash: text().notNull(),
    /** Optional; the caller's phone stays on the ticket. */
    email: text(),
    language: text().$type<CallerLanguage>().notNull().default('zh-CN'),
    /**
     * The lookup code encrypted under the server key, kept only until the intake notification is
     * planned (the relay moves it onto the notification deliveries and clears it here).
     */
    sealedCode: text(),
    /** HMAC of the current satisfaction link's token; null when none was issued. */
    feedbackTokenHash: text(),
    feedbackTokenExpiresAt: timestamp({ withTimezone: true }),
    feedbackTokenUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('citizen_access_feedback_token_idx')
      .on(t.feedbackTokenHash)
      .where(sql`feedback_token_hash is not null`),
    index('citizen_access_sealed_code_idx').on(t.ticketId).where(sql`sealed_code is not null`),
  ],
);
