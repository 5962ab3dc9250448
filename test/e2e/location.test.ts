import { beforeAll, expect, test } from 'vitest';
import { apiLogin, MANAGER_EMAIL, ok, useConsole } from './support/console.js';

const manager = useConsole('location-failed');
const TAG = `地图测试${Date.now().toString(36)}`;
/** Two reports at one crossing and one 5 km away, outside the demo district (no tiles offline: a blank map). */
const POINTS = {
  first: { lat: 30.9, lng: 104.4 },
  second: { lat: 30.9004, lng: 104.4006 },
  away: { lat: 30.93, lng: 104.45 },
};
const numbers: Record<keyof typeof POINTS, string> = { first: '', second: '', away: '' };
const ids: Record<string, string> = {};

beforeAll(async () => {
  const token = await apiLogin(MANAGER_EMAIL);
  for (const [key, location] of Object.entries(POINTS) as [
    keyof typeof POINTS,
    { lat: number; lng: number },
  ][]) {
    const { createTicket } = await ok<{ createTicket: { id: string; number: string } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number } }',
      {
        input: {
          title: `${TAG} 井盖缺失 ${key}`,
          description: '路口井盖缺失，存在安全隐患',
          demandType: 'REPORT',
          categoryCode: 'URBAN_ROADS',
          location,
          autoDispatch: false,
        },
      },
      token,
    );
    numbers[key] = createTicket.number;
    ids[key] = createTicket.id;
  }
});

test('filters the ticket list to the map area and shows the point on the ticket page', async () => {
  const { page, shot } = manager();
  await manager().signIn(MANAGER_EMAIL);
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets?filter=${encodeURIComponent(JSON.stringify({ search: TAG }))}`);
  const rows = page.locator('tbody tr');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);

  await page.getByTestId('ticket-map-panel').getByText('地图', { exact: true }).click();
  const map = page.getByTestId('ticket-map');
  await map.waitFor();
  await expect.poll(() => page.locator('path.ticket-marker').count(), { timeout: 15_000 }).toBe(3);

  // Zoom in on the first crossing until the far ticket leaves the map.
  const marker = page.locator(`path.ticket-marker-${numbers.first}`);
  const away = page.locator(`path.ticket-marker-${numbers.away}`);
  const inside = async (locator: typeof marker) => {
    // Zoomed in, the map drops a marker far outside its view from the page: not inside, then.
    const box = (await locator.count())
      ? await locator.boundingBox({ timeout: 2_000 }).catch(() => null)
      : null;
    const frame = (await map.boundingBox())!;
    return (
      box !== null &&
      box.x + box.width / 2 >= frame.x &&
      box.x + box.width / 2 <= frame.x + frame.width &&
      box.y + box.height / 2 >= frame.y &&
      box.y + box.height / 2 <= frame.y + frame.height
    );
  };
  expect(await inside(away)).toBe(true);
  // Zoom with Leaflet's box zoom (shift and drag) over a small square around the first marker, started
  // off every marker (a click on one opens its ticket). On a busy machine the zoom can lag or fall
  // short, so repeat until the far ticket is out, or give up.
  for (let step = 0; step < 6 && (await inside(away)); step++) {
    const box = (await marker.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.keyboard.down('Shift');
    await page.mouse.move(x - 40, y + 40);
    await page.mouse.down();
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.move(x + 40, y - 20, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.waitForTimeout(800);
  }
  await expect.poll(() => inside(away), { timeout: 5_000 }).toBe(false);
  expect(await inside(marker)).toBe(true);

  await page.getByRole('button', { name: '搜索此区域' }).click();
  await page.getByTestId('map-area-chip').waitFor();
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
  const listed = await rows.allTextContents();
  expect(listed.some((text) => text.includes(numbers.first))).toBe(true);
  expect(listed.some((text) => text.includes(numbers.second))).toBe(true);
  expect(listed.some((text) => text.includes(numbers.away))).toBe(false);
  await shot('location-list-map-area');

  // Clearing the area brings the far ticket back.
  await page.getByRole('button', { name: '清除地图区域' }).click();
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);

  await page.goto(`${origin}/admin/#/tickets/${ids.first}/show`);
  const panel = page.getByTestId('ticket-location');
  await panel.waitFor();
  expect(await panel.getByTestId('ticket-location-coordinates').textContent()).toBe('30.900000, 104.400000');
  await panel.locator('path.ticket-location-marker').waitFor();
  // The second report, 72 m away in the same category, is proposed as a possible duplicate.
  const duplicates = page.getByTestId('possible-duplicates');
  await duplicates.waitFor();
  const proposed = await duplicates.textContent();
  expect(proposed).toContain(numbers.second);
  expect(proposed).toMatch(/相距 7\d 米，同一分类/);
  expect(proposed).not.toContain(numbers.away);
  await shot('location-ticket-page');
  expect(manager().problems).toEqual([]);
});

test('the agent picks the point of a new ticket on the intake map', async () => {
  const { page, shot } = manager();
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/admin/#/tickets/create`);
  await page.getByLabel('标题').fill(`${TAG} 路灯不亮`);
  await page.getByLabel('诉求内容').fill('路口路灯不亮，夜间出行不便');
  await page
    .locator('[data-testid="location-picker"] .leaflet-container')
    .click({ position: { x: 200, y: 120 } });
  await page.locator('path.picked-point').waitFor();
  const lat = Number(await page.getByLabel('纬度').inputValue());
  const lng = Number(await page.getByLabel('经度').inputValue());
  expect(lat).toBeGreaterThan(30.5);
  expect(lat).toBeLessThan(30.8);
  expect(lng).toBeGreaterThan(103.9);
  expect(lng).toBeLessThan(104.3);
  expect(await page.getByText('经度和纬度需同时填写或同时留空').count()).toBe(0);
  await shot('location-intake-picker');
  await page.getByRole('button', { name: '保存' }).click();
  const panel = page.getByTestId('ticket-location');
  await panel.waitFor();
  expect(await panel.getByTestId('ticket-location-coordinates').textContent()).toBe(
    `${lat.toFixed(6)}, ${lng.toFixed(6)}`,
  );
  expect(manager().problems).toEqual([]);
});
