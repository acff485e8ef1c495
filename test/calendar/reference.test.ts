/**
 * The fast engine against the slow reference on random calendars in six DST zones plus +05:30 and UTC:
 * 20,800 random cases (4 x 5,000, 300 long sums, 500 combined calendars), with instants drawn
 * uniformly, exactly on (and 1 ms either side of) interval boundaries, and exactly on (and 30 minutes or
 * an hour around) DST transitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessIntervals, businessTimeBetween, combineCalendars, isBusinessTime, nextBusinessTime } from 'itsm-kit/calendar';
import { ReferenceCombination } from './reference';
import type { PooledCalendar } from './fixtures';
import { DAY, HOUR, RANGE_END, RANGE_START, calendarPool } from './fixtures';

const pool = calendarPool(20261121, 4);
const RUNS = 5_000;

/** An instant for `entry`: uniform, on a boundary, or on a DST transition, nudged by 0 or ±1 ms. */
function instantArb(): fc.Arbitrary<(entry: PooledCalendar) => number> {
  const uniform = fc.integer({ min: RANGE_START + 60 * DAY, max: RANGE_END - 60 * DAY });
  const nudge = fc.constantFrom(0, 0, 0, 1, -1, 30 * 60_000, -30 * 60_000, HOUR, -HOUR);
  return fc.oneof(
    uniform.map((t) => () => t),
    fc.tuple(uniform, fc.nat(), nudge).map(([t, k, d]) => (entry: PooledCalendar) => {
      const list = entry.reference.intervals(t, t + 8 * DAY).flat();
      return list.length === 0 ? t : (list[k % list.length] as number) + (d === 1 || d === -1 ? d : 0);
    }),
    fc.tuple(fc.nat(), nudge).map(([k, d]) => (entry: PooledCalendar) => {
      const list = entry.transitions.filter((x) => x > RANGE_START + 60 * DAY && x < RANGE_END - 60 * DAY);
      return list.length === 0 ? RANGE_START + 100 * DAY + d : (list[k % list.length] as number) + d;
    }),
  );
}

const entryArb = fc.nat({ max: pool.length - 1 }).map((i) => pool[i] as PooledCalendar);
const amountArb = fc.oneof(
  fc.integer({ min: -80, max: 80 }).map((h) => h * HOUR),
  fc.integer({ min: -80 * 60, max: 80 * 60 }).map((m) => m * 60_000),
  fc.integer({ min: -3, max: 3 }),
);
const spanArb = fc.oneof(fc.integer({ min: -21 * DAY, max: 21 * DAY }), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }));

describe('fast engine equals the reference', () => {
  it('businessTimeBetween', () => {
    fc.assert(
      fc.property(entryArb, instantArb(), spanArb, (entry, at, span) => {
        const a = at(entry);
        expect(businessTimeBetween(entry.calendar, a, a + span)).toBe(entry.reference.between(a, a + span));
      }),
      { numRuns: RUNS },
    );
  });

  it('addBusinessTime, forwards and backwards', () => {
    fc.assert(
      fc.property(entryArb, instantArb(), amountArb, (entry, at, ms) => {
        const t = at(entry);
        expect(addBusinessTime(entry.calendar, t, ms).getTime()).toBe(entry.reference.add(t, ms));
      }),
      { numRuns: RUNS },
    );
  });

  it('isBusinessTime and nextBusinessTime', () => {
    fc.assert(
      fc.property(entryArb, instantArb(), (entry, at) => {
        const t = at(entry);
        expect(isBusinessTime(entry.calendar, t)).toBe(entry.reference.isBusiness(t));
        expect(nextBusinessTime(entry.calendar, t).getTime()).toBe(entry.reference.next(t));
      }),
      { numRuns: RUNS },
    );
  });

  it('businessIntervals', () => {
    fc.assert(
      fc.property(entryArb, instantArb(), fc.integer({ min: 0, max: 10 * DAY }), (entry, at, span) => {
        const a = at(entry);
        const got = businessIntervals(entry.calendar, a, a + span).map((i) => [i.start.getTime(), i.end.getTime()]);
        expect(got).toEqual(entry.reference.intervals(a, a + span));
      }),
      { numRuns: RUNS },
    );
  });

  it('long sums across many DST changes and exceptions', () => {
    fc.assert(
      fc.property(entryArb, instantArb(), fc.integer({ min: -1_500, max: 1_500 }), (entry, at, hours) => {
        const t = at(entry);
        expect(addBusinessTime(entry.calendar, t, hours * HOUR).getTime()).toBe(entry.reference.add(t, hours * HOUR));
        const u = t + hours * 5 * HOUR;
        expect(businessTimeBetween(entry.calendar, t, u)).toBe(entry.reference.between(t, u));
      }),
      { numRuns: 300 },
    );
  });

  it('combined calendars (union and intersection of two zones)', () => {
    const pairArb = fc.tuple(entryArb, entryArb, fc.constantFrom('union' as const, 'intersection' as const)).map(([x, y, mode]) => ({
      calendar: combineCalendars(mode, [x.calendar, y.calendar]),
      reference: new ReferenceCombination(mode, [x.reference, y.reference]),
      [fc.toStringMethod]: () => `${mode}(${String(x)}, ${String(y)})`,
    }));
    const uniform = fc.integer({ min: RANGE_START + 60 * DAY, max: RANGE_END - 60 * DAY });
    fc.assert(
      fc.property(pairArb, uniform, amountArb, spanArb, (pair, t, ms, span) => {
        expect(businessTimeBetween(pair.calendar, t, t + span)).toBe(pair.reference.between(t, t + span));
        expect(isBusinessTime(pair.calendar, t)).toBe(pair.reference.isBusiness(t));
        let expected: number | undefined;
        try {
          expected = pair.reference.add(t, ms);
        } catch {
          expected = undefined; // disjoint intersection: the engine searches 100 years, the reference 4
        }
        if (expected !== undefined) expect(addBusinessTime(pair.calendar, t, ms).getTime()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
