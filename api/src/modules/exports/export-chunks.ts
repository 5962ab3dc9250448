import { exportChunks } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq } from 'drizzle-orm';

/** Bytes per stored chunk: few rows per file, each small enough to hold in memory while serving. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Collects a file's bytes and stores them as `export_chunks` rows of about CHUNK_BYTES, so any API
 * process can serve the file whichever machine wrote it.
 */
export class ChunkStore {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  bytes = 0;

  constructor(
    private readonly db: Tx,
    private readonly exportId: string,
  ) {}

  async write(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.bytes += data.length;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush(this.db);
  }

  /** Stores what is left (in the transaction that marks the export done). */
  async flush(tx: Tx): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await tx.insert(exportChunks).values({ exportId: this.exportId, seq: this.seq++, data });
  }
}

/** A file's chunks one at a time, in order (one chunk in memory at once). */
export async function* readChunks(db: Tx, exportId: string): AsyncIterable<Buffer> {
  for (let seq = 0; ; seq++) {
    const [row] = await db
      .select({ data: exportChunks.data })
      .from(exportChunks)
      .where(and(eq(exportChunks.exportId, exportId), eq(exportChunks.seq, seq)));
    if (!row) return;
    yield Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data as Uint8Array);
  }
}
