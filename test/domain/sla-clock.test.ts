import {
  addDuration,
  addWorkingMs,
  type CalendarSpec,
  type ClockKind,
  type Duration,
  durationMs,
  hasWorkingTimeAhead,
  isWorkingDay,
  isWorkingTime,
  parseDuration,
  SlaClockLimitError,
  validateCalendar,
  workingDayMs,
  workingMsBetween,
  workingPeriods,
} from '@hotline/api/services';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;

/** The contract's default calendar: 7 working hours a day. */
const DEFAULT: CalendarSpec = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '18:00' },
  ],
  holidays: [],
  extraWorkdays: [],
};

/** 2025 Spring Festival: Tue 28 Jan - Tue 4 Feb off, Sun 26 Jan and Sat 8 Feb made up; New Year 2026. */
const CN: CalendarSpec = {
  ...DEFAULT,
  holidays: [
    ...['28', '29', '30', '31'].map((d) => `2025-01-${d}`),
    ...['01', '02', '03', '04'].map((d) => `2025-02-${d}`),
    '2026-01-01',
  ],
  extraWorkdays: ['2025-01-26', '2025-02-08'],
};

/** A DST zone, 7 working hours a day with a lunch hour. */
const NY: CalendarSpec = {
  timezone: 'America/New_York',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  holidays: ['2025-07-04'],
  extraWorkdays: [],
};

/** Every day, with working time across the 02:00 DST switches and up to midnight. */
const NY_NIGHT: CalendarSpec = {
  timezone: 'America/New_York',
  workdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [
    { start: '00:00', end: '03:00' },
    { start: '22:00', end: '24:00' },
  ],
  holidays: [],
  extraWorkdays: [],
};

/** Shanghai local time 'YYYY-MM-DD HH:MM' (UTC+8, no DST). */
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const dur = (text: string): Duration => {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`bad duration ${text}`);
  return parsed;
};
const add = (cal: CalendarSpec, start: Date, text: string, clock: ClockKind = 'BUSINESS') =>
  addDuration(cal, clock, start, dur(text));

