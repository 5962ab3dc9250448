import { ManualClock } from '@hotline/api/services';
import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApiClient, ticketInput } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import { heicContainer, pdfDocument, photoWithGps, pngImage, wavRecording } from './attachment-files.js';

/**
 * Attachments (issue 12, item 1): photos, documents and recordings on a ticket, uploaded through a one-use
 * URL, type sniffed from the bytes, limits per file and per ticket, EXIF/GPS stripped from what integrations
 * get, downloads through short-lived signed links, access by ticket scope.
 */
const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
const MAX_BYTES = 200_000;
const TICKET_MAX_BYTES = 300_000;
const app = useHotline({
  clock,
  env: {
    ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    ATTACHMENT_TICKET_MAX_BYTES: String(TICKET_MAX_BYTES),
    ATTACHMENT_LINK_TTL_SECONDS: '300',
  },
});
let sql: postgres.Sql;
let departmentA: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let agent: { id: string; token: string };
let integrationA: { id: string; key: string };

const CREATE_UPLOAD = `mutation($input: CreateAttachmentUploadInput!) {
  createAttachmentUpload(input: $input) { attachmentId uploadUrl expiresAt maxBytes }
}`;
const ATTACHMENT_FIELDS = `id eventId visibility fileName contentType media bytes width height createdAt
  downloadUrl thumbnailUrl linksExpireAt`;
const TICKET_ATTACHMENTS = `query($id: ID!) { ticket(id: $id) { version allowedActions
  attachments { ${ATTACHMENT_FIELDS} }
  events { nodes { type note visibility } } } }`;

interface AttachmentView {
  id: string;
  eventId: string | null;
  visibility: string;
  fileName: string;
  contentType: string;
  media: string;
  bytes: number;
  width: number | null;
  height: number | null;
  downloadUrl: string | null;
  thumbnailUrl: string | null;
  linksExpireAt: string;
}
interface TicketAttachments {
  ticket: {
    version: number;
    allowedActions: string[];
    attachments: AttachmentView[];
    events: { nodes: { type: string; note: string | null; visibility: string | null }[] };
  } | null;
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  const departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  agent = await makeUser(app, 'AGENT');
  integrationA = await makeApiClient(app, { role: 'INTEGRATION', departmentId: departmentA });
});
afterAll(async () => {
  await sql?.end();
});

/** A ticket dispatched to department A. */
async function ticketOfA(): Promise<string> {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    { id: ticket.id, d: departmentA },
    app.adminToken,
  );
  return ticket.id;
}

function reserve(
  token: string,
  input: {
    ticketId: string;
    fileName?: string;
    declaredType?: string;
    size: number;
    visibility?: string;
    eventId?: string;
  },
) {
  return app.gql<{ createAttachmentUpload: { attachmentId: string; uploadUrl: string; maxBytes: number } }>(
    CREATE_UPLOAD,
    { input: { fileName: 'photo.jpg', declaredType: 'image/jpeg', visibility: 'PUBLIC', ...input } },
    token,
  );
}

function put(uploadUrl: string, body: Buffer) {
  return fetch(`${app.url}${uploadUrl}`, { method: 'PUT', body });
}

/** Reserves and uploads a file; returns the attachment id. */
async function upload(
  token: string,
  ticketId: string,
  body: Buffer,
  options: { fileName?: string; declaredType?: string; visibility?: string; eventId?: string } = {},
): Promise<string> {
  const reserved = await reserve(token, { ticketId, size: body.length, ...options });
  expect(reserved.errors).toBeUndefined();
  const answer = await put(reserved.data!.createAttachmentUpload.uploadUrl, body);
  expect(answer.status).toBe(201);
  clock.advance(1000); // files are listed in the order they arrived
  return reserved.data!.createAttachmentUpload.attachmentId;
}

async function attachmentsOf(ticketId: string, token: string) {
  return (await app.ok<TicketAttachments>(TICKET_ATTACHMENTS, { id: ticketId }, token)).ticket;
}

/** The extensions of the error an HTTP route answered. */
async function errorOf(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
  return body.errors[0]?.extensions ?? {};
}

async function download(url: string | null) {
  expect(url).toBeTruthy();
  return fetch(`${app.url}${url}`);
}

