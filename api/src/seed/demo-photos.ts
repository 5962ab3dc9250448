import { randomBytes } from 'node:crypto';
import { type TicketRow, ticketEvents } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { ServiceContext } from '../context.js';
import { addAttachment } from '../modules/attachments/add-attachment.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import { PostgresAttachmentStorage } from '../modules/attachments/attachment-storage.js';

/** One demo ticket in this many gets before/after photos at resolve (keeps the seed quick). */
export const PHOTO_EVERY = 40;

/**
 * A made-up site photo: a coloured picture with a caption, carrying a GPS position in its EXIF as a
 * phone's would (the copy integrations and the caller's side get has it stripped).
 */
export function demoPhoto(caption: string, ticketNumber: string, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="hsl(${hue}, 45%, 45%)"/>
    <rect x="40" y="380" width="720" height="180" rx="12" fill="rgba(0,0,0,0.35)"/>
    <circle cx="640" cy="150" r="70" fill="hsl(${(hue + 40) % 360}, 70%, 70%)"/>
    <text x="70" y="460" font-size="56" font-family="sans-serif" fill="#ffffff">${caption}</text>
    <text x="70" y="525" font-size="30" font-family="sans-serif" fill="#e0e0e0">${ticketNumber}</text>
  </svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Demo', Model: 'Hotline field phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 13/1 4800/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 3000/100',
      },
    })
    .toBuffer();
}

/** The handler's before/after photos of a resolved case, on its RESOLVED reply: PUBLIC, so the caller sees the result. */
export async function attachResolveEvidence(
  ctx: ServiceContext,
  settings: AttachmentSettings,
  ticket: TicketRow,
): Promise<void> {
  const [resolved] = await ctx.db
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.type, 'RESOLVED')))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  const eventId = resolved ? String(resolved.id) : null;
  for (const [caption, hue, name] of [
    ['处理前', 20, 'before'],
    ['处理后', 140, 'after'],
  ] as const) {
    await addAttachment(
      ctx,
      settings,
      {
        ticketId: ticket.id,
        fileName: `现场照片-${caption}-${name}.jpg`,
        declaredType: 'image/jpeg',
        visibility: 'PUBLIC',
        eventId,
      },
      await demoPhoto(`现场照片 · ${caption}`, ticket.number, hue),
    );
  }
}

/**
 * Attachment settings for the seed: the embedded storage and the default limits. It hands out no links,
 * so its link key is a throwaway.
 */
export function seedAttachmentSettings(db: Db): AttachmentSettings {
  return {
    storage: new PostgresAttachmentStorage(db),
    maxBytes: 20 * 1024 * 1024,
    ticketMaxBytes: 100 * 1024 * 1024,
    uploadTtlSeconds: 900,
    linkTtlSeconds: 300,
    linkKey: randomBytes(32),
  };
}
