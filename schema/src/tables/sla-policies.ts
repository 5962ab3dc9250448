import { jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { slaClockEnum, ticketPriorityEnum } from '../enums.js';

export interface EscalationStepRow {
  level: number;
  /** ISO-8601 duration past dueAt. */
  after: string;
  notifyDepartmentId: string | null;
}

/** One policy per priority. Durations are kept as written (P3D is not PT72H on a business clock). */
export const slaPolicies = pgTable('sla_policies', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  priority: ticketPriorityEnum().notNull().unique(),
  clock: slaClockEnum().notNull(),
  acceptWithin: text().notNull(),
  resolveWithin: text().notNull(),
  remindAt: real().array().notNull(),
  escalation: jsonb().$type<EscalationStepRow[]>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