describe('upload', () => {
  it('stores a photo with a thumbnail, one ATTACHMENT_ADDED event and one version step', async () => {
    const ticketId = await ticketOfA();
    const before = await attachmentsOf(ticketId, agent.token);
    expect(before?.allowedActions).toContain('ADD_ATTACHMENT');
    const photo = await photoWithGps();
    const id = await upload(agent.token, ticketId, photo, { fileName: '现场照片.jpg' });

    const after = await attachmentsOf(ticketId, agent.token);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.attachments).toEqual([
      expect.objectContaining({
        id,
        fileName: '现场照片.jpg',
        contentType: 'image/jpeg',
        media: 'IMAGE',
        bytes: photo.length,
        width: 640,
        height: 480,
        visibility: 'PUBLIC',
      }),
    ]);
    expect(after?.events.nodes.at(-1)).toEqual({
      type: 'ATTACHMENT_ADDED',
      note: '现场照片.jpg',
      visibility: 'PUBLIC',
    });

    const thumbnail = await download(after!.attachments[0]!.thumbnailUrl);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    const size = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(Math.max(size.width ?? 0, size.height ?? 0)).toBe(320);
    expect(size.exif).toBeUndefined();
  });

  it('takes documents and recordings, sniffed from their bytes, without thumbnails', async () => {
    const ticketId = await ticketOfA();
    await upload(agent.token, ticketId, pdfDocument(), {
      fileName: '回复函.pdf',
      declaredType: 'application/pdf',
    });
    await upload(agent.token, ticketId, wavRecording(), {
      fileName: '通话录音.wav',
      declaredType: 'audio/x-wav',
    });
    const ticket = await attachmentsOf(ticketId, agent.token);
    expect(
      ticket?.attachments.map(({ media, contentType, thumbnailUrl }) => ({
        media,
        contentType,
        thumbnailUrl,
      })),
    ).toEqual([
      { media: 'DOCUMENT', contentType: 'application/pdf', thumbnailUrl: null },
      { media: 'AUDIO', contentType: 'audio/wav', thumbnailUrl: null },
    ]);
    const recording = await download(ticket!.attachments[1]!.downloadUrl);
    expect(recording.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await recording.arrayBuffer()).equals(wavRecording())).toBe(true);
  });

  it('spends the upload URL on first use', async () => {
    const ticketId = await ticketOfA();
    const body = await pngImage();
    const reserved = await reserve(agent.token, { ticketId, size: body.length, declaredType: 'image/png' });
    const url = reserved.data!.createAttachmentUpload.uploadUrl;
    expect((await put(url, body)).status).toBe(201);
    const again = await put(url, body);
    expect(again.status).toBe(404);
    expect((await attachmentsOf(ticketId, agent.token))?.attachments).toHaveLength(1);
  });

  it('refuses an upload URL past its expiry', async () => {
    const ticketId = await ticketOfA();
    const body = await pngImage();
    const reserved = await reserve(agent.token, { ticketId, size: body.length, declaredType: 'image/png' });
    clock.advance(901_000);
    const late = await put(reserved.data!.createAttachmentUpload.uploadUrl, body);
    expect(late.status).toBe(404);
    expect((await attachmentsOf(ticketId, agent.token))?.attachments).toEqual([]);
  });
});

describe('types and limits', () => {
  it('keeps a HEIC photo sharp cannot decode: no thumbnail, no copy without metadata, so staff only', async () => {
    const ticketId = await ticketOfA();
    const heic = heicContainer();
    const id = await upload(agent.token, ticketId, heic, {
      fileName: 'IMG_0001.HEIC',
      declaredType: 'image/heic',
      visibility: 'PUBLIC',
    });
    const staff = (await attachmentsOf(ticketId, agent.token))?.attachments.find((file) => file.id === id);
    expect(staff).toMatchObject({
      contentType: 'image/heic',
      media: 'IMAGE',
      width: null,
      thumbnailUrl: null,
    });
    const original = await download(staff!.downloadUrl);
    expect(Buffer.from(await original.arrayBuffer()).equals(heic)).toBe(true);
    const client = (await attachmentsOf(ticketId, integrationA.key))?.attachments.find(
      (file) => file.id === id,
    );
    expect(client).toMatchObject({ downloadUrl: null, thumbnailUrl: null });
  });

  it('refuses bytes of another type than declared, and bytes of no type taken', async () => {
    const ticketId = await ticketOfA();
    const jpeg = await photoWithGps(32, 32);
    const reserved = await reserve(agent.token, { ticketId, size: jpeg.length, declaredType: 'image/png' });
    const mismatch = await put(reserved.data!.createAttachmentUpload.uploadUrl, jpeg);
    expect(mismatch.status).toBe(400);
    expect(await errorOf(mismatch)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TYPE_MISMATCH',
      sniffedType: 'image/jpeg',
    });

    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const disguised = await reserve(agent.token, {
      ticketId,
      size: html.length,
      declaredType: 'application/pdf',
    });
    const unsupported = await put(disguised.data!.createAttachmentUpload.uploadUrl, html);
    expect(await errorOf(unsupported)).toMatchObject({ reason: 'UNSUPPORTED_TYPE' });

    const declared = await reserve(agent.token, { ticketId, size: 10, declaredType: 'text/html' });
    expect(declared.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNSUPPORTED_TYPE',
    });
    expect((await attachmentsOf(ticketId, agent.token))?.attachments).toEqual([]);
    const [left] = await sql`select count(*)::int as n from attachments where ticket_id = ${ticketId}`;
    expect(left?.n).toBe(0);
  });

  it('refuses a file over the size limit, an upload over its declared size, and a ticket over its quota', async () => {
    const ticketId = await ticketOfA();
    const tooLarge = await reserve(agent.token, { ticketId, size: MAX_BYTES + 1 });
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LARGE' });

    const photo = await photoWithGps();
    const understated = await reserve(agent.token, { ticketId, size: photo.length - 1 });
    const over = await put(understated.data!.createAttachmentUpload.uploadUrl, photo);
    expect(await errorOf(over)).toMatchObject({ reason: 'TOO_LARGE' });

    // Reservations count against the quota while their upload URL works.
    expect((await reserve(agent.token, { ticketId, size: MAX_BYTES })).errors).toBeUndefined();
    const quota = await reserve(agent.token, { ticketId, size: TICKET_MAX_BYTES - MAX_BYTES + 1 });
    expect(quota.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TICKET_QUOTA' });
  });
});

