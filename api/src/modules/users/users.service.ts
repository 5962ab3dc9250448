import { type Role, users } from '@hotline/schema';
import { and, asc, eq } from 'drizzle-orm';
import { hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.js';
import type { TokenSigner } from '../../auth/tokens.js';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { requireDepartment } from '../departments/require-department.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { userSnapshot } from '../settings-audit/settings-snapshots.js';

export type UserRow = typeof users.$inferSelect;

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  departmentId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Roles that act for one department and so must belong to one. */
const DEPARTMENT_ROLES: readonly Role[] = ['HANDLER'];

// Compared against when the email is unknown, so both paths cost one scrypt.
const decoyHash = hashPassword('not-a-real-password');

export async function login(
  ctx: ServiceContext,
  signer: TokenSigner,
  email: string,
  password: string,
): Promise<{ token: string; user: UserRow }> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid || !user.active) throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
  if (needsRehash(user.passwordHash)) await rehash(ctx, user, password);
  const token = await signer.sign({
    userId: user.id,
    role: user.role,
    departmentId: user.departmentId,
    sessionVersion: user.sessionVersion,
  });
  return { token, user };
}

/**
 * Replaces a hash made with weaker parameters, now that the password is known. Not a credential
 * change: sessions go on. Skipped when the hash changed meanwhile (a reset wins).
 */
async function rehash(ctx: ServiceContext, user: UserRow, password: string): Promise<void> {
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserRow> {
  requireRole(ctx.viewer, ['ADMIN']);
  const email = checkText('email', input.email).toLowerCase();
  if (!EMAIL.test(email)) throw badInput('email is not an email address', 'email');
  const name = checkText('name', input.name);
  const password = checkPassword('password', input.password);
  const departmentId = input.departmentId ?? null;
  await checkRoleDepartment(ctx, input.role, departmentId);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email, name, role: input.role, departmentId, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!row) throw new AppError('CONFLICT', `A user with email ${email} exists`);
    await recordSettingsChange(tx, ctx, ctx.clock.now(), {
      kind: 'USER',
      entityId: row.id,
      action: 'CREATED',
      before: null,
      after: userSnapshot(row),
    });
    return row;
  });
}

/** A new password: trimmed, 8 to 200 characters. */
export function checkPassword(field: string, value: string): string {
  const password = checkText('password', value, { label: field });
  if ([...password].length < 8) throw badInput(`${field} must have at least 8 characters`, field);
  return password;
}

/** A HANDLER needs a department; a department given must exist. */
export async function checkRoleDepartment(
  ctx: ServiceContext,
  role: Role,
  departmentId: string | null,
): Promise<void> {
  if (DEPARTMENT_ROLES.includes(role) && !departmentId) {
    throw badInput(`A ${role} must belong to a department`, 'departmentId');
  }
  if (!departmentId) return;
  await requireDepartment(ctx.db, departmentId);
}

/** Staff list for managers: everyone, or one department's users (e.g. to pick an assignee). */
export function listUsers(ctx: ServiceContext, departmentId: string | null): Promise<UserRow[]> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER', 'HANDLER']);
  // A handler sees its own department's colleagues only.
  const department = ctx.viewer.role === 'HANDLER' ? ctx.viewer.departmentId : departmentId;
  if (department !== null && !isUuid(department)) return Promise.resolve([]);
  const query = ctx.db.select().from(users).orderBy(asc(users.name)).$dynamic();
  return department ? query.where(eq(users.departmentId, department)) : query;
}
