import 'reflect-metadata';
import { bulkDatabase, rollUpAllDirtyDays, runDemoSeed, systemClock } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import { deferIndexes, SEED_LOAD } from '@hotline/schema/deferred-indexes';
import { migrate } from '@hotline/schema/migrate';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';

// `pnpm seed` on PostgreSQL: two weeks of the demo district played through the services, ending
// at midnight (Shanghai) before Monday 16 November 2026.
const END = new Date('2026-11-15T16:00:00Z');
const DAY = 86_400_000;
const SEED = { days: 14, seed: 99, concurrency: 8, end: END };

const app = useHotline();
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
}, 60_000);
afterAll(async () => {
  await sql?.end();
});

const indexes = async () =>
  (
    await sql<{ name: string }[]>`
      select indexname as name from pg_indexes where schemaname = 'public' order by indexname`
  ).map((row) => row.name);
const ticketCount = async () => (await sql<{ n: number }[]>`select count(*)::int as n from tickets`)[0]!.n;

async function seed(deferIndexes: boolean): Promise<boolean> {
  const bulk = bulkDatabase(app.databaseUrl, SEED.concurrency + 2);
  try {
    return await runDemoSeed(bulk.db, { ...SEED, deferIndexes });
  } finally {
    await bulk.close();
  }
}

interface Stats {
  received: number;
  dispatched: number;
  resolved: number;
  responseRate: number;
  resolutionRate: number;
  satisfactionRate: number;
  byCategory: { category: { code: string }; count: number }[];
  byDay: { date: string; count: number }[];
}

