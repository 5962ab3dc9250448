import { describe, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';
import { pollUntil } from '../support/processes.js';

// API and workers in one process: the workers keep the roll-up current within a few seconds.
const app = useHotline({ role: 'all', env: { ROLLUP_MS: '200' } });

describe('the roll-up worker', () => {
  it('counts a new ticket in stats within seconds, and asOf catches up with now', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const query = `query($from: DateTime!, $to: DateTime!) { stats(from: $from, to: $to) { received asOf } }`;
    const read = async () =>
      (await app.ok<{ stats: { received: number; asOf: string } }>(query, { from, to }, app.adminToken))
        .stats;
    await makeTicket(app);
    await makeTicket(app);
    await pollUntil(async () => (await read()).received === 2, 10_000, 100);
    const before = Date.now();
    const fresh = await read();
    expect(fresh.received).toBe(2);
    expect(Date.parse(fresh.asOf)).toBeGreaterThanOrEqual(before - 1000);
  });
});
