import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Out-of-scope screening: demands the hotline should redirect instead of dispatching. */
export const scopeRules = pgTable('scope_rules', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  keywords: text().array().notNull(),
  categoryCodes: text().array().notNull(),
  /** Why it is out of scope. */
  advice: text().notNull(),
  /** Where to redirect the caller, e.g. "12315". */
  redirectTo: text(),
  enabled: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