describe('addDuration on the BUSINESS clock (default calendar, hand-computed)', () => {
  const cases: [string, CalendarSpec, string, string, string][] = [
    ['Friday afternoon + PT4H lands Monday', DEFAULT, '2025-03-07 16:00', 'PT4H', '2025-03-10 10:30'],
    ['Friday at closing + PT1H is Monday morning', DEFAULT, '2025-03-07 18:00', 'PT1H', '2025-03-10 09:30'],
    ['before opening starts at 08:30', DEFAULT, '2025-03-03 07:00', 'PT1H', '2025-03-03 09:30'],
    ['just after midnight', DEFAULT, '2025-03-04 00:01', 'PT30M', '2025-03-04 09:00'],
    ['on Saturday starts Monday 08:30', DEFAULT, '2025-03-08 10:00', 'PT1H', '2025-03-10 09:30'],
    ['during the lunch break starts at 14:30', DEFAULT, '2025-03-03 12:30', 'PT1H', '2025-03-03 15:30'],
    ['across the lunch break', DEFAULT, '2025-03-03 11:00', 'PT2H', '2025-03-03 15:30'],
    ['morning ends exactly at 12:00 and stays', DEFAULT, '2025-03-03 08:30', 'PT3H30M', '2025-03-03 12:00'],
    ['afternoon ends exactly at 18:00 and stays', DEFAULT, '2025-03-03 14:30', 'PT3H30M', '2025-03-03 18:00'],
    ['P1D from opening ends at 18:00 the same day', DEFAULT, '2025-03-03 08:30', 'P1D', '2025-03-03 18:00'],
    ['P1D from the lunch break ends at next noon', DEFAULT, '2025-03-03 13:00', 'P1D', '2025-03-04 12:00'],
    ['after closing starts next morning', DEFAULT, '2025-03-03 19:00', 'PT3H30M', '2025-03-04 12:00'],
    ['P3D from Wednesday 10:00 is Monday 10:00', DEFAULT, '2025-03-05 10:00', 'P3D', '2025-03-10 10:00'],
    ['P1DT2H is 9 working hours', DEFAULT, '2025-03-03 10:00', 'P1DT2H', '2025-03-04 12:00'],
    ['P7D from Monday 09:00 is next Wednesday 09:00', DEFAULT, '2025-03-03 09:00', 'P7D', '2025-03-12 09:00'],
    ['PT72H is not P3D', DEFAULT, '2025-03-03 08:30', 'PT72H', '2025-03-17 10:30'],
    ['seconds count', DEFAULT, '2025-03-03 11:59', 'PT90S', '2025-03-03 14:30:30'],
    [
      'holiday Monday is skipped',
      { ...DEFAULT, holidays: ['2025-03-10'] },
      '2025-03-07 16:00',
      'PT4H',
      '2025-03-11 10:30',
    ],
    [
      'make-up Saturday counts',
      { ...DEFAULT, extraWorkdays: ['2025-03-08'] },
      '2025-03-07 16:00',
      'PT4H',
      '2025-03-08 10:30',
    ],
    ['make-up Sunday before Spring Festival', CN, '2025-01-24 16:00', 'P1D', '2025-01-26 16:00'],
    ['Spring Festival week is skipped', CN, '2025-01-27 16:00', 'PT4H', '2025-02-05 10:30'],
    ['P2D across Spring Festival', CN, '2025-01-27 10:00', 'P2D', '2025-02-06 10:00'],
    ['make-up Saturday after Spring Festival', CN, '2025-02-07 16:00', 'PT4H', '2025-02-08 10:30'],
    [
      'year end: Dec 31 to Jan 2 past the New Year holiday',
      CN,
      '2025-12-31 16:00',
      'PT4H',
      '2026-01-02 10:30',
    ],
    ['zero duration on Saturday stays put', DEFAULT, '2025-03-08 10:00', 'PT0S', '2025-03-08 10:00'],
    ['zero duration at lunch stays put', DEFAULT, '2025-03-03 13:00', 'P0D', '2025-03-03 13:00'],
  ];
  for (const [name, cal, start, duration, expected] of cases) {
    it(name, () => {
      const exp = expected.length > 16 ? new Date(`${expected.replace(' ', 'T')}+08:00`) : sh(expected);
      expect(add(cal, sh(start), duration).toISOString()).toBe(exp.toISOString());
    });
  }
});

describe('CALENDAR clock', () => {
  it('P1D is 24 hours, even on a weekend', () => {
    expect(add(DEFAULT, sh('2025-03-08 10:00'), 'P1D', 'CALENDAR')).toEqual(sh('2025-03-09 10:00'));
  });
  it('PT2H is two plain hours at night', () => {
    expect(add(DEFAULT, sh('2025-03-07 23:30'), 'PT2H', 'CALENDAR')).toEqual(sh('2025-03-08 01:30'));
  });
  it('P1D across the New York spring switch is 24 hours, not the same wall time', () => {
    const start = new Date('2025-03-08T12:00:00-05:00');
    expect(add(NY, start, 'P1D', 'CALENDAR').toISOString()).toBe('2025-03-09T17:00:00.000Z');
  });
  it('workingMsBetween is the plain difference, 0 backwards', () => {
    expect(workingMsBetween(DEFAULT, 'CALENDAR', sh('2025-03-08 10:00'), sh('2025-03-09 10:00'))).toBe(
      24 * HOUR,
    );
    expect(workingMsBetween(DEFAULT, 'CALENDAR', sh('2025-03-09 10:00'), sh('2025-03-08 10:00'))).toBe(0);
  });
  it('durationMs reads a day as 24 hours', () => {
    expect(durationMs(DEFAULT, 'CALENDAR', dur('P1DT1H'))).toBe(25 * HOUR);
  });
});

