import { ManualClock } from '@hotline/api/services';
import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postStatus, registerCall } from '../citizen/citizen-support.js';
import { makeApiClient } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { photoWithGps, pngImage } from './attachment-files.js';

/**
 * Evidence at resolve (issue 12, item 1): files uploaded to a ticket beforehand are put on the action
 * that they document (resolveTicket, addNote with attachmentIds), listed on its event and in its webhook;
 * a file of another ticket, or one already on an event, is refused and nothing changes. The citizen
 * status page shows the PUBLIC photos, never INTERNAL ones.
 */
const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
const app = useHotline({ clock });
let sql: postgres.Sql;
let departmentA: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let integrationA: { id: string; key: string };

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  const departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  integrationA = await makeApiClient(app, { role: 'INTEGRATION', departmentId: departmentA });
});
afterAll(async () => {
  await sql?.end();
});

/** A ticket dispatched to a department and accepted by its handler: IN_PROGRESS. */
async function ticketInProgress(departmentId: string, handlerToken: string): Promise<string> {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    { id: ticket.id, d: departmentId },
    app.adminToken,
  );
  await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, handlerToken);
  return ticket.id;
}

async function upload(
  token: string,
  ticketId: string,
  body: Buffer,
  options: { fileName: string; visibility?: string; declaredType?: string },
): Promise<string> {
  const reserved = await app.ok<{ createAttachmentUpload: { attachmentId: string; uploadUrl: string } }>(
    `mutation($input: CreateAttachmentUploadInput!) {
      createAttachmentUpload(input: $input) { attachmentId uploadUrl } }`,
    {
      input: {
        ticketId,
        fileName: options.fileName,
        declaredType: options.declaredType ?? 'image/jpeg',
        size: body.length,
        visibility: options.visibility ?? 'PUBLIC',
      },
    },
    token,
  );
  const answer = await fetch(`${app.url}${reserved.createAttachmentUpload.uploadUrl}`, {
    method: 'PUT',
    body,
  });
  expect(answer.status).toBe(201);
  const { ticketVersion } = (await answer.json()) as { ticketVersion: number };
  const [ticket] = await sql<{ version: number }[]>`select version from tickets where id = ${ticketId}`;
  expect(ticketVersion).toBe(ticket?.version);
  clock.advance(1000);
  return reserved.createAttachmentUpload.attachmentId;
}

const RESOLVE = `mutation($id: ID!, $reply: String!, $files: [ID!]) {
  resolveTicket(id: $id, reply: $reply, attachmentIds: $files) { status version } }`;
const EVENTS = `query($id: ID!) { ticket(id: $id) { status version
  events { nodes { id type attachments { id fileName visibility eventId thumbnailUrl downloadUrl } } } } }`;

interface EventsView {
  ticket: {
    status: string;
    version: number;
    events: {
      nodes: {
        id: string;
        type: string;
        attachments: {
          id: string;
          fileName: string;
          visibility: string;
          eventId: string | null;
          thumbnailUrl: string | null;
          downloadUrl: string | null;
        }[];
      }[];
    };
  } | null;
}

async function eventsOf(ticketId: string, token: string) {
  return (await app.ok<EventsView>(EVENTS, { id: ticketId }, token)).ticket;
}

