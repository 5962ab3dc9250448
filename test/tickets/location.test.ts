import { distanceMeters, gcj02ToWgs84, geoKeyOf, ManualClock, wgs84ToGcj02 } from '@hotline/api/services';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-09-01T00:00:00Z'));
const app = useHotline({ clock });

interface Placed {
  id: string;
  number: string;
  lat: number;
  lng: number;
  departmentId: string | null;
}

/** Around People's Square, Shanghai: 40 points within about 2 km, from a fixed sequence. */
const CENTER = { lat: 31.2304, lng: 121.4737 };
const placed: Placed[] = [];
let departmentA: string;
let handlerA: string;
let unlocatedId: string;

function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  departmentA = (await makeDepartment(app)).id;
  const departmentB = (await makeDepartment(app)).id;
  handlerA = (await makeUser(app, 'HANDLER', departmentA)).token;
  const next = pseudoRandom(7);
  for (let index = 0; index < 40; index++) {
    clock.advance(60_000);
    const lat = Number((CENTER.lat + (next() - 0.5) * 0.04).toFixed(6));
    const lng = Number((CENTER.lng + (next() - 0.5) * 0.04).toFixed(6));
    const ticket = await makeTicket(app, { title: `井盖缺失 #${index}`, location: { lat, lng } });
    const departmentId = index % 3 === 2 ? null : index % 3 === 0 ? departmentA : departmentB;
    if (departmentId) {
      await app.ok(
        'mutation($id: ID!, $departmentId: ID!) { dispatchTicket(id: $id, departmentId: $departmentId) { id } }',
        { id: ticket.id, departmentId },
        app.adminToken,
      );
    }
    placed.push({ id: ticket.id, number: ticket.number, lat, lng, departmentId });
  }
  unlocatedId = (await makeTicket(app, { title: '没有位置的工单' })).id;
});

type Listed = {
  tickets: { totalCount: number; nodes: { id: string; location: { lat: number; lng: number } | null }[] };
};

async function listIds(filter: Record<string, unknown>, token = app.adminToken): Promise<string[]> {
  const data = await app.ok<Listed>(
    'query($filter: TicketFilter) { tickets(first: 100, filter: $filter) { totalCount nodes { id location { lat lng } } } }',
    { filter },
    token,
  );
  expect(data.tickets.totalCount).toBe(data.tickets.nodes.length);
  return data.tickets.nodes.map((node) => node.id).sort();
}

const idsOf = (tickets: Placed[]) => tickets.map((ticket) => ticket.id).sort();

describe('tickets within a map area', () => {
  it('lists exactly the located tickets inside the box, edges included, for boxes of every size', async () => {
    const next = pseudoRandom(11);
    for (let round = 0; round < 12; round++) {
      const south = CENTER.lat - 0.02 + next() * 0.03;
      const west = CENTER.lng - 0.02 + next() * 0.03;
      const box = { south, west, north: south + next() * 0.02, east: west + next() * 0.02 };
      const inside = placed.filter(
        (t) => t.lat >= box.south && t.lat <= box.north && t.lng >= box.west && t.lng <= box.east,
      );
      expect(await listIds({ within: box })).toEqual(idsOf(inside));
    }
    const edge = placed[5]!;
    const onEdges = { south: edge.lat, west: edge.lng, north: edge.lat, east: edge.lng };
    expect(await listIds({ within: onEdges })).toEqual([edge.id]);
    const everything = { south: -90, west: -180, north: 90, east: 180 };
    const all = await listIds({ within: everything });
    expect(all).toEqual(idsOf(placed));
    expect(all).not.toContain(unlocatedId);
  });

  it('combines with the other filters and with the viewer scope', async () => {
    const box = {
      south: CENTER.lat - 0.01,
      west: CENTER.lng - 0.015,
      north: CENTER.lat + 0.012,
      east: CENTER.lng + 0.01,
    };
    const inside = placed.filter(
      (t) => t.lat >= box.south && t.lat <= box.north && t.lng >= box.west && t.lng <= box.east,
    );
    expect(inside.length).toBeGreaterThan(3);
    expect(await listIds({ within: box, status: ['NEW'] })).toEqual(
      idsOf(inside.filter((t) => !t.departmentId)),
    );
    expect(await listIds({ within: box }, handlerA)).toEqual(
      idsOf(inside.filter((t) => t.departmentId === departmentA)),
    );
  });

  it('takes a GCJ-02 area (a Chinese map SDK) as the WGS-84 area around its converted corners', async () => {
    const box = {
      south: CENTER.lat - 0.008,
      west: CENTER.lng - 0.008,
      north: CENTER.lat + 0.008,
      east: CENTER.lng + 0.008,
    };
    const southWest = wgs84ToGcj02({ lat: box.south, lng: box.west });
    const northEast = wgs84ToGcj02({ lat: box.north, lng: box.east });
    const gcj02 = {
      south: southWest.lat,
      west: southWest.lng,
      north: northEast.lat,
      east: northEast.lng,
      system: 'GCJ02',
    };
    const inside = placed.filter(
      (t) =>
        t.lat >= box.south + 1e-5 &&
        t.lat <= box.north - 1e-5 &&
        t.lng >= box.west + 1e-5 &&
        t.lng <= box.east - 1e-5,
    );
    const found = await listIds({ within: gcj02 });
    expect(found).toEqual(expect.arrayContaining(idsOf(inside)));
    expect(found.length).toBeLessThanOrEqual(inside.length + 2);
  });
});