describe('DST zone (America/New_York, switch on Sunday 9 March 2025)', () => {
  it('Friday EST + PT4H lands Monday EDT', () => {
    const start = new Date('2025-03-07T15:00:00-05:00');
    expect(add(NY, start, 'PT4H').toISOString()).toBe('2025-03-10T15:00:00.000Z'); // 11:00 EDT
  });
  it('P1D from Friday 09:00 EST ends Friday 17:00 EST; P2D ends Monday 17:00 EDT', () => {
    const start = new Date('2025-03-07T09:00:00-05:00');
    expect(add(NY, start, 'P1D').toISOString()).toBe('2025-03-07T22:00:00.000Z');
    expect(add(NY, start, 'P2D').toISOString()).toBe('2025-03-10T21:00:00.000Z');
  });
  it('measures 14 working hours from Friday 09:00 EST to Monday 17:00 EDT', () => {
    const from = new Date('2025-03-07T09:00:00-05:00');
    const to = new Date('2025-03-10T17:00:00-04:00');
    expect(workingMsBetween(NY, 'BUSINESS', from, to)).toBe(14 * HOUR);
  });
  it('the autumn switch keeps wall-clock hours', () => {
    const start = new Date('2025-10-31T16:00:00-04:00'); // Friday, EDT
    expect(add(NY, start, 'PT2H').toISOString()).toBe('2025-11-03T15:00:00.000Z'); // Monday 10:00 EST
  });
  it('working time across the night switch is real elapsed time', () => {
    // 00:00-03:00 local on the spring switch day is 2 real hours, on the autumn one 4.
    expect(
      workingMsBetween(
        NY_NIGHT,
        'BUSINESS',
        new Date('2025-03-09T05:00:00Z'),
        new Date('2025-03-09T12:00:00Z'),
      ),
    ).toBe(2 * HOUR);
    expect(
      workingMsBetween(
        NY_NIGHT,
        'BUSINESS',
        new Date('2025-11-02T04:00:00Z'),
        new Date('2025-11-02T12:00:00Z'),
      ),
    ).toBe(4 * HOUR);
    const periods = workingPeriods(NY_NIGHT, '2025-03-09');
    expect(periods.map((p) => p.start.toISOString())).toEqual([
      '2025-03-09T05:00:00.000Z',
      '2025-03-10T02:00:00.000Z',
    ]);
    expect(periods[1]?.end.toISOString()).toBe('2025-03-10T04:00:00.000Z'); // 24:00 EDT
  });
});

