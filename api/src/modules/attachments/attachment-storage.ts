import { attachmentBlobs } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, eq, like } from 'drizzle-orm';

/**
 * Where attachment files live, by key (`<attachment id>/<variant>`). The embedded default keeps them in
 * PostgreSQL; `S3AttachmentStorage` keeps them in an S3-compatible bucket (ATTACHMENT_STORAGE).
 */
export interface AttachmentStorage {
  /** Stores the bytes under the key, replacing what was there. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes in order, a piece at a time; null when nothing is stored under the key. */
  get(key: string): Promise<AsyncIterable<Buffer> | null>;
  /** Removes every object whose key starts with the prefix (an attachment's variants). */
  deletePrefix(prefix: string): Promise<void>;
  /** Lets go of connections of its own (process shutdown); the PostgreSQL one has none. */
  close?(): void;
}

/** Bytes per stored row: few rows per file, each small enough to hold in memory while serving. */
const CHUNK_BYTES = 1 << 20;

/** The embedded storage: `attachment_blobs` rows of up to 1 MiB, so `pnpm start` needs no other service. */
export class PostgresAttachmentStorage implements AttachmentStorage {
  constructor(private readonly db: Db) {}

  async put(key: string, data: Buffer): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(attachmentBlobs).where(eq(attachmentBlobs.key, key));
      for (let seq = 0, offset = 0; offset < data.length || seq === 0; seq++, offset += CHUNK_BYTES) {
        await tx
          .insert(attachmentBlobs)
          .values({ key, seq, data: data.subarray(offset, offset + CHUNK_BYTES) });
      }
    });
  }

  async get(key: string): Promise<AsyncIterable<Buffer> | null> {
    const first = await this.chunk(key, 0);
    if (!first) return null;
    const chunk = (seq: number) => this.chunk(key, seq);
    return (async function* () {
      yield first;
      for (let seq = 1; ; seq++) {
        const next = await chunk(seq);
        if (!next) return;
        yield next;
      }
    })();
  }

  async deletePrefix(prefix: string): Promise<void> {
    await this.db.delete(attachmentBlobs).where(like(attachmentBlobs.key, `${escapeLike(prefix)}%`));
  }

  private async chunk(key: string, seq: number): Promise<Buffer | null> {
    const [row] = await this.db
      .select({ data: attachmentBlobs.data })
      .from(attachmentBlobs)
      .where(and(eq(attachmentBlobs.key, key), eq(attachmentBlobs.seq, seq)));
    if (!row) return null;
    return Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data as Uint8Array);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
