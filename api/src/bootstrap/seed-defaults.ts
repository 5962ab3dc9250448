import { randomBytes } from 'node:crypto';
import { businessCalendar, categories, departments, slaPolicies, users } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { seedScopeRules } from '../modules/scope/scope-defaults.js';
import {
  DEFAULT_CALENDAR,
  DEFAULT_CATEGORIES,
  DEFAULT_ESCALATION,
  DEFAULT_REMINDERS,
  DEFAULT_SLA_POLICIES,
  HOTLINE_CENTER,
} from './default-taxonomy.js';

export interface SeedOutcome {
  /** Set when this start created the first ADMIN with a generated password: print it once. */
  generatedAdminPassword: string | null;
}

/** First-start data: idempotent, so every start (and every process) may run it. */
export async function seedDefaults(
  db: Db,
  admin: { email: string; password?: string },
): Promise<SeedOutcome> {
  return db.transaction(async (tx) => {
    // One seeder at a time across processes.
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    await tx
      .insert(departments)
      .values({ ...HOTLINE_CENTER, kind: 'HOTLINE_CENTER' })
      .onConflictDoNothing({ target: departments.code });
    for (const parent of DEFAULT_CATEGORIES) {
      await tx.insert(categories).values({ code: parent.code, name: parent.name }).onConflictDoNothing();
      const [row] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.code, parent.code));
      await tx
        .insert(categories)
        .values(parent.children.map(([code, name]) => ({ code, name, parentId: row!.id })))
        .onConflictDoNothing();
    }
    await tx
      .insert(slaPolicies)
      .values(
        DEFAULT_SLA_POLICIES.map((policy) => ({
          ...policy,
          remindAt: DEFAULT_REMINDERS,
          escalation: DEFAULT_ESCALATION,
        })),
      )
      .onConflictDoNothing({ target: slaPolicies.priority });
    await tx
      .insert(businessCalendar)
      .values({ id: 1, ...DEFAULT_CALENDAR })
      .onConflictDoNothing();

    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    if (anyUser) return { generatedAdminPassword: null };
    await seedScopeRules(tx);
    const password = admin.password ?? randomBytes(12).toString('base64url');
    await tx.insert(users).values({
      email: admin.email.toLowerCase(),
      name: 'Administrator',
      role: 'ADMIN',
      passwordHash: await hashPassword(password),
    });
    return { generatedAdminPassword: admin.password ? null : password };
  });
}
