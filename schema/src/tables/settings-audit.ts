import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Audit of every settings change (SLA policies, calendar, scope and routing rules, users, API clients,
 * webhooks): who changed what, when, the entity before and after. Written in the transaction of the
 * change itself; snapshots never hold password hashes, API keys or webhook secrets.
 */
export const settingsAudit = pgTable(
  'settings_audit',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** SLA_POLICY, CALENDAR, SCOPE_RULE, ROUTING_RULE, USER, API_CLIENT, WEBHOOK */
    kind: text().notNull(),
    /** The entity's id (the calendar's is "1"). */
    entityId: text().notNull(),
    /** CREATED, UPDATED, DELETED, REORDERED, DEACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED, REVOKED */
    action: text().notNull(),
    /** user, client or system */
    actorKind: text().notNull(),
    /** The user or API client that made the change; null for the system. */
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index().on(t.kind, t.entityId, t.id), index().on(t.at), index().on(t.actorId, t.id)],
);