describe('resolveTicket with attachmentIds', () => {
  let ticketId: string;
  let before: string;
  let after: string;
  let internal: string;

  beforeAll(async () => {
    ticketId = await ticketInProgress(departmentA, handlerA.token);
    before = await upload(handlerA.token, ticketId, await photoWithGps(), { fileName: '处理前.jpg' });
    after = await upload(handlerA.token, ticketId, await photoWithGps(320, 240), { fileName: '处理后.jpg' });
    internal = await upload(handlerA.token, ticketId, await pngImage(), {
      fileName: '内部记录.png',
      declaredType: 'image/png',
      visibility: 'INTERNAL',
    });
    const resolved = await app.ok<{ resolveTicket: { status: string } }>(
      RESOLVE,
      { id: ticketId, reply: '路灯已修复', files: [before, after, internal] },
      handlerA.token,
    );
    expect(resolved.resolveTicket.status).toBe('RESOLVED');
  });

  it('the RESOLVED event lists the files, with links, and each file names that event', async () => {
    const ticket = await eventsOf(ticketId, handlerA.token);
    const resolvedEvent = ticket?.events.nodes.find((event) => event.type === 'RESOLVED');
    expect(resolvedEvent?.attachments.map((file) => file.fileName)).toEqual([
      '处理前.jpg',
      '处理后.jpg',
      '内部记录.png',
    ]);
    expect(resolvedEvent?.attachments.every((file) => file.eventId === resolvedEvent.id)).toBe(true);
    const thumbnail = await fetch(`${app.url}${resolvedEvent?.attachments[0]?.thumbnailUrl}`);
    expect(thumbnail.status).toBe(200);
    // The uploads themselves stay on their ATTACHMENT_ADDED events' side: those carry no files.
    const added = ticket?.events.nodes.filter((event) => event.type === 'ATTACHMENT_ADDED') ?? [];
    expect(added).toHaveLength(3);
    expect(added.every((event) => event.attachments.length === 0)).toBe(true);
  });

  it("the ticket.resolved webhook carries the PUBLIC files' metadata, never the INTERNAL one", async () => {
    const [row] = await sql<{ payload: Record<string, any> }[]>`
      select o.payload from outbox o join ticket_events e on e.id = o.event_id
      where o.ticket_id = ${ticketId} and e.type = 'RESOLVED'`;
    expect(row?.payload.attachments).toEqual([
      {
        id: before,
        fileName: '处理前.jpg',
        contentType: 'image/jpeg',
        bytes: expect.any(Number),
        visibility: 'PUBLIC',
      },
      {
        id: after,
        fileName: '处理后.jpg',
        contentType: 'image/jpeg',
        bytes: expect.any(Number),
        visibility: 'PUBLIC',
      },
    ]);
    expect(JSON.stringify(row)).not.toContain(internal);
  });

  it('an integration sees the PUBLIC files on the event; another department sees no ticket', async () => {
    const seen = await eventsOf(ticketId, integrationA.key);
    const resolvedEvent = seen?.events.nodes.find((event) => event.type === 'RESOLVED');
    expect(resolvedEvent?.attachments.map((file) => file.id)).toEqual([before, after]);
    expect(resolvedEvent?.attachments[0]?.downloadUrl).toContain('/public?');
    expect(await eventsOf(ticketId, handlerB.token)).toBeNull();
  });

  it('refuses a file of another ticket, one already on an event, or one that does not exist, and changes nothing', async () => {
    const mine = await ticketInProgress(departmentA, handlerA.token);
    const theirs = await ticketInProgress(
      (await sql<{ id: string }[]>`select department_id::text as id from users where id = ${handlerB.id}`)[0]!
        .id,
      handlerB.token,
    );
    const foreign = await upload(handlerB.token, theirs, await pngImage(), {
      fileName: 'b.png',
      declaredType: 'image/png',
    });
    const own = await upload(handlerA.token, mine, await pngImage(), {
      fileName: 'a.png',
      declaredType: 'image/png',
    });
    const version = (await eventsOf(mine, handlerA.token))?.version;
    for (const files of [
      [own, foreign],
      [before],
      ['not-a-uuid'],
      ['00000000-0000-4000-8000-000000000000'],
    ]) {
      const refused = await app.gql(RESOLVE, { id: mine, reply: '已处理', files }, handlerA.token);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'attachmentIds',
        reason: 'ATTACHMENT_NOT_AVAILABLE',
      });
    }
    const unchanged = await eventsOf(mine, handlerA.token);
    expect({ status: unchanged?.status, version: unchanged?.version }).toEqual({
      status: 'IN_PROGRESS',
      version,
    });
    const [stillFree] = await sql<{ eventId: string | null }[]>`
      select event_id as "eventId" from attachments where id = ${own}`;
    expect(stillFree?.eventId).toBeNull();
  });
});