describe('scoping', () => {
  it("another department's handler can neither see, add nor fetch a ticket's files", async () => {
    const ticketId = await ticketOfA();
    const id = await upload(handlerA.token, ticketId, await photoWithGps(), { visibility: 'INTERNAL' });
    const seenByA = await attachmentsOf(ticketId, handlerA.token);
    expect(seenByA?.attachments.map((file) => file.id)).toEqual([id]);

    expect(await attachmentsOf(ticketId, handlerB.token)).toBeNull();
    const single = await app.ok<{ attachment: AttachmentView | null }>(
      `query($id: ID!) { attachment(id: $id) { ${ATTACHMENT_FIELDS} } }`,
      { id },
      handlerB.token,
    );
    expect(single.attachment).toBeNull();
    expect(codes(await reserve(handlerB.token, { ticketId, size: 100 }))).toEqual(['NOT_FOUND']);
    // Without a link there is nothing to fetch: guessing one fails like a tampered one.
    const guessed = await fetch(`${app.url}/attachments/${id}/original?expires=9999999999&signature=x`);
    expect(guessed.status).toBe(404);
  });

  it('a tampered link fails, and so does a link moved onto another file or variant', async () => {
    const ticketId = await ticketOfA();
    const first = await upload(agent.token, ticketId, await photoWithGps());
    const second = await upload(agent.token, ticketId, await pngImage(), { declaredType: 'image/png' });
    const [one] = (await attachmentsOf(ticketId, agent.token))!.attachments;
    expect(one?.id).toBe(first);
    const link = one!.downloadUrl!;
    expect((await fetch(`${app.url}${link}`)).status).toBe(200);
    const signature = new URL(link, app.url).searchParams.get('signature')!;
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect((await fetch(`${app.url}${link.replace(signature, flipped)}`)).status).toBe(404);
    expect((await fetch(`${app.url}${link.replace(first, second)}`)).status).toBe(404);
    expect((await fetch(`${app.url}${link.replace('/original?', '/thumbnail?')}`)).status).toBe(404);
    const later = link.replace(/expires=(\d+)/, (_match, expires) => `expires=${Number(expires) + 3600}`);
    expect((await fetch(`${app.url}${later}`)).status).toBe(404);
  });

  it('a link stops working once expired', async () => {
    const ticketId = await ticketOfA();
    await upload(agent.token, ticketId, await pngImage(), { declaredType: 'image/png' });
    const [file] = (await attachmentsOf(ticketId, agent.token))!.attachments;
    expect(new Date(file!.linksExpireAt).getTime() - clock.now().getTime()).toBe(300_000);
    expect((await fetch(`${app.url}${file!.downloadUrl}`)).status).toBe(200);
    clock.advance(301_000);
    expect((await fetch(`${app.url}${file!.downloadUrl}`)).status).toBe(404);
    expect((await fetch(`${app.url}${file!.thumbnailUrl}`)).status).toBe(404);
  });
});

