import { settingsAudit } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import type { ServiceContext } from '../../context.js';

export const SETTINGS_KINDS = [
  'SLA_POLICY',
  'CALENDAR',
  'SCOPE_RULE',
  'ROUTING_RULE',
  'USER',
  'API_CLIENT',
  'WEBHOOK',
  'NOTIFICATION_TEMPLATE',
  'SCORECARD_WEIGHTS',
] as const;
export type SettingsKind = (typeof SETTINGS_KINDS)[number];

export const SETTINGS_ACTIONS = [
  'CREATED',
  'UPDATED',
  'DELETED',
  'REORDERED',
  'DEACTIVATED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'REVOKED',
] as const;
export type SettingsAction = (typeof SETTINGS_ACTIONS)[number];

/** A settings entity as the audit keeps it: plain JSON, never a password hash, key or secret. */
export type Snapshot = Record<string, unknown>;

export interface SettingsChangeEntry {
  kind: SettingsKind;
  entityId: string;
  action: SettingsAction;
  /** Null when the entity is created. */
  before: Snapshot | null;
  /** Null when the entity is deleted. */
  after: Snapshot | null;
}

/**
 * Records settings changes in the caller's transaction, so a change and its audit commit or roll back
 * together. `at` is the change's own time from the injected clock.
 */
export async function recordSettingsChanges(
  tx: Tx,
  ctx: ServiceContext,
  at: Date,
  changes: readonly SettingsChangeEntry[],
): Promise<void> {
  if (changes.length === 0) return;
  const { kind: actorKind, id } = ctx.viewer;
  await tx.insert(settingsAudit).values(
    changes.map((change) => ({
      ...change,
      actorKind: actorKind === 'user' || actorKind === 'client' ? actorKind : 'system',
      actorId: actorKind === 'user' || actorKind === 'client' ? id : null,
      at,
    })),
  );
}

export function recordSettingsChange(
  tx: Tx,
  ctx: ServiceContext,
  at: Date,
  change: SettingsChangeEntry,
): Promise<void> {
  return recordSettingsChanges(tx, ctx, at, [change]);
}