describe('the demo district on PostgreSQL', () => {
  it('plays two weeks through the services with the ticket indexes built once at the end', async () => {
    const declared = await indexes();
    expect(declared).toContain('tickets_search_trgm_idx');

    expect(await seed(true)).toBe(false);

    // Every index is back, and nothing is left parked.
    expect(await indexes()).toEqual(declared);
    const [parked] = await sql<
      { table: string | null }[]
    >`select to_regclass('deferred_indexes')::text as table`;
    expect(parked!.table).toBeNull();
    // The grown tables were ANALYZEd at the end of the load: the planner knows how statuses spread.
    const analyzed = await sql<{ table: string }[]>`
      select distinct tablename as table from pg_stats
      where schemaname = 'public' and tablename in ('tickets', 'ticket_events', 'outbox') order by 1`;
    expect(analyzed.map((row) => row.table)).toEqual(['outbox', 'ticket_events', 'tickets']);

    // The first ten days are settled: their rates have the shape of a real district (once the workers'
    // roll-up has counted the seeded days; this test server runs no workers).
    await rollUpAllDirtyDays(app.hotline.database.db, systemClock);
    const { stats } = await app.ok<{ stats: Stats }>(
      `query($from: DateTime!, $to: DateTime!) { stats(from: $from, to: $to) {
        received dispatched resolved responseRate resolutionRate satisfactionRate
        byCategory { category { code } count } byDay { date count } } }`,
      {
        from: new Date(END.getTime() - 14 * DAY).toISOString(),
        to: new Date(END.getTime() - 4 * DAY).toISOString(),
      },
      app.adminToken,
    );
    expect(stats.byDay).toHaveLength(10);
    expect(stats.received / 10).toBeGreaterThan(160);
    expect(stats.received / 10).toBeLessThan(260);
    const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
    const mean = (days: { count: number }[]) => days.reduce((sum, day) => sum + day.count, 0) / days.length;
    const weekend = stats.byDay.filter((day) => [0, 6].includes(weekday(day.date)));
    const workdays = stats.byDay.filter((day) => ![0, 6].includes(weekday(day.date)));
    expect(weekend.length).toBeGreaterThan(1);
    expect(mean(workdays)).toBeGreaterThan(mean(weekend) * 1.3);

    expect(stats.responseRate).toBeGreaterThan(0.9);
    expect(stats.resolutionRate).toBeGreaterThan(0.9);
    expect(stats.resolutionRate).toBeLessThan(1);
    expect(stats.satisfactionRate).toBeGreaterThan(0.97);

    // Top areas by ticket volume: housing, urban-rural construction and livelihood lead.
    const byArea = new Map<string, number>();
    for (const row of stats.byCategory) {
      const area = row.category.code.split('_')[0]!;
      byArea.set(area, (byArea.get(area) ?? 0) + row.count);
    }
    const ranked = [...byArea].sort((a, b) => b[1] - a[1]).map(([area]) => area);
    expect(ranked.slice(0, 3).sort()).toEqual(['HOUSING', 'LIVELIHOOD', 'URBAN']);
    expect(ranked.slice(0, 5)).toEqual(expect.arrayContaining(['ECONOMY', 'TRANSPORT']));

    // Every ticket's history is in the audit trail; out-of-scope demands were closed as such.
    const [trail] = await sql<{ without: number; outOfScope: number }[]>`
      select (select count(*) from tickets t where not exists
                (select 1 from ticket_events e where e.ticket_id = t.id and e.type = 'CREATED'))::int as without,
             (select count(*) from tickets where close_reason = 'OUT_OF_SCOPE')::int as "outOfScope"`;
    expect(trail!.without).toBe(0);
    expect(trail!.outOfScope).toBeGreaterThan(0);

    // Cases that drag on were supervised; some stuck ones got their department's reply.
    const supervisions = await sql<{ status: string; count: number }[]>`
      select status, count(*)::int as count from supervisions group by status`;
    const byStatus = Object.fromEntries(supervisions.map((row) => [row.status, row.count]));
    expect(byStatus.OPEN ?? 0).toBeGreaterThan(0);
    expect(byStatus.REPLIED ?? 0).toBeGreaterThan(0);

    // Some cases were co-handled (协办): replied on time and late, waived, still open on stuck cases; none
    // resolved while a part was open.
    const parts = await sql<{ status: string; late: boolean; count: number }[]>`
      select status, coalesce(replied_at > due_at, false) as late, count(*)::int as count
      from ticket_co_handlers group by 1, 2`;
    const count = (status: string, late = false) =>
      parts.find((row) => row.status === status && row.late === late)?.count ?? 0;
    expect(count('REPLIED')).toBeGreaterThan(0);
    expect(count('REPLIED', true)).toBeGreaterThan(0);
    expect(count('WAIVED')).toBeGreaterThan(0);
    expect(count('ACCEPTED') + count('PENDING')).toBeGreaterThan(0);
    const [resolvedOpen] = await sql<{ count: number }[]>`
      select count(*)::int as count from tickets t
      where t.status in ('RESOLVED', 'CLOSED') and cardinality(t.open_co_handler_ids) > 0`;
    expect(resolvedOpen!.count).toBe(0);

    // One incident (多诉一案): a burst water main in progress, five callers linked and waiting for it.
    const incidents = await sql<{ status: string; number: string; waiting: number }[]>`
      select p.status, p.number, count(c.id) filter (where c.status = 'LINKED')::int as waiting
      from tickets p join tickets c on c.incident_id = p.id group by p.id`;
    expect(incidents).toEqual([{ status: 'IN_PROGRESS', number: expect.any(String), waiting: 5 }]);
  }, 120_000);

  it('attaches before/after photos (thumbnail, copy without EXIF) to the reply of some resolved cases', async () => {
    const photos = await sql<
      {
        status: string;
        contentType: string;
        hasThumbnail: boolean;
        hasPublicVariant: boolean;
        onResolved: boolean;
      }[]
    >`select a.status, a.content_type as "contentType", a.has_thumbnail as "hasThumbnail",
        a.has_public_variant as "hasPublicVariant", e.type = 'RESOLVED' as "onResolved"
      from attachments a join ticket_events e on e.id = a.event_id`;
    expect(photos.length).toBeGreaterThan(4);
    expect(photos.length % 2).toBe(0);
    for (const photo of photos) {
      expect(photo).toEqual({
        status: 'READY',
        contentType: 'image/jpeg',
        hasThumbnail: true,
        hasPublicVariant: true,
        onResolved: true,
      });
    }
    const [events] = await sql<{ n: number }[]>`
      select count(*)::int as n from ticket_events where type = 'ATTACHMENT_ADDED'`;
    expect(events?.n).toBe(photos.length);
  });

  it('adds nothing when run again', async () => {
    const before = await ticketCount();
    expect(before).toBeGreaterThan(2000);
    expect(await seed(true)).toBe(false);
    expect(await ticketCount()).toBe(before);
  }, 60_000);

  it('builds indexes an interrupted load left deferred at the next migration', async () => {
    const declared = await indexes();
    const database = await openDatabase({ url: app.databaseUrl, max: 2 });
    try {
      // A load that was killed after deferring: the indexes are gone, their definitions parked.
      expect(await deferIndexes(database.db, SEED_LOAD)).toBeGreaterThan(10);
      expect(await indexes()).not.toContain('tickets_search_trgm_idx');

      await migrate(database);

      expect(await indexes()).toEqual(declared);
    } finally {
      await database.close();
    }
  }, 60_000);
});
