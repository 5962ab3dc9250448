import { apiClients, type Role } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { generateApiKey, hashApiKey } from '../../auth/tokens.js';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { requireDepartment } from '../departments/require-department.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { apiClientSnapshot } from '../settings-audit/settings-snapshots.js';

export type ApiClientRow = typeof apiClients.$inferSelect;

export interface ApiClientInput {
  name: string;
  role: Role;
  departmentId?: string | null;
  /** Sustained requests a second; null: the server default. */
  rateLimitPerSecond?: number | null;
  /** Burst size; null: the server default. */
  rateLimitBurst?: number | null;
}

/** Roles that act for one department and so must be bound to one. */
const DEPARTMENT_ROLES: readonly Role[] = ['HANDLER'];
const MAX_RATE = 10_000;

function checkRate(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RATE)
    throw badInput(`${field} must be 1..${MAX_RATE}`, field);
  return value;
}

/** Creates an API client; its key is returned once and only its SHA-256 is stored. */
export async function createApiClient(
  ctx: ServiceContext,
  input: ApiClientInput,
): Promise<{ client: ApiClientRow; key: string }> {
  requireRole(ctx.viewer, ['ADMIN']);
  const name = checkText('name', input.name);
  const departmentId = input.departmentId ?? null;
  if (DEPARTMENT_ROLES.includes(input.role) && !departmentId) {
    throw badInput(`A ${input.role} client must belong to a department`, 'departmentId');
  }
  if (departmentId) await requireDepartment(ctx.db, departmentId);
  const key = generateApiKey();
  const client = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(apiClients)
      .values({
        name,
        role: input.role,
        departmentId,
        keyHash: hashApiKey(key),
        rateLimitPerSecond: checkRate('rateLimitPerSecond', input.rateLimitPerSecond),
        rateLimitBurst: checkRate('rateLimitBurst', input.rateLimitBurst),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('api client insert returned nothing');
    await recordSettingsChange(tx, ctx, now, {
      kind: 'API_CLIENT',
      entityId: row.id,
      action: 'CREATED',
      before: null,
      after: apiClientSnapshot(row),
    });
    return row;
  });
  return { client, key };
}

/** Revokes a key: authentication looks keys up on every request, so the next one fails. */
export async function revokeApiClient(ctx: ServiceContext, id: string): Promise<ApiClientRow> {
  requireRole(ctx.viewer, ['ADMIN']);
  if (!isUuid(id)) throw notFound('API client');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [old] = await tx.select().from(apiClients).where(eq(apiClients.id, id)).for('update');
    if (!old) throw notFound('API client');
    // Revoking twice keeps the first revocation's time and records nothing new.
    if (!old.active) return old;
    const [client] = await tx
      .update(apiClients)
      .set({ active: false, revokedAt: now })
      .where(eq(apiClients.id, id))
      .returning();
    await recordSettingsChange(tx, ctx, now, {
      kind: 'API_CLIENT',
      entityId: id,
      action: 'REVOKED',
      before: apiClientSnapshot(old),
      after: apiClientSnapshot(client!),
    });
    return client!;
  });
}

export async function listApiClients(ctx: ServiceContext): Promise<ApiClientRow[]> {
  requireRole(ctx.viewer, ['ADMIN']);
  return ctx.db.select().from(apiClients).orderBy(apiClients.createdAt, apiClients.id);
}
