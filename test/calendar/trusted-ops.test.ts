/**
 * The SLA clock's direct calendar operations (`trustedOps`) against the public functions: the same
 * answers and the same errors for any inputs, including the ones that take the fallback (reversed,
 * equal, fractional, beyond the horizon, negative amounts). Runs of nearby calls also exercise the
 * engine's last-window memo the way a replay does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from 'itsm-kit/calendar';
import { ALWAYS, addBusinessTime, businessTimeBetween, combineCalendars } from 'itsm-kit/calendar';
import { trustedOps } from '../../src/calendar/internal/trusted-ops';
import { DAY, HOUR, RANGE_END, RANGE_START, calendarPool } from './fixtures';

const pool = calendarPool(5, 3);
const calendars: Calendar[] = [...pool.map((p) => p.calendar as Calendar), ALWAYS, combineCalendars('union', [pool[0]!.calendar, pool[1]!.calendar])];
const outcome = (fn: () => number): { value: number } | { error: string } => {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
};
const instant = fc.oneof(
  fc.integer({ min: RANGE_START, max: RANGE_END }),
  fc.double({ min: RANGE_START, max: RANGE_END, noNaN: true }),
  fc.constantFrom(-8.64e15, 8.64e15, RANGE_START - 150 * 365 * DAY),
);
const step = fc.oneof(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: 0, max: 120 }).map((m) => m * 60_000), fc.constant(0));
const amount = fc.oneof(fc.integer({ min: -300 * HOUR, max: 300 * HOUR }), fc.constantFrom(0, 0.5, 101 * 365 * DAY), fc.integer({ min: 1, max: 10 * HOUR }));

describe('trustedOps equals the public calendar functions', () => {
  it('between and add, on chains of nearby instants, answer and fail exactly as businessTimeBetween and addBusinessTime', () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendars.keys()), instant, fc.array(fc.tuple(step, amount), { minLength: 1, maxLength: 12 }), (k, start, steps) => {
        const cal = calendars[k]!;
        const ops = trustedOps(cal);
        let t = start;
        for (const [dt, ms] of steps) {
          const next = t + dt;
          expect(outcome(() => ops.between(t, next))).toEqual(outcome(() => businessTimeBetween(cal, t, next)));
          expect(outcome(() => ops.add(t, ms))).toEqual(outcome(() => addBusinessTime(cal, t, ms).getTime()));
          t = next;
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('refuses what is not a calendar', () => {
    expect(() => trustedOps({} as Calendar)).toThrow(/must be a calendar made by createCalendar/);
  });
});
