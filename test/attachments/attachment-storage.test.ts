import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttachmentStorage, loadConfig, openAttachmentStorage } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { photoWithGps } from './attachment-files.js';

/**
 * The storage adapters behind attachments, one contract for both: the embedded PostgreSQL one and the
 * S3 one against a real S3-compatible server (s3rver over HTTP), each opened from its configuration;
 * then a server configured with ATTACHMENT_STORAGE=s3 taking and serving a photo.
 */
let s3: TestS3Server;
let closeDatabase: () => Promise<void>;
let dataDir: string;
const storages: Record<string, AttachmentStorage> = {};

beforeAll(async () => {
  s3 = await startS3Server();
});
const app = useHotline(() => ({ env: s3.env }));

beforeAll(async () => {
  const database = await openDatabase({ url: app.databaseUrl, max: 2 });
  closeDatabase = database.close;
  storages.postgres = await openAttachmentStorage(loadConfig({}), database.db);
  storages.s3 = await openAttachmentStorage(loadConfig(s3.env), database.db);
  dataDir = await mkdtemp(join(tmpdir(), 'hotline-files-'));
  storages.filesystem = await openAttachmentStorage(
    loadConfig({ ATTACHMENT_STORAGE: 'filesystem', DATA_DIR: dataDir }),
    database.db,
  );
});
afterAll(async () => {
  storages.s3?.close?.();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await s3?.stop();
  await closeDatabase?.();
});

async function read(
  storage: AttachmentStorage,
  key: string,
): Promise<{ bytes: Buffer; pieces: number } | null> {
  const body = await storage.get(key);
  if (!body) return null;
  const pieces: Buffer[] = [];
  for await (const piece of body) pieces.push(Buffer.from(piece));
  return { bytes: Buffer.concat(pieces), pieces: pieces.length };
}

/** Bytes that differ along the file, so a piece out of order or lost shows. */
function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed + (i >> 12)) & 0xff;
  return bytes;
}

const ADAPTERS: Record<string, string> = {
  postgres: 'PostgresAttachmentStorage',
  s3: 'S3AttachmentStorage',
  filesystem: 'FileAttachmentStorage',
};

describe.each(Object.keys(ADAPTERS))('%s attachment storage', (name) => {
  const storage = () => storages[name] as AttachmentStorage;
  const id = `${name}-0b7f`;

  it('opens the adapter its configuration names', () => {
    expect(storage().constructor.name).toBe(ADAPTERS[name]);
  });

  it('gives back what was put, a large file in several pieces, in order', async () => {
    const small = Buffer.from('现场照片');
    const large = pattern(2_500_000, 7);
    await storage().put(`${id}/original`, large);
    await storage().put(`${id}/thumbnail`, small);

    const got = await read(storage(), `${id}/original`);
    expect(got?.bytes.equals(large)).toBe(true);
    expect(got?.pieces).toBeGreaterThan(1);
    expect((await read(storage(), `${id}/thumbnail`))?.bytes.toString()).toBe('现场照片');
  });

  it('replaces what was under a key', async () => {
    await storage().put(`${id}/public`, pattern(1_500_000, 1));
    await storage().put(`${id}/public`, Buffer.from('shorter'));
    expect((await read(storage(), `${id}/public`))?.bytes.toString()).toBe('shorter');
  });

  it('answers null for a key with nothing under it', async () => {
    expect(await storage().get(`${id}-missing/original`)).toBeNull();
  });

  it('deletes every object under a prefix and nothing else', async () => {
    const other = `${id}0/original`; // shares the text of the prefix without its slash
    await storage().put(other, Buffer.from('kept'));
    await storage().deletePrefix(`${id}/`);
    for (const variant of ['original', 'public', 'thumbnail']) {
      expect(await storage().get(`${id}/${variant}`)).toBeNull();
    }
    expect((await read(storage(), other))?.bytes.toString()).toBe('kept');
    await storage().deletePrefix(`${id}-nothing-here/`);
  });
});

describe('a server with ATTACHMENT_STORAGE=s3', () => {
  it('keeps uploads in the bucket, none in PostgreSQL, and serves them through its signed links', async () => {
    const ticket = await makeTicket(app);
    const photo = await photoWithGps();
    const reserved = await app.ok<{ createAttachmentUpload: { attachmentId: string; uploadUrl: string } }>(
      `mutation($input: CreateAttachmentUploadInput!) {
        createAttachmentUpload(input: $input) { attachmentId uploadUrl } }`,
      {
        input: {
          ticketId: ticket.id,
          fileName: 'site.jpg',
          declaredType: 'image/jpeg',
          size: photo.length,
          visibility: 'PUBLIC',
        },
      },
      app.adminToken,
    );
    const { attachmentId, uploadUrl } = reserved.createAttachmentUpload;
    expect((await fetch(`${app.url}${uploadUrl}`, { method: 'PUT', body: photo })).status).toBe(201);

    const { attachment } = await app.ok<{
      attachment: { downloadUrl: string; thumbnailUrl: string };
    }>(
      'query($id: ID!) { attachment(id: $id) { downloadUrl thumbnailUrl } }',
      { id: attachmentId },
      app.adminToken,
    );
    const original = await fetch(`${app.url}${attachment.downloadUrl}`);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(photo)).toBe(true);
    const thumbnail = await fetch(`${app.url}${attachment.thumbnailUrl}`);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(320);

    for (const variant of ['original', 'public', 'thumbnail']) {
      expect(await read(storages.s3 as AttachmentStorage, `${attachmentId}/${variant}`)).not.toBeNull();
    }
    const sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [blobs] =
        await sql`select count(*)::int as n from attachment_blobs where key like ${`${attachmentId}/%`}`;
      expect(blobs?.n).toBe(0);
    } finally {
      await sql.end();
    }
  });
});

describe('filesystem attachment storage', () => {
  it('keeps files under DATA_DIR/attachments, leaves no empty folder behind, refuses keys that leave it', async () => {
    const storage = storages.filesystem as AttachmentStorage;
    await storage.put('5d1e/original', Buffer.from('a'));
    expect(await readdir(join(dataDir, 'attachments', '5d1e'))).toEqual(['original']);
    await storage.deletePrefix('5d1e/');
    expect(await readdir(join(dataDir, 'attachments'))).not.toContain('5d1e');
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/outside the storage folder/);
    await expect(storage.get('5d1e/../../../etc/passwd')).rejects.toThrow(/outside the storage folder/);
  });
});

describe('configuration', () => {
  it('refuses s3 storage without a bucket, or with half a key pair, naming the variable', () => {
    expect(() => loadConfig({ ATTACHMENT_STORAGE: 's3' })).toThrow(
      /S3_BUCKET: required when ATTACHMENT_STORAGE=s3/,
    );
    expect(() => loadConfig({ ...s3.env, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ATTACHMENT_STORAGE: 'disk' })).toThrow(/ATTACHMENT_STORAGE/);
  });
});
