import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.js';
import { categories } from './categories.js';
import { departments } from './departments.js';

const at = () => timestamp({ withTimezone: true });

/**
 * The knowledge base: what an agent may tell a caller on the spot. An article is in force while
 * validFrom <= now < validTo (no validTo: open-ended); retiring it ends its validity at once.
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    body: text().notNull(),
    categoryId: uuid().references(() => categories.id),
    /** Null: valid in the whole district. */
    areaId: uuid().references(() => areas.id),
    /** Who keeps it up to date (its handlers may edit it); null: the hotline centre (managers). */
    ownerDepartmentId: uuid().references(() => departments.id),
    validFrom: at().notNull(),
    validTo: at(),
    /** When the owner must check it again; past it the console flags the article. */
    reviewAt: at(),
    retiredAt: at(),
    /** Tickets answered directly from this article. */
    usageCount: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [index().on(t.categoryId), index().on(t.ownerDepartmentId)],
);

export type KnowledgeArticleRow = typeof knowledgeArticles.$inferSelect;

/** Audit of the knowledge base and canned replies: who changed what, when, before and after. */
export const knowledgeChanges = pgTable(
  'knowledge_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** ARTICLE or CANNED_REPLY */
    subject: text().notNull(),
    subjectId: uuid().notNull(),
    /** CREATED, UPDATED, RETIRED, DELETED */
    action: text().notNull(),
    actorId: uuid(),
    at: at().notNull(),
    before: text(),
    after: text(),
  },
  (t) => [index().on(t.subjectId, t.at)],
);

/**
 * Reply templates with placeholders ({caller_name}, {ticket_number}, {department}, {deadline}) filled
 * from a ticket when used; the centre's (no department) are offered to everyone, a department's to it.
 */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    body: text().notNull(),
    departmentId: uuid().references(() => departments.id),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [index().on(t.departmentId)],
);

export type CannedReplyRow = typeof cannedReplies.$inferSelect;