describe('INTERNAL stays internal; integrations get files without EXIF/GPS', () => {
  it('an integration sees PUBLIC files only, and only their copy without metadata', async () => {
    const created = await app.ok<{ createTicket: { id: string } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      { input: ticketInput({ autoDispatch: false }) },
      integrationA.key,
    );
    const ticketId = created.createTicket.id;
    const internal = await upload(agent.token, ticketId, await photoWithGps(), { visibility: 'INTERNAL' });
    const visible = await upload(agent.token, ticketId, await photoWithGps(), { visibility: 'PUBLIC' });

    const staff = await attachmentsOf(ticketId, agent.token);
    expect(staff?.attachments.map((file) => file.id)).toEqual([internal, visible]);
    const original = await download(staff!.attachments[1]!.downloadUrl);
    expect(
      (await sharp(Buffer.from(await original.arrayBuffer())).metadata()).exif?.includes('TestCam'),
    ).toBe(true);

    const seen = await attachmentsOf(ticketId, integrationA.key);
    expect(seen?.attachments.map((file) => file.id)).toEqual([visible]);
    expect(seen?.events.nodes.filter((event) => event.type === 'ATTACHMENT_ADDED')).toHaveLength(1);
    expect(seen!.attachments[0]!.downloadUrl).toContain('/public?');
    const stripped = await download(seen!.attachments[0]!.downloadUrl);
    expect(stripped.status).toBe(200);
    const metadata = await sharp(Buffer.from(await stripped.arrayBuffer())).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.width).toBe(640);

    const single = await app.ok<{ attachment: AttachmentView | null }>(
      'query($id: ID!) { attachment(id: $id) { id } }',
      { id: internal },
      integrationA.key,
    );
    expect(single.attachment).toBeNull();
    expect(codes(await reserve(integrationA.key, { ticketId, size: 100, visibility: 'INTERNAL' }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await reserve(integrationA.key, { ticketId, size: 100, visibility: 'PUBLIC' })).errors,
    ).toBeUndefined();
  });

  it('a PUBLIC file leaves as a webhook with its metadata, never its bytes; an INTERNAL one not at all', async () => {
    const ticketId = await ticketOfA();
    const internal = await upload(agent.token, ticketId, await photoWithGps(), {
      visibility: 'INTERNAL',
      fileName: '内部.jpg',
    });
    const visible = await upload(agent.token, ticketId, await photoWithGps(), {
      visibility: 'PUBLIC',
      fileName: '公开.jpg',
    });
    const rows = await sql<{ type: string; payload: Record<string, any> }[]>`
      select o.type, o.payload from outbox o join ticket_events e on e.id = o.event_id
      where o.ticket_id = ${ticketId} and e.type = 'ATTACHMENT_ADDED'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.type).toBe('ticket.attachment_added');
    expect(rows[0]?.payload.attachment).toEqual({
      id: visible,
      fileName: '公开.jpg',
      contentType: 'image/jpeg',
      bytes: expect.any(Number),
      visibility: 'PUBLIC',
      eventId: null,
    });
    const body = JSON.stringify(rows);
    expect(body).not.toContain(internal);
    expect(body).not.toContain('signature');
    expect(body.length).toBeLessThan(1000);
  });
});

describe('evidence on an event', () => {
  it("a file may document one of the ticket events, never another ticket's", async () => {
    const ticketId = await ticketOfA();
    const [event] = await sql<
      { id: string }[]
    >`select id::text from ticket_events where ticket_id = ${ticketId} and type = 'DISPATCHED'`;
    await upload(handlerA.token, ticketId, await pngImage(), {
      declaredType: 'image/png',
      eventId: event!.id,
    });
    expect((await attachmentsOf(ticketId, agent.token))?.attachments[0]?.eventId).toBe(event!.id);
    const other = await ticketOfA();
    const foreign = await reserve(agent.token, { ticketId: other, size: 100, eventId: event!.id });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
  });
});

describe("the caller's side: Open311", () => {
  it('media_url is a signed link to the latest PUBLIC photo without EXIF/GPS; an INTERNAL photo never shows', async () => {
    const created = await app.ok<{ createTicket: { id: string; number: string } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number } }',
      { input: ticketInput({ autoDispatch: false }) },
      integrationA.key,
    );
    const { id: ticketId, number } = created.createTicket;
    const request = async () => {
      const response = await fetch(
        `${app.url}/open311/v2/requests/${number}.json?api_key=${integrationA.key}`,
      );
      expect(response.status).toBe(200);
      const [found] = (await response.json()) as { media_url: string | null }[];
      return found!.media_url;
    };
    await upload(agent.token, ticketId, await photoWithGps(), { visibility: 'INTERNAL' });
    expect(await request()).toBeNull();

    await upload(agent.token, ticketId, await photoWithGps(320, 240), { visibility: 'PUBLIC' });
    const media = await request();
    expect(media).toMatch(
      new RegExp(`^${app.url}/attachments/[0-9a-f-]{36}/public\\?expires=\\d+&signature=`),
    );
    const photo = await fetch(media!);
    expect(photo.status).toBe(200);
    const metadata = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect({ width: metadata.width, exif: metadata.exif }).toEqual({ width: 320, exif: undefined });
  });
});
