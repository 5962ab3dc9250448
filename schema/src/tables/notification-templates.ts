import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** When the caller is told something. */
export const notificationEvents = ['INTAKE', 'PUBLIC_NOTE', 'RESOLVED', 'CLOSED'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/**
 * A MANAGER's wording of one notification in one language; without a row the built-in default applies.
 * `subject` is the e-mail subject; `body` is the SMS text and the e-mail body.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    event: text().$type<NotificationEvent>().notNull(),
    language: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    updatedById: uuid(),
  },
  (t) => [primaryKey({ columns: [t.event, t.language] })],
);
