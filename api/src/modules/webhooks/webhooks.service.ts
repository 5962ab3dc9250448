import { webhookDeliveries, webhooks } from '@hotline/schema';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { encodeCursor, isCursorTime, type Page, pageSize, readCursor } from '../../cursor.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';
import { webhookSnapshot } from '../settings-audit/settings-snapshots.js';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.js';
import { encryptSecret, generateWebhookSecret } from './webhook-secrets.js';
import { checkWebhookUrl } from './webhook-url.js';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Server settings the webhook services need. */
export interface WebhookSettings {
  /** Encrypts secrets at rest (AES-256-GCM). */
  secretKey: Buffer;
  /** Refuse URLs resolving to loopback, private or link-local addresses (production, unless allowed). */
  refusePrivate: boolean;
}

export interface WebhookInput {
  url: string;
  events: string[];
}

const MAX_WEBHOOKS = 100;

function checkEvents(events: readonly string[]): string[] {
  const unique = [...new Set(events.map((event) => event.trim()))];
  if (unique.length === 0) throw badInput('events must name at least one event type, or "*"', 'events');
  const unknown = unique.filter((event) => event !== '*' && !WEBHOOK_EVENT_TYPES.includes(event));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown event types: ${unknown.join(', ')}; use ${WEBHOOK_EVENT_TYPES.join(', ')} or "*"`,
      'events',
    );
  }
  return unique.includes('*') ? ['*'] : unique;
}

/** Registers a webhook; the signing secret is returned once and stored only encrypted. */
export async function createWebhook(
  ctx: ServiceContext,
  settings: WebhookSettings,
  input: WebhookInput,
): Promise<{ webhook: WebhookRow; secret: string }> {
  requireRole(ctx.viewer, ['ADMIN']);
  const url = await checkWebhookUrl(input.url, { refusePrivate: settings.refusePrivate });
  const events = checkEvents(input.events);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(webhooks);
  if ((count?.n ?? 0) >= MAX_WEBHOOKS) throw badInput(`At most ${MAX_WEBHOOKS} webhooks`);
  const secret = generateWebhookSecret();
  const webhook = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(webhooks)
      .values({
        url,
        events,
        secretEncrypted: encryptSecret(settings.secretKey, secret),
        createdById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('webhook insert returned nothing');
    await recordSettingsChange(tx, ctx, now, {
      kind: 'WEBHOOK',
      entityId: row.id,
      action: 'CREATED',
      before: null,
      after: webhookSnapshot(row),
    });
    return row;
  });
  return { webhook, secret };
}

/** Deletes a webhook with its delivery log; pending deliveries are dropped. */
export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<string> {
  requireRole(ctx.viewer, ['ADMIN']);
  if (!isUuid(id)) throw notFound('Webhook');
  return ctx.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning();
    if (!deleted) throw notFound('Webhook');
    await recordSettingsChange(tx, ctx, ctx.clock.now(), {
      kind: 'WEBHOOK',
      entityId: id,
      action: 'DELETED',
      before: webhookSnapshot(deleted),
      after: null,
    });
    return id;
  });
}

export async function listWebhooks(ctx: ServiceContext): Promise<WebhookRow[]> {
  requireRole(ctx.viewer, ['ADMIN']);
  return ctx.db.select().from(webhooks).orderBy(webhooks.createdAt, webhooks.id);
}

type DeliveryKey = [string, string];

function isDeliveryKey(key: unknown): key is DeliveryKey {
  return (
    Array.isArray(key) &&
    key.length === 2 &&
    isCursorTime(key[0]) &&
    typeof key[1] === 'string' &&
    isUuid(key[1])
  );
}

/** A webhook's delivery log, newest first. */
export async function listDeliveries(
  ctx: ServiceContext,
  webhookId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<WebhookDeliveryRow>> {
  requireRole(ctx.viewer, ['ADMIN']);
  const first = pageSize(args.first);
  const key = args.after ? readCursor(args.after, isDeliveryKey) : null;
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        key
          ? or(
              lt(webhookDeliveries.createdAt, new Date(key[0])),
              and(eq(webhookDeliveries.createdAt, new Date(key[0])), lt(webhookDeliveries.id, key[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(first + 1);
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: key !== null,
    cursorOf: (row) => encodeCursor([row.createdAt.toISOString(), row.id] satisfies DeliveryKey),
  };
}
