import 'reflect-metadata';
import { runDemoSeed, seedDefaults } from '@hotline/api/services';
import { type Database, openDatabase, queryRows, sql } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `pnpm start --demo` seeds the embedded database (PGlite), not only PostgreSQL over the network. */
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await seedDefaults(database.db, { email: 'admin@test.local', password: 'admin-password-1' });
});
afterAll(() => database?.close());

describe('the demo district on embedded PostgreSQL', () => {
  it('seeds a day of tickets through the services', async () => {
    // A fixed evening: a day that ends at the wall clock's hour would hold few tickets after midnight.
    const end = new Date('2026-03-11T20:00:00+08:00');
    const failed = await runDemoSeed(database.db, { days: 1, seed: 7, concurrency: 1, end });
    expect(failed).toBe(false);
    const [row] = await queryRows<{ tickets: number; events: number }>(
      database.db,
      sql`select (select count(*) from tickets)::int as tickets, (select count(*) from ticket_events)::int as events`,
    );
    expect(row!.tickets).toBeGreaterThan(20);
    expect(row!.events).toBeGreaterThan(row!.tickets);
  });
});
