import { DEMO_DISTRICT_BOX, distanceMeters, planTickets } from '@hotline/api/services';
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

  it('places every ticket inside the district, and some reports of one category close together in a week', () => {
    const plans = planTickets(28, 12345, END);
    const box = DEMO_DISTRICT_BOX;
    for (const plan of plans) {
      const point = plan.input.location!;
      expect(point.lat).toBeGreaterThan(box.south);
      expect(point.lat).toBeLessThan(box.north);
      expect(point.lng).toBeGreaterThan(box.west);
      expect(point.lng).toBeLessThan(box.east);
    }
    const WEEK = 7 * 86_400_000;
    const byCategory = new Map<string | null | undefined, typeof plans>();
    for (const plan of plans) {
      byCategory.set(plan.input.categoryCode, [...(byCategory.get(plan.input.categoryCode) ?? []), plan]);
    }
    let withNeighbour = 0;
    for (const group of byCategory.values()) {
      // Plans are in time order: look only at the week either side.
      group.forEach((plan, index) => {
        const close = (other: (typeof group)[number]) =>
          distanceMeters(other.input.location!, plan.input.location!) <= 200;
        let found = false;
        for (let j = index + 1; !found && j < group.length; j++) {
          if (group[j]!.createdAt.getTime() - plan.createdAt.getTime() > WEEK) break;
          found = close(group[j]!);
        }
        for (let j = index - 1; !found && j >= 0; j--) {
          if (plan.createdAt.getTime() - group[j]!.createdAt.getTime() > WEEK) break;
          found = close(group[j]!);
        }
        if (found) withNeighbour++;
      });
    }
    expect(withNeighbour / plans.length).toBeGreaterThan(0.05);
    const duplicates = plans.filter((plan) => plan.kind === 'duplicate');
    for (const plan of duplicates) {
      const original = plans[plan.duplicateOf!]!;
      expect(distanceMeters(plan.input.location!, original.input.location!)).toBeLessThan(61);
    }
  });
});
