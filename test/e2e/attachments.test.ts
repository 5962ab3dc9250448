import sharp from 'sharp';
import { beforeAll, expect, test } from 'vitest';
import { apiLogin, gql, handlerEmail, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const handler = useConsole('attachments-failed');
let managerToken: string;

beforeAll(async () => {
  managerToken = await apiLogin(MANAGER_EMAIL);
});

/** What the test reads of an <img> in the page (the DOM types are not in the test's lib). */
interface LoadedImage {
  naturalWidth: number;
}

/** A site photo as a phone takes it: a JPEG with a GPS position in its EXIF. */
function sitePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#4a7bb7"/>
    <text x="60" y="320" font-size="64" fill="#ffffff">路灯修复前</text></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 14/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    })
    .toBuffer();
}

test("a handler adds a photo on its ticket's page, sees its thumbnail and opens the viewer; another department's handler cannot reach it", async () => {
  // A running case, away from the ones other console tests pick (the newest, the oldest).
  const { tickets } = await ok<{
    tickets: { nodes: { id: string; number: string; department: { id: string; code: string } }[] };
  }>(
    'query { tickets(first: 5, filter: { status: [IN_PROGRESS] }) { nodes { id number department { id code } } } }',
    {},
    managerToken,
  );
  const ticket = tickets.nodes.at(-2)!;
  const { departments } = await ok<{ departments: { id: string; code: string; kind: string }[] }>(
    'query { departments { id code kind } }',
    {},
    managerToken,
  );
  const other = departments.find(
    (department) => department.id !== ticket.department.id && department.kind !== 'HOTLINE_CENTER',
  )!;

  const { page, shot, signIn, problems } = handler();
  await signIn(handlerEmail(ticket.department.code));
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  const panel = page.getByTestId('attachments');
  await panel.waitFor();
  const before = await panel.locator('[data-testid="attachment-gallery"] img').count();

  await panel.getByTestId('attachment-input').setInputFiles({
    name: '现场照片-修复前.jpg',
    mimeType: 'image/jpeg',
    buffer: await sitePhoto(),
  });
  const thumbnails = panel.locator('[data-testid="attachment-gallery"] img');
  await expect.poll(() => thumbnails.count(), { timeout: 15_000 }).toBe(before + 1);
  const thumbnail = panel.getByAltText('现场照片-修复前.jpg');
  await expect
    .poll(() => thumbnail.evaluate((image) => (image as unknown as LoadedImage).naturalWidth))
    .toBe(320);
  await shot('attachments-gallery');

  await thumbnail.click();
  const viewer = page.getByRole('dialog');
  const full = viewer.getByTestId('attachment-viewer-image');
  await full.waitFor();
  await expect.poll(() => full.evaluate((image) => (image as unknown as LoadedImage).naturalWidth)).toBe(800);
  expect(await viewer.textContent()).toContain('800×600');
  await shot('attachments-viewer');
  await viewer.getByRole('button', { name: '关闭' }).click();
  // The upload is in the ticket's history too.
  await expect.poll(() => page.getByText('上传附件').count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);

  const { ticket: seen } = await ok<{ ticket: { attachments: { id: string; fileName: string }[] } }>(
    'query($id: ID!) { ticket(id: $id) { attachments { id fileName } } }',
    { id: ticket.id },
    managerToken,
  );
  const photo = seen.attachments.find((file) => file.fileName === '现场照片-修复前.jpg')!;
  const outsider = await apiLogin(handlerEmail(other.code));
  const reached = await gql<{ attachment: unknown; ticket: unknown }>(
    'query($id: ID!, $ticket: ID!) { attachment(id: $id) { id downloadUrl } ticket(id: $ticket) { id } }',
    { id: photo.id, ticket: ticket.id },
    outsider,
  );
  expect(reached.data).toEqual({ attachment: null, ticket: null });
  const guessed = await fetch(
    `${origin}/attachments/${photo.id}/original?expires=9999999999&signature=guess`,
  );
  expect(guessed.status).toBe(404);
});

const resolver = useConsole('attachments-resolve-failed');

test("a handler resolves with a site photo from the resolve dialog; the ticket's history shows it on the resolution", async () => {
  // A running case without co-handlers (they would hold the resolve back), away from the ones other tests pick.
  const { tickets } = await ok<{
    tickets: {
      nodes: { id: string; department: { code: string }; coHandlers: { status: string }[] }[];
    };
  }>(
    'query { tickets(first: 12, filter: { status: [IN_PROGRESS] }) { nodes { id department { code } coHandlers { status } } } }',
    {},
    managerToken,
  );
  const ticket = tickets.nodes.slice(5).find((candidate) => candidate.coHandlers.length === 0)!;

  const { page, shot, signIn, problems } = resolver();
  await signIn(handlerEmail(ticket.department.code));
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/${ticket.id}/show`);
  await page.getByTestId('attachments').waitFor();
  await page.getByRole('button', { name: '办结答复' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '答复内容' }).fill('路灯已更换，恢复照明');
  await dialog.getByTestId('evidence-input').setInputFiles({
    name: '修复后.jpg',
    mimeType: 'image/jpeg',
    buffer: await sitePhoto(),
  });
  await dialog.getByText('修复后.jpg').waitFor();
  await shot('attachments-resolve-dialog');
  await dialog.getByRole('button', { name: '办结答复' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });

  const onResolution = page.getByTestId('event-files').getByAltText('修复后.jpg');
  await onResolution.waitFor();
  await expect
    .poll(() => onResolution.evaluate((image) => (image as unknown as LoadedImage).naturalWidth))
    .toBe(320);
  await onResolution.scrollIntoViewIfNeeded();
  await shot('attachments-resolved-timeline');
  expect(problems).toEqual([]);

  const { ticket: resolved } = await ok<{
    ticket: { status: string; events: { nodes: { type: string; attachments: { fileName: string }[] }[] } };
  }>(
    'query($id: ID!) { ticket(id: $id) { status events { nodes { type attachments { fileName } } } } }',
    { id: ticket.id },
    managerToken,
  );
  expect(resolved.status).toBe('RESOLVED');
  expect(resolved.events.nodes.find((event) => event.type === 'RESOLVED')?.attachments).toEqual([
    { fileName: '修复后.jpg' },
  ]);
});
