import { seedDefaults } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase } from '../support/database.js';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

/** With DATABASE_READ_URL, reports read the replica (here a separate, empty database) and nothing else. */
let replicaUrl: string;
beforeAll(async () => {
  replicaUrl = await cloneDatabase();
  const replica = await openDatabase({ url: replicaUrl, max: 1 });
  await seedDefaults(replica.db, { email: 'replica@test.local', password: 'replica-password' });
  await replica.close();
});
const app = useHotline(() => ({ env: { DATABASE_READ_URL: replicaUrl } }));

describe('DATABASE_READ_URL', () => {
  it('sends stats to the read replica while tickets are written to the primary', async () => {
    await makeTicket(app);
    const query = `{ stats(from: "2020-01-01T00:00:00Z", to: "2029-01-01T00:00:00Z") { received } tickets { totalCount } }`;
    const data = await app.ok<{ stats: { received: number }; tickets: { totalCount: number } }>(
      query,
      {},
      app.adminToken,
    );
    expect(data.tickets.totalCount).toBe(1);
    expect(data.stats.received).toBe(0);
  });
});
