import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-10-10T02:00:00Z'));
const app = useHotline({ clock });

const ORIGIN = { lat: 30.2741, lng: 120.1551 };
/** A point `meters` north and `east` metres east of the origin. */
const at = (north: number, east = 0) => ({
  lat: Number((ORIGIN.lat + north / 111_195).toFixed(6)),
  lng: Number((ORIGIN.lng + east / (111_195 * Math.cos((ORIGIN.lat * Math.PI) / 180))).toFixed(6)),
});

const ids: Record<string, string> = {};
let phone = 0;
let departmentA: string;

async function make(key: string, when: string, input: Record<string, unknown>): Promise<void> {
  clock.set(new Date(when));
  phone++;
  ids[key] = (
    await makeTicket(app, {
      title: `工单 ${key}`,
      description: `描述 ${key} ${phone}`,
      callerPhone: `1370000${String(phone).padStart(4, '0')}`,
      categoryCode: 'TRANSPORT_BUS',
      ...input,
    })
  ).id;
}

beforeAll(async () => {
  departmentA = (await makeDepartment(app)).id;
  await make('source', '2026-10-10T02:00:00Z', { title: '公交站台顶棚破损', location: at(0) });
  await make('near', '2026-10-07T02:00:00Z', { title: '雨棚掉下来了', location: at(120) });
  await make('closest', '2026-10-11T02:00:00Z', { title: '站牌歪了', location: at(0, 40) });
  await make('far', '2026-10-09T02:00:00Z', { location: at(260) });
  await make('otherCategory', '2026-10-09T02:00:00Z', {
    categoryCode: 'HOUSING_PROPERTY_MGMT',
    location: at(50),
  });
  await make('old', '2026-10-02T01:00:00Z', { location: at(80) });
  await make('unlocated', '2026-10-09T02:00:00Z', {});
  await make('merged', '2026-10-09T03:00:00Z', { location: at(30) });
  await make('mergedInto', '2026-10-09T04:00:00Z', {
    categoryCode: 'HOUSING_PROPERTY_MGMT',
    location: at(5000),
  });
  await app.ok(
    'mutation($id: ID!, $into: ID!) { mergeTicket(id: $id, intoId: $into) { id } }',
    { id: ids.merged, into: ids.mergedInto },
    app.adminToken,
  );
  // Same caller as the source, 3 km away: proposed for the phone, with its distance.
  clock.set(new Date('2026-10-08T02:00:00Z'));
  ids.sameCaller = (
    await makeTicket(app, {
      title: '另一件事',
      description: '完全不同',
      callerPhone: '13700000001',
      categoryCode: 'HOUSING_PROPERTY_MGMT',
      location: at(3000),
    })
  ).id;
  clock.set(new Date('2026-10-12T00:00:00Z'));
});

type Candidate = {
  ticket: { id: string };
  sameCaller: boolean;
  similarity: number;
  distanceMeters: number | null;
};

async function candidatesOf(id: string, token = app.adminToken): Promise<Candidate[]> {
  const data = await app.ok<{ ticket: { possibleDuplicates: Candidate[] } }>(
    'query($id: ID!) { ticket(id: $id) { possibleDuplicates { ticket { id } sameCaller similarity distanceMeters } } }',
    { id },
    token,
  );
  return data.ticket.possibleDuplicates;
}

describe('nearby duplicates', () => {
  it('proposes tickets of the same category within 200 m and 7 days either side, same caller first, then the nearest', async () => {
    const found = await candidatesOf(ids.source!);
    expect(found.map((candidate) => candidate.ticket.id)).toEqual([ids.sameCaller, ids.closest, ids.near]);
    const [sameCaller, closest, near] = found as [Candidate, Candidate, Candidate];
    expect(sameCaller.sameCaller).toBe(true);
    expect(sameCaller.distanceMeters).toBeGreaterThan(2990);
    expect(sameCaller.distanceMeters).toBeLessThan(3010);
    expect(closest.distanceMeters).toBeGreaterThan(38);
    expect(closest.distanceMeters).toBeLessThan(42);
    expect(near.distanceMeters).toBeGreaterThan(118);
    expect(near.distanceMeters).toBeLessThan(122);
    expect(near.sameCaller).toBe(false);
  });

  it('measures from each ticket: around the one 120 m north, the nearest first', async () => {
    // old: 40 m and 5 days away; source: 120 m, 3 days; closest: 126 m, 4 days; far: 140 m, 2 days.
    const found = await candidatesOf(ids.near!);
    expect(found.map((candidate) => candidate.ticket.id)).toEqual([
      ids.old,
      ids.source,
      ids.closest,
      ids.far,
    ]);
  });

  it('leaves out what the viewer may not see', async () => {
    for (const id of [ids.source, ids.near]) {
      await app.ok(
        'mutation($id: ID!, $departmentId: ID!) { dispatchTicket(id: $id, departmentId: $departmentId) { id } }',
        { id, departmentId: departmentA },
        app.adminToken,
      );
    }
    const handler = await makeUser(app, 'HANDLER', departmentA);
    const found = await candidatesOf(ids.source!, handler.token);
    expect(found.map((candidate) => candidate.ticket.id)).toEqual([ids.near]);
  });
});
