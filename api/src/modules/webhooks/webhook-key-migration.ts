import { webhooks } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import {
  encryptSecret,
  legacySecretKey,
  openSecret,
  resolveSecretKey,
  type SecretKeySource,
} from './webhook-secrets.js';

/**
 * Moves webhook secrets that the current key cannot open but the key earlier versions derived from
 * JWT_SECRET can onto the current key. Runs at every start, so an upgrade needs no manual step (keep
 * JWT_SECRET unchanged for that first start); afterwards JWT_SECRET may rotate freely. A few rows at
 * most (MAX_WEBHOOKS); the update only replaces the value it read, so concurrent starts agree.
 */
export async function reencryptLegacySecrets(db: Db, source: SecretKeySource, log: Logger): Promise<void> {
  const key = await resolveSecretKey(source);
  const legacy = legacySecretKey(source);
  const rows = await db.select({ id: webhooks.id, stored: webhooks.secretEncrypted }).from(webhooks);
  let moved = 0;
  let unreadable = 0;
  for (const row of rows) {
    if (openSecret(key, row.stored) !== null) continue;
    const plain = legacy && openSecret(legacy, row.stored);
    if (!plain) {
      unreadable++;
      continue;
    }
    await db
      .update(webhooks)
      .set({ secretEncrypted: encryptSecret(key, plain) })
      .where(and(eq(webhooks.id, row.id), eq(webhooks.secretEncrypted, row.stored)));
    moved++;
  }
  if (moved > 0)
    log.info({ webhooks: moved }, 'webhook secrets re-encrypted from the JWT_SECRET-derived key');
  if (unreadable > 0) {
    log.warn(
      { webhooks: unreadable },
      'webhook secrets ENCRYPTION_KEY cannot decrypt: their deliveries fail until the key is restored or the webhooks are recreated',
    );
  }
}