describe('addNote with attachmentIds', () => {
  it('the NOTE_ADDED event carries the file; an INTERNAL note sends no webhook', async () => {
    const ticketId = await ticketInProgress(departmentA, handlerA.token);
    const photo = await upload(handlerA.token, ticketId, await photoWithGps(), { fileName: '巡查.jpg' });
    await app.ok(
      `mutation($t: ID!, $files: [ID!]) {
        addNote(ticketId: $t, body: "现场巡查", visibility: INTERNAL, attachmentIds: $files) { id } }`,
      { t: ticketId, files: [photo] },
      handlerA.token,
    );
    const note = (await eventsOf(ticketId, handlerA.token))?.events.nodes.find(
      (event) => event.type === 'NOTE_ADDED',
    );
    expect(note?.attachments.map((file) => file.id)).toEqual([photo]);
    const outbox = await sql`
      select 1 from outbox o join ticket_events e on e.id = o.event_id
      where o.ticket_id = ${ticketId} and e.type = 'NOTE_ADDED'`;
    expect(outbox).toHaveLength(0);
  });
});

describe('replySupervision with attachmentIds', () => {
  it('the SUPERVISION_REPLIED event carries the photo and its webhook lists it', async () => {
    const ticketId = await ticketInProgress(departmentA, handlerA.token);
    await app.ok(
      `mutation($id: ID!) {
        superviseTicket(id: $id, level: URGE, note: "请尽快处理", replyWithinHours: 24) { id } }`,
      { id: ticketId },
      app.adminToken,
    );
    const photo = await upload(handlerA.token, ticketId, await photoWithGps(), { fileName: '整改.jpg' });
    await app.ok(
      `mutation($id: ID!, $files: [ID!]) {
        replySupervision(id: $id, reply: "已整改，见照片", attachmentIds: $files) { id } }`,
      { id: ticketId, files: [photo] },
      handlerA.token,
    );
    const replied = (await eventsOf(ticketId, handlerA.token))?.events.nodes.find(
      (event) => event.type === 'SUPERVISION_REPLIED',
    );
    expect(replied?.attachments.map((file) => file.id)).toEqual([photo]);
    const [row] = await sql<{ payload: Record<string, any> }[]>`
      select o.payload from outbox o join ticket_events e on e.id = o.event_id
      where o.ticket_id = ${ticketId} and e.type = 'SUPERVISION_REPLIED'`;
    expect(row?.payload.attachments).toEqual([expect.objectContaining({ id: photo, fileName: '整改.jpg' })]);
    expect(row?.payload.supervision).toBeDefined();
  });
});

describe('the citizen status page', () => {
  it('shows the PUBLIC photos through short-lived links to copies without EXIF/GPS, never an INTERNAL one', async () => {
    const ticket = await registerCall(app);
    const shown = await upload(app.adminToken, ticket.id, await photoWithGps(), { fileName: '现场.jpg' });
    const hidden = await upload(app.adminToken, ticket.id, await photoWithGps(), {
      fileName: '内部.jpg',
      visibility: 'INTERNAL',
    });
    const { status, body } = await postStatus(app, 'lookup', {
      number: ticket.number,
      code: ticket.lookupCode,
    });
    expect(status).toBe(200);
    const photos = body.ticket.photos as { fileName: string; thumbnailUrl: string; url: string }[];
    expect(photos.map((photo) => photo.fileName)).toEqual(['现场.jpg']);
    expect(photos[0]?.thumbnailUrl).toMatch(
      new RegExp(`^/attachments/${shown}/thumbnail\\?expires=\\d+&signature=`),
    );
    expect(photos[0]?.url).toMatch(new RegExp(`^/attachments/${shown}/public\\?`));
    expect(JSON.stringify(body)).not.toContain(hidden);

    for (const link of [photos[0]!.thumbnailUrl, photos[0]!.url]) {
      const served = await fetch(`${app.url}${link}`);
      expect(served.status).toBe(200);
      const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(metadata.exif).toBeUndefined();
    }
    // Short-lived: past ATTACHMENT_LINK_TTL_SECONDS (300) the link answers 404; a new lookup gives fresh ones.
    clock.advance(301_000);
    expect((await fetch(`${app.url}${photos[0]!.thumbnailUrl}`)).status).toBe(404);
  });
});
