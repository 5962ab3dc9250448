import { planTickets } from '@hotline/api/services';
import { describe, expect, it } from 'vitest';

// `pnpm seed --days N --seed S`: the district's tickets are planned from the seed alone, then played
// through the services. Noon in Shanghai, Monday 16 November 2026: the last of the N days is half over.
const END = new Date('2026-11-16T04:00:00Z');
const SHANGHAI_MS = 8 * 3_600_000;

describe('the demo plan', () => {
  it('is the same for the same seed and end, and another for another seed', () => {
    const first = planTickets(28, 12345, END);
    const again = planTickets(28, 12345, END);
    expect(again).toEqual(first);
    const other = planTickets(28, 54321, END);
    expect(other.map((plan) => plan.input.title)).not.toEqual(first.map((plan) => plan.input.title));
  });

  it('has the volume and rhythm of a district: ~200 a day, quieter weekends, a few peak days near 360', () => {
    const plans = planTickets(180, 12345, END);
    const perDay = new Map<number, number>();
    for (const plan of plans) {
      const day = Math.floor((plan.createdAt.getTime() + SHANGHAI_MS) / 86_400_000);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(perDay.size).toBe(180);
    // Whole days only: today has only had its morning.
    const today = Math.max(...perDay.keys());
    perDay.delete(today);
    const counts = [...perDay.values()];
    const mean = counts.reduce((sum, count) => sum + count, 0) / counts.length;
    expect(mean).toBeGreaterThan(180);
    expect(mean).toBeLessThan(230);
    expect(Math.max(...counts)).toBeGreaterThan(330);
    expect(Math.max(...counts)).toBeLessThan(420);

    const weekdayOf = (day: number) => new Date(day * 86_400_000).getUTCDay();
    const average = (days: number[]) => days.reduce((sum, day) => sum + perDay.get(day)!, 0) / days.length;
    const days = [...perDay.keys()];
    const weekends = days.filter((day) => [0, 6].includes(weekdayOf(day)));
    const workdays = days.filter((day) => ![0, 6].includes(weekdayOf(day)));
    expect(average(workdays)).toBeGreaterThan(average(weekends) * 1.3);

    // Every kind of demand the hotline meets, out-of-scope ones included, and duplicates pointing back.
    const kinds = new Set(plans.map((plan) => plan.kind));
    expect([...kinds].sort()).toEqual(['direct', 'dispatch', 'duplicate', 'outOfScope', 'withdrawn']);
    for (const plan of plans.filter((candidate) => candidate.kind === 'duplicate')) {
      expect(plan.duplicateOf).toBeLessThan(plan.index);
    }
  });
});
