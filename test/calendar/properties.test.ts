/**
 * The invariants the issue lists, as fast-check properties, on the random pool (six DST zones, +05:30,
 * UTC; overnight shifts, holidays and overrides), on ALWAYS and on a combined calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from 'itsm-kit/calendar';
import { ALWAYS, addBusinessTime as add, businessTimeBetween as between, combineCalendars, isBusinessTime } from 'itsm-kit/calendar';
import { DAY, HOUR, RANGE_END, RANGE_START, calendarPool } from './fixtures';

const pool = calendarPool(7, 2);
const calendars: Array<{ name: string; cal: Calendar }> = [
  ...pool.map((p, i) => ({ name: `pool[${i}] ${p.definition.timeZone}`, cal: p.calendar as Calendar })),
  { name: 'ALWAYS', cal: ALWAYS },
  { name: 'union', cal: combineCalendars('union', [pool[0]!.calendar, pool[4]!.calendar]) },
  { name: 'intersection', cal: combineCalendars('intersection', [pool[1]!.calendar, ALWAYS]) },
];
const calArb = fc.constantFrom(...calendars).map((c) => Object.assign(c, { [fc.toStringMethod]: () => c.name }));
const instant = fc.integer({ min: RANGE_START + 30 * DAY, max: RANGE_END - 30 * DAY });
const amount = fc.oneof(fc.integer({ min: 0, max: 300 * HOUR }), fc.integer({ min: 0, max: 120 }).map((m) => m * 60_000));
const signed = fc.tuple(amount, fc.boolean()).map(([ms, neg]) => (neg ? -ms : ms));
const RUNS = { numRuns: 600 };

describe('business-time invariants', () => {
  it('between(t, add(t, d)) === d, for d of either sign', () => {
    fc.assert(fc.property(calArb, instant, signed, ({ cal }, t, d) => between(cal, t, add(cal, t, d)) === d), RUNS);
  });

  it('add(add(t, a), b) equals add(t, a + b) for a, b of the same sign', () => {
    fc.assert(
      fc.property(calArb, instant, amount, amount, fc.boolean(), ({ cal }, t, a0, b0, neg) => {
        const [a, b] = neg ? [-a0, -b0] : [a0, b0];
        expect(add(cal, add(cal, t, a), b)).toEqual(add(cal, t, a + b));
      }),
      RUNS,
    );
  });

  it('between(a, b) + between(b, c) === between(a, c)', () => {
    fc.assert(fc.property(calArb, instant, instant, instant, ({ cal }, a, b, c) => between(cal, a, b) + between(cal, b, c) === between(cal, a, c)), RUNS);
  });

  it('add is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(calArb, instant, signed, signed, fc.integer({ min: 0, max: 5 * DAY }), ({ cal }, t, d1, d2, shift) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(add(cal, t, lo).getTime()).toBeLessThanOrEqual(add(cal, t, hi).getTime());
        expect(add(cal, t, d1).getTime()).toBeLessThanOrEqual(add(cal, t + shift, d1).getTime());
      }),
      RUNS,
    );
  });

  it('add(add(t, d), -d) === t when t is business time', () => {
    fc.assert(
      fc.property(calArb, instant, amount, ({ cal }, t0, d) => {
        const t = isBusinessTime(cal, t0) ? t0 : add(cal, t0, 1).getTime() - 1;
        expect(isBusinessTime(cal, t)).toBe(true);
        expect(add(cal, add(cal, t, d), -d).getTime()).toBe(t);
      }),
      RUNS,
    );
  });
});