describe('workingMsBetween and addWorkingMs (default calendar)', () => {
  it('counts only working periods', () => {
    expect(workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-03-07 16:00'), sh('2025-03-10 10:30'))).toBe(
      4 * HOUR,
    );
    expect(workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-03-03 12:10'), sh('2025-03-03 14:00'))).toBe(0);
    expect(workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-03-03 00:00'), sh('2025-03-10 00:00'))).toBe(
      35 * HOUR,
    );
    expect(workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-03-10 10:00'), sh('2025-03-07 10:00'))).toBe(0);
    expect(workingMsBetween(CN, 'BUSINESS', sh('2025-01-27 00:00'), sh('2025-02-05 00:00'))).toBe(7 * HOUR);
  });
  it('shifts a deadline by a paused working time', () => {
    const paused = workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-03-03 16:00'), sh('2025-03-04 10:00'));
    expect(paused).toBe(3.5 * HOUR);
    expect(addWorkingMs(DEFAULT, 'BUSINESS', sh('2025-03-04 17:00'), paused)).toEqual(sh('2025-03-05 11:00'));
    expect(addWorkingMs(DEFAULT, 'BUSINESS', sh('2025-03-08 09:00'), 0)).toEqual(sh('2025-03-08 09:00'));
    expect(addWorkingMs(DEFAULT, 'CALENDAR', sh('2025-03-08 09:00'), HOUR)).toEqual(sh('2025-03-08 10:00'));
  });
  it('refuses a negative amount', () => {
    expect(() => addWorkingMs(DEFAULT, 'BUSINESS', sh('2025-03-03 09:00'), -1)).toThrow(RangeError);
  });
  it('knows working days, periods and working time', () => {
    expect(workingDayMs(DEFAULT)).toBe(7 * HOUR);
    expect(durationMs(DEFAULT, 'BUSINESS', dur('P3DT1H'))).toBe(22 * HOUR);
    expect(isWorkingDay(DEFAULT, '2025-03-07')).toBe(true);
    expect(isWorkingDay(DEFAULT, '2025-03-08')).toBe(false);
    expect(isWorkingDay(CN, '2025-02-08')).toBe(true);
    expect(isWorkingDay(CN, '2025-01-28')).toBe(false);
    expect(workingPeriods(DEFAULT, '2025-03-08')).toEqual([]);
    expect(workingPeriods(DEFAULT, '2025-03-03')).toEqual([
      { start: sh('2025-03-03 08:30'), end: sh('2025-03-03 12:00') },
      { start: sh('2025-03-03 14:30'), end: sh('2025-03-03 18:00') },
    ]);
    expect(isWorkingTime(DEFAULT, sh('2025-03-03 08:30'))).toBe(true);
    expect(isWorkingTime(DEFAULT, sh('2025-03-03 12:00'))).toBe(false);
    expect(() => isWorkingDay(DEFAULT, '2025-02-30')).toThrow(RangeError);
  });
  it('is fast for long durations and long holiday runs', () => {
    const longBreak: CalendarSpec = {
      ...DEFAULT,
      holidays: Array.from(
        { length: 60 },
        (_, i) => `2025-0${4 + Math.floor(i / 30)}-${String((i % 30) + 1).padStart(2, '0')}`,
      ),
    };
    const t0 = performance.now();
    expect(add(longBreak, sh('2025-03-31 17:00'), 'PT2H')).toEqual(sh('2025-06-02 09:30'));
    const end = add(DEFAULT, sh('2025-01-01 09:00'), 'P250D');
    expect(workingMsBetween(DEFAULT, 'BUSINESS', sh('2025-01-01 09:00'), end)).toBe(250 * 7 * HOUR);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it('throws on a calendar that never works instead of looping', () => {
    const never: CalendarSpec = { ...DEFAULT, workdays: [], extraWorkdays: ['2000-01-03'] };
    expect(() => add(never, sh('2025-03-03 09:00'), 'PT1H')).toThrow(/no working time/);
  });
  it('throws on an invalid calendar', () => {
    expect(() => add({ ...DEFAULT, timezone: 'Mars/Olympus' }, sh('2025-03-03 09:00'), 'PT1H')).toThrow(
      /time zone/,
    );
  });
});

describe('validateCalendar', () => {
  const problems = (patch: Partial<CalendarSpec>) => validateCalendar({ ...DEFAULT, ...patch });
  it('accepts the default, CN and New York calendars', () => {
    expect(validateCalendar(DEFAULT)).toEqual([]);
    expect(validateCalendar(CN)).toEqual([]);
    expect(validateCalendar(NY)).toEqual([]);
    expect(validateCalendar(NY_NIGHT)).toEqual([]);
    expect(
      problems({
        hours: [
          { start: '14:30', end: '18:00' },
          { start: '08:30', end: '14:30' },
        ],
      }),
    ).toEqual([]);
  });
  it('refuses overlapping ranges', () => {
    const out = problems({
      hours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '18:00' },
      ],
    });
    expect(out).toEqual(['working hours 08:30-12:00 and 11:00-18:00 overlap']);
  });
  it('refuses end before or at start', () => {
    expect(problems({ hours: [{ start: '18:00', end: '08:30' }] })).toEqual([
      'working hours 18:00-08:30: end is not after start',
    ]);
    expect(problems({ hours: [{ start: '09:00', end: '09:00' }] })).toHaveLength(1);
  });
  it('refuses an unknown or empty time zone', () => {
    expect(problems({ timezone: 'Asia/Atlantis' })).toEqual(['unknown time zone "Asia/Atlantis"']);
    expect(problems({ timezone: '' })).toHaveLength(1);
  });
  it('refuses bad weekdays, times and dates', () => {
    expect(problems({ workdays: [0, 1, 8, 2.5] })).toHaveLength(3);
    expect(problems({ hours: [{ start: '8:30', end: '12:00' }] })[0]).toMatch(
      /start "8:30" is not a HH:MM time/,
    );
    expect(problems({ hours: [{ start: '08:30', end: '24:01' }] })).toHaveLength(1);
    expect(problems({ hours: [{ start: '08:30', end: '25:00' }] })).toHaveLength(1);
    expect(problems({ holidays: ['2025-02-30'], extraWorkdays: ['2025/03/08'] })).toHaveLength(2);
  });
  it('refuses a date that is both holiday and extra workday', () => {
    expect(problems({ holidays: ['2025-03-08'], extraWorkdays: ['2025-03-08'] })).toEqual([
      '2025-03-08 is both a holiday and an extra workday',
    ]);
  });
  it('refuses a calendar without working days or hours', () => {
    expect(problems({ workdays: [] })).toEqual(['there are no working days']);
    expect(problems({ hours: [] })).toEqual(['at least one working-hour range is required']);
  });
});

describe('properties (fast-check)', () => {
  const calendars: [string, CalendarSpec][] = [
    ['default', DEFAULT],
    ['CN holidays', CN],
    ['New York', NY],
    ['New York nights', NY_NIGHT],
  ];
  const FROM = Date.UTC(2024, 11, 20);
  const TO = Date.UTC(2026, 0, 10);
  const localDate = (cal: CalendarSpec, at: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: cal.timezone }).format(new Date(at));
  const isPeriodEnd = (cal: CalendarSpec, at: number) =>
    [at, at - 1].some((t) => workingPeriods(cal, localDate(cal, t)).some((p) => p.end.getTime() === at));
  /** Any instant (second precision), or one exactly on a working-hour boundary. */
  const instant = (cal: CalendarSpec) =>
    fc.oneof(
      fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => s * 1000),
      fc.tuple(fc.integer({ min: FROM, max: TO }), fc.nat(), fc.boolean()).map(([t, i, atEnd]) => {
        const periods = workingPeriods(cal, localDate(cal, t));
        const p = periods[i % Math.max(1, periods.length)];
        return p ? (atEnd ? p.end : p.start).getTime() : t;
      }),
    );
  const timeOnly = fc
    .record({
      hours: fc.integer({ min: 0, max: 30 }),
      minutes: fc.integer({ min: 0, max: 59 }),
      seconds: fc.integer({ min: 0, max: 59 }),
    })
    .map((t): Duration => ({ days: 0, ...t }));
  const anyDuration = fc
    .tuple(fc.integer({ min: 0, max: 8 }), timeOnly)
    .map(([days, t]): Duration => ({ ...t, days }));
  const plus = (a: Duration, b: Duration): Duration => ({
    days: a.days + b.days,
    hours: a.hours + b.hours,
    minutes: a.minutes + b.minutes,
    seconds: a.seconds + b.seconds,
  });
  const at = (cal: CalendarSpec, t: number, d: Duration) =>
    addDuration(cal, 'BUSINESS', new Date(t), d).getTime();
  const opts = { numRuns: 150 };

  for (const [name, cal] of calendars) {
    describe(name, () => {
      it('is monotonic in the start', () => {
        fc.assert(
          fc.property(instant(cal), instant(cal), anyDuration, (x, y, d) => {
            const [a, b] = x <= y ? [x, y] : [y, x];
            expect(at(cal, a, d)).toBeLessThanOrEqual(at(cal, b, d));
          }),
          opts,
        );
      });
      it('is monotonic in the duration', () => {
        fc.assert(
          fc.property(instant(cal), anyDuration, anyDuration, (s, x, y) => {
            const [d1, d2] =
              durationMs(cal, 'BUSINESS', x) <= durationMs(cal, 'BUSINESS', y) ? [x, y] : [y, x];
            expect(at(cal, s, d1)).toBeLessThanOrEqual(at(cal, s, d2));
          }),
          opts,
        );
      });
      it('is additive for time-only durations from inside working time', () => {
        fc.assert(
          fc.property(instant(cal), timeOnly, timeOnly, (t, d1, d2) => {
            const s = isWorkingTime(cal, new Date(t))
              ? t
              : addWorkingMs(cal, 'BUSINESS', new Date(t), 1).getTime() - 1;
            expect(isWorkingTime(cal, new Date(s))).toBe(true);
            expect(at(cal, at(cal, s, d1), d2)).toBe(at(cal, s, plus(d1, d2)));
          }),
          opts,
        );
      });
      it('measures back exactly the duration it added', () => {
        fc.assert(
          fc.property(instant(cal), anyDuration, (s, d) => {
            const end = new Date(at(cal, s, d));
            expect(workingMsBetween(cal, 'BUSINESS', new Date(s), end)).toBe(durationMs(cal, 'BUSINESS', d));
          }),
          opts,
        );
      });
      it('never lands outside working time except exactly at a period end', () => {
        fc.assert(
          fc.property(instant(cal), anyDuration, (s, d) => {
            fc.pre(durationMs(cal, 'BUSINESS', d) > 0);
            const r = at(cal, s, d);
            expect(r).toBeGreaterThan(s);
            expect(isWorkingTime(cal, new Date(r)) || isPeriodEnd(cal, r)).toBe(true);
          }),
          opts,
        );
      });
      it('splits measured time at any point', () => {
        fc.assert(
          fc.property(instant(cal), instant(cal), instant(cal), (x, y, z) => {
            const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((t) => new Date(t)) as [Date, Date, Date];
            const whole = workingMsBetween(cal, 'BUSINESS', a, c);
            expect(whole).toBe(
              workingMsBetween(cal, 'BUSINESS', a, b) + workingMsBetween(cal, 'BUSINESS', b, c),
            );
          }),
          { numRuns: 50 },
        );
      });
    });
  }

  it('CALENDAR adds plain milliseconds', () => {
    fc.assert(
      fc.property(instant(DEFAULT), anyDuration, (s, d) => {
        const r = addDuration(DEFAULT, 'CALENDAR', new Date(s), d).getTime();
        expect(r - s).toBe(((d.days * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000);
        expect(workingMsBetween(DEFAULT, 'CALENDAR', new Date(s), new Date(r))).toBe(r - s);
      }),
    );
  });
});

describe('bounded work (issue 11, item 9)', () => {
  /** One working day a year (an extra workday each 1 March): a year-long duration would take centuries. */
  const yearly: CalendarSpec = {
    ...DEFAULT,
    workdays: [],
    extraWorkdays: Array.from({ length: 200 }, (_, i) => `${2025 + i}-03-01`),
  };

  it('refuses to walk more than ten years of calendar, with a clear error', () => {
    expect(() => add(yearly, sh('2025-01-01 09:00'), 'P365D')).toThrow(SlaClockLimitError);
    expect(() => add(yearly, sh('2025-01-01 09:00'), 'P365D')).toThrow(/more than 3660 calendar days/);
    expect(() =>
      workingMsBetween(DEFAULT, 'BUSINESS', sh('1925-01-01 09:00'), sh('2025-01-01 09:00')),
    ).toThrow(SlaClockLimitError);
    // Within the bound the answers stand: a year of working days ends within two years.
    expect(add(DEFAULT, sh('2025-01-01 09:00'), 'P365D').getTime()).toBeLessThan(
      sh('2027-01-01 00:00').getTime(),
    );
    expect(add(yearly, sh('2025-01-01 09:00'), 'P5D')).toEqual(sh('2029-03-01 18:00'));
  });

  it('a calendar has working time ahead only with a working minute in the next 366 days', () => {
    const now = sh('2025-06-01 12:00');
    expect(hasWorkingTimeAhead(DEFAULT, now)).toBe(true);
    expect(hasWorkingTimeAhead(yearly, now)).toBe(true);
    expect(hasWorkingTimeAhead({ ...DEFAULT, workdays: [], extraWorkdays: ['2001-01-02'] }, now)).toBe(false);
    const everyDayOff = Array.from({ length: 370 }, (_, i) =>
      new Date(Date.UTC(2025, 5, 1 + i)).toISOString().slice(0, 10),
    );
    expect(hasWorkingTimeAhead({ ...DEFAULT, holidays: everyDayOff }, now)).toBe(false);
    expect(hasWorkingTimeAhead({ ...DEFAULT, holidays: everyDayOff.slice(0, 360) }, now)).toBe(true);
  });
});
