import { ManualClock, PostgresAttachmentStorage, purgeExpiredUploads } from '@hotline/api/services';
import { type Database, openDatabase } from '@hotline/schema/client';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { pdfDocument } from './attachment-files.js';

/**
 * Expired upload reservations (issue 12, item 1): a reservation whose upload URL expired unused, and an
 * upload that died half-stored, are removed with their stored pieces by the workers' scheduled job, in
 * bounded batches; READY files and reservations still running are left alone.
 */
const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
const TTL_SECONDS = 60;
const app = useHotline({
  role: 'all',
  clock,
  env: { ATTACHMENT_CLEANUP_MS: '200', ATTACHMENT_UPLOAD_TTL_SECONDS: String(TTL_SECONDS) },
});
let sql: postgres.Sql;
let database: Database;

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  database = await openDatabase({ url: app.databaseUrl, max: 1 });
});
afterAll(async () => {
  await sql?.end();
  await database?.close();
});

async function reserve(ticketId: string, size = pdfDocument().length) {
  const data = await app.ok<{ createAttachmentUpload: { attachmentId: string; uploadUrl: string } }>(
    `mutation($input: CreateAttachmentUploadInput!) {
      createAttachmentUpload(input: $input) { attachmentId uploadUrl } }`,
    {
      input: {
        ticketId,
        fileName: '回复函.pdf',
        declaredType: 'application/pdf',
        size,
        visibility: 'PUBLIC',
      },
    },
    app.adminToken,
  );
  return data.createAttachmentUpload;
}

async function rowsOf(ids: string[]) {
  const found = await sql<{ id: string; status: string }[]>`
    select id::text, status from attachments where id = any(${ids}::uuid[])`;
  const blobs = await sql<{ key: string }[]>`
    select key from attachment_blobs where split_part(key, '/', 1) = any(${ids})`;
  return {
    attachments: Object.fromEntries(found.map((row) => [row.id, row.status])),
    blobKeys: blobs.map((row) => row.key).sort(),
  };
}

describe('purgeExpiredUploads', () => {
  it('removes expired reservations a bounded batch at a time', async () => {
    const ticket = await makeTicket(app);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await reserve(ticket.id)).attachmentId);
    const storage = new PostgresAttachmentStorage(database.db);
    // Judged an hour on, while the server's own clock (and its worker) still sees them running.
    const later = new Date(clock.now().getTime() + 3600_000);

    expect(await purgeExpiredUploads(database.db, storage, later, { batch: 2, maxBatches: 1 })).toBe(2);
    expect(Object.keys((await rowsOf(ids)).attachments)).toHaveLength(1);
    expect(await purgeExpiredUploads(database.db, storage, later, { batch: 2, maxBatches: 1 })).toBe(1);
    expect(await purgeExpiredUploads(database.db, storage, later)).toBe(0);
    expect((await rowsOf(ids)).attachments).toEqual({});
  });
});

describe('the scheduled cleanup job', () => {
  it('removes an unused expired reservation and a half-stored upload, keeps READY files and running reservations', async () => {
    const ticket = await makeTicket(app);
    const unused = await reserve(ticket.id);
    const stored = await reserve(ticket.id);
    const sent = await fetch(`${app.url}${stored.uploadUrl}`, { method: 'PUT', body: pdfDocument() });
    expect(sent.status).toBe(201);
    // A process that died while storing: its token spent, a piece stored, never READY.
    const halfStored = await reserve(ticket.id);
    await sql`update attachments set upload_token_hash = null where id = ${halfStored.attachmentId}`;
    await sql`insert into attachment_blobs (key, seq, data)
      values (${`${halfStored.attachmentId}/original`}, 0, ${Buffer.from('%PDF-1.4 half')})`;

    // Past the upload URLs' lifetime and the grace for uploads still being stored.
    clock.advance(TTL_SECONDS * 1000 + 10 * 60_000 + 1000);
    const running = await reserve(ticket.id);
    const ids = [unused.attachmentId, stored.attachmentId, halfStored.attachmentId, running.attachmentId];

    await expect
      .poll(async () => (await rowsOf(ids)).attachments, { timeout: 10_000, interval: 100 })
      .toEqual({ [stored.attachmentId]: 'READY', [running.attachmentId]: 'PENDING' });
    expect((await rowsOf(ids)).blobKeys).toEqual([`${stored.attachmentId}/original`]);
    // The file that arrived is still served.
    const { attachment } = await app.ok<{ attachment: { downloadUrl: string } }>(
      'query($id: ID!) { attachment(id: $id) { downloadUrl } }',
      { id: stored.attachmentId },
      app.adminToken,
    );
    expect((await fetch(`${app.url}${attachment.downloadUrl}`)).status).toBe(200);
  });
});
