import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type Channel, type DemandType, ticketPriorityEnum } from '../enums.js';
import { departments } from './departments.js';

export interface RoutingConditionsRow {
  categoryCodes: string[];
  areaCodes: string[];
  keywords: string[];
  demandTypes: DemandType[];
  channels: Channel[];
}

export const routingRules = pgTable('routing_rules', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** Tried in ascending order; unique among rules (checked in the service, kept 1..n). */
  position: integer().notNull(),
  enabled: boolean().notNull().default(true),
  conditions: jsonb().$type<RoutingConditionsRow>().notNull(),
  departmentId: uuid()
    .notNull()
    .references(() => departments.id),
  priority: ticketPriorityEnum(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
