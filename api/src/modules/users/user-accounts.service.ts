import { type Role, users } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, ne, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { forgetSessionState } from '../../auth/sessions.js';
import { requireRole, requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput, forbidden, notFound } from '../../errors/app-error.js';
import type { SettingsAction } from '../settings-audit/settings-audit.writer.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { userSnapshot } from '../settings-audit/settings-snapshots.js';
import { checkPassword, checkRoleDepartment, type UserRow } from './users.service.js';

/**
 * Changes to a user that end its sessions: each raises `session_version`, so tokens signed before
 * fail with UNAUTHENTICATED on their next request (at once in this process, within
 * SESSION_CACHE_TTL_MS in others).
 */

export interface UpdateUserInput {
  /** Absent: unchanged. */
  role?: Role | null;
  /** Absent: unchanged; null: no department. */
  departmentId?: string | null;
}

/** The field of the wrong-current-password error, which sign-in throttling counts as a failure. */
export const CURRENT_PASSWORD_FIELD = 'currentPassword';

type Patch = Partial<Pick<UserRow, 'active' | 'role' | 'departmentId' | 'passwordHash'>>;

/** ADMIN: the user can no longer sign in, and its sessions end. */
export function deactivateUser(ctx: ServiceContext, id: string): Promise<UserRow> {
  requireRole(ctx.viewer, ['ADMIN']);
  return changeUser(ctx, id, 'DEACTIVATED', async (user, tx) => {
    if (!user.active) return null;
    if (user.role === 'ADMIN') await keepAnAdmin(tx, user.id);
    return { active: false };
  });
}

/** ADMIN: a new role and/or department. */
export function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<UserRow> {
  requireRole(ctx.viewer, ['ADMIN']);
  return changeUser(ctx, id, 'UPDATED', async (user, tx) => {
    const role = input.role ?? user.role;
    const departmentId = input.departmentId === undefined ? user.departmentId : input.departmentId;
    if (role === user.role && departmentId === user.departmentId) return null;
    await checkRoleDepartment(ctx, role, departmentId);
    if (user.role === 'ADMIN' && role !== 'ADMIN' && user.active) await keepAnAdmin(tx, user.id);
    return { role, departmentId };
  });
}

/** ADMIN: sets another user's (or its own) password without knowing the old one. */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<UserRow> {
  requireRole(ctx.viewer, ['ADMIN']);
  const passwordHash = await hashPassword(checkPassword('password', password));
  return changeUser(ctx, id, 'PASSWORD_RESET', async () => ({ passwordHash }));
}

/** Any signed-in user: its own password, given the current one. Ends its other sessions too. */
export async function changePassword(
  ctx: ServiceContext,
  currentPassword: string,
  newPassword: string,
): Promise<UserRow> {
  requireSignedIn(ctx.viewer);
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.id : null;
  if (!userId) throw forbidden('Only staff users have a password');
  const next = checkPassword('newPassword', newPassword);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw badInput('The current password is wrong', CURRENT_PASSWORD_FIELD);
  }
  const passwordHash = await hashPassword(next);
  return changeUser(ctx, userId, 'PASSWORD_CHANGED', async () => ({ passwordHash }));
}

/**
 * Locks the user, applies `decide`'s patch with a raised session version in one transaction, then
 * forgets the cached session state and logs who changed whom (ids only). The settings audit records
 * the change in the same transaction (a password change as its action only: never a hash). A null
 * patch changes nothing, records nothing and keeps the sessions.
 */
async function changeUser(
  ctx: ServiceContext,
  id: string,
  change: SettingsAction,
  decide: (user: UserRow, tx: Tx) => Promise<Patch | null>,
): Promise<UserRow> {
  const { row, changed } = await ctx.db.transaction(async (tx) => {
    const [user] = isUuid(id) ? await tx.select().from(users).where(eq(users.id, id)).for('update') : [];
    if (!user) throw notFound('User');
    const patch = await decide(user, tx);
    if (!patch) return { row: user, changed: false };
    const [updated] = await tx
      .update(users)
      .set({ ...patch, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning();
    await recordSettingsChange(tx, ctx, ctx.clock.now(), {
      kind: 'USER',
      entityId: id,
      action: change,
      before: userSnapshot(user),
      after: userSnapshot(updated!),
    });
    return { row: updated!, changed: true };
  });
  if (changed) {
    forgetSessionState(id);
    ctx.log?.info({ actor: ctx.viewer.id, user: id, change, role: row.role }, 'user changed');
  }
  return row;
}

/**
 * Refuses to take away the last active ADMIN. Two ADMINs demoting each other at once take turns on
 * an advisory lock (not on each other's rows: each already holds its own, that would deadlock), so
 * the second sees the first's committed change.
 */
async function keepAnAdmin(tx: Tx, leaving: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hotline:last-admin'))`);
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), eq(users.active, true), ne(users.id, leaving)))
    .limit(1);
  if (!other) throw badInput('This is the last active ADMIN: make another user ADMIN first', 'id');
}