describe('tickets near a point', () => {
  it('lists exactly the tickets within the radius (great-circle distance)', async () => {
    for (const radius of [150, 600, 1200, 2500]) {
      const center = { lat: CENTER.lat + 0.003, lng: CENTER.lng - 0.002 };
      const within = placed.filter((t) => distanceMeters(center, t) <= radius);
      expect(await listIds({ near: { ...center, radiusMeters: radius } })).toEqual(idsOf(within));
    }
  });

  it('takes its point in GCJ-02 too', async () => {
    const target = placed[9]!;
    const shifted = wgs84ToGcj02(target);
    expect(await listIds({ near: { ...shifted, radiusMeters: 1, system: 'GCJ02' } })).toEqual([target.id]);
    // The same numbers read as WGS-84 are hundreds of metres away.
    expect(await listIds({ near: { ...shifted, radiusMeters: 1 } })).toEqual([]);
  });
});

describe('location input', () => {
  it('stores a GCJ-02 point converted to WGS-84, and its geo key', async () => {
    const wgs84 = { lat: 31.2356, lng: 121.4801 };
    const gcj02 = wgs84ToGcj02(wgs84);
    const created = await app.ok<{ createTicket: { id: string; location: { lat: number; lng: number } } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id location { lat lng } } }',
      {
        input: {
          title: '路面塌陷',
          description: '高德地图上选的位置',
          demandType: 'REPORT',
          location: { ...gcj02, system: 'GCJ02' },
        },
      },
      app.adminToken,
    );
    const back = gcj02ToWgs84(gcj02);
    expect(created.createTicket.location).toEqual({
      lat: Number(back.lat.toFixed(6)),
      lng: Number(back.lng.toFixed(6)),
    });
    expect(distanceMeters(created.createTicket.location, wgs84)).toBeLessThan(0.2);
    const sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ id: string; latitude: string; longitude: string; geo_key: string | null }[]>`
        select id, latitude, longitude, geo_key::text from tickets`;
      for (const row of rows) {
        if (row.latitude === null) expect(row.geo_key).toBeNull();
        else expect(BigInt(row.geo_key!)).toBe(geoKeyOf(Number(row.latitude), Number(row.longitude)));
      }
      expect(rows.filter((row) => row.geo_key !== null).length).toBe(placed.length + 1);
    } finally {
      await sql.end();
    }
  });

  it('refuses areas, circles and points out of range with BAD_USER_INPUT', async () => {
    const query = 'query($filter: TicketFilter) { tickets(filter: $filter) { totalCount } }';
    const bad = [
      { within: { south: 31.3, west: 121.4, north: 31.2, east: 121.5 } },
      { within: { south: 31.2, west: 121.5, north: 31.3, east: 121.4 } },
      { within: { south: -91, west: 121.4, north: 31.2, east: 121.5 } },
      { within: { south: 31.2, west: 121.4, north: 31.3, east: 181 } },
      { near: { lat: 31.2, lng: 121.4, radiusMeters: 0 } },
      { near: { lat: 31.2, lng: 121.4, radiusMeters: 50_001 } },
      { near: { lat: 95, lng: 121.4, radiusMeters: 100 } },
    ];
    for (const filter of bad) {
      const result = await app.gql(query, { filter }, app.adminToken);
      expect(codes(result), JSON.stringify(filter)).toEqual(['BAD_USER_INPUT']);
    }
    const point = await app.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      {
        input: {
          title: 't',
          description: 'd',
          demandType: 'REPORT',
          location: { lat: 31.2, lng: 200, system: 'GCJ02' },
        },
      },
      app.adminToken,
    );
    expect(codes(point)).toEqual(['BAD_USER_INPUT']);
    expect(point.errors?.[0]?.extensions?.field).toBe('location.lng');
  });
});
