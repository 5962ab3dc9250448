import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { AttachmentStorage } from './attachment-storage.js';

/** Bytes read at a time when serving: as the PostgreSQL storage's rows. */
const READ_CHUNK = 1 << 20;

/**
 * Attachment files on the local disk under a folder (DATA_DIR/attachments), one file per key
 * (`<attachment id>/<variant>`). For a single machine, or several API processes sharing one volume.
 */
export class FileAttachmentStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, then renamed over: a reader sees the old bytes or the new, never half of them.
    const partial = `${path}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, data);
    await rename(partial, path);
  }

  async get(key: string): Promise<AsyncIterable<Buffer> | null> {
    const path = this.pathOf(key);
    try {
      if (!(await stat(path)).isFile()) return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return createReadStream(path, { highWaterMark: READ_CHUNK });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const cut = prefix.lastIndexOf('/') + 1;
    const folder = cut > 0 ? this.pathOf(prefix.slice(0, cut - 1)) : this.root;
    const start = prefix.slice(cut);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const doomed = names.filter((name) => name.startsWith(start));
    await Promise.all(doomed.map((name) => rm(join(folder, name), { recursive: true, force: true })));
    // An attachment's folder goes with its last file.
    if (cut > 0 && doomed.length === names.length) await rmdir(folder).catch(() => {});
  }

  /** The file of a key, refusing any key that would leave the root (`..`, absolute paths). */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (key.includes('\\') || !path.startsWith(this.root + sep)) {
      throw new Error(`attachment key outside the storage folder: ${JSON.stringify(key)}`);
    }
    return path;
  }
}
