import { ManualClock } from '@hotline/api/services';
import { describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

/**
 * An API-only process (no SLA tick runs) where an action stops a clock already past its deadline: the
 * action records the breach, so this process counts it in `hotline_sla_breaches_total`.
 */
const clock = new ManualClock(new Date('2026-10-16T09:00:00+08:00'));
const app = useHotline({ role: 'api', clock });

async function breaches(): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('hotline_sla_breaches_total '));
  return Number(line?.split(' ')[1]);
}

describe('hotline_sla_breaches_total', () => {
  it('counts a breach that an action records before any tick sees it', async () => {
    const departmentId = (await makeDepartment(app)).id;
    const { id } = await makeTicket(app, { priority: 'EMERGENCY' });
    const act = (mutation: string) =>
      app.ok<{ result: { sla: { breached: boolean } } }>(
        `mutation($id: ID!) { result: ${mutation} { sla { breached } } }`,
        { id },
        app.adminToken,
      );
    await act(`dispatchTicket(id: $id, departmentId: "${departmentId}")`);
    await act('acceptTicket(id: $id)');
    const before = await breaches();
    clock.set(new Date('2026-10-18T09:00:00+08:00')); // two days later: past the one-day deadline
    const resolved = await act('resolveTicket(id: $id, reply: "已修复")');
    expect(resolved.result.sla.breached).toBe(true);
    expect(await breaches()).toBe(before + 1);
    // Counted once: nothing more for a ticket whose breach is already recorded.
    await app.ok(
      'mutation($id: ID!) { recordFeedback(id: $id, satisfaction: SATISFIED) { id } }',
      { id },
      app.adminToken,
    );
    expect(await breaches()).toBe(before + 1);
  });
});
