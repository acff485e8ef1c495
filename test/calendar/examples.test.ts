import { describe, expect, it } from 'vitest';
import { ALWAYS, addBusinessTime, businessIntervals, businessTimeBetween, createCalendar, isBusinessTime, nextBusinessTime } from 'itsm-kit/calendar';

const H = 3_600_000;
const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const weekdays = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE };
const utc = createCalendar({ timeZone: 'UTC', week: weekdays });
const d = (iso: string) => new Date(iso);

describe('Mon-Fri 09:00-17:00 UTC', () => {
  it('adds across a weekend', () => {
    expect(addBusinessTime(utc, d('2026-03-06T16:00:00Z'), 2 * H)).toEqual(d('2026-03-09T10:00:00Z'));
  });
  it('returns the end of an interval when the sum runs out exactly there', () => {
    expect(addBusinessTime(utc, d('2026-03-09T09:00:00Z'), 8 * H)).toEqual(d('2026-03-09T17:00:00Z'));
  });
  it('goes backwards with a negative amount', () => {
    expect(addBusinessTime(utc, d('2026-03-09T10:00:00Z'), -2 * H)).toEqual(d('2026-03-06T16:00:00Z'));
  });
  it('measures, negative when reversed', () => {
    expect(businessTimeBetween(utc, d('2026-03-06T16:00:00Z'), d('2026-03-09T10:00:00Z'))).toBe(2 * H);
    expect(businessTimeBetween(utc, d('2026-03-09T10:00:00Z'), d('2026-03-06T16:00:00Z'))).toBe(-2 * H);
  });
  it('answers isBusinessTime half-open and nextBusinessTime', () => {
    expect(isBusinessTime(utc, d('2026-03-09T09:00:00Z'))).toBe(true);
    expect(isBusinessTime(utc, d('2026-03-09T17:00:00Z'))).toBe(false);
    expect(nextBusinessTime(utc, d('2026-03-07T12:00:00Z'))).toEqual(d('2026-03-09T09:00:00Z'));
    expect(nextBusinessTime(utc, d('2026-03-09T12:00:00Z'))).toEqual(d('2026-03-09T12:00:00Z'));
  });
  it('lists intervals clipped to the range', () => {
    expect(businessIntervals(utc, d('2026-03-09T12:00:00Z'), d('2026-03-10T10:00:00Z'))).toEqual([
      { start: d('2026-03-09T12:00:00Z'), end: d('2026-03-09T17:00:00Z') },
      { start: d('2026-03-10T09:00:00Z'), end: d('2026-03-10T10:00:00Z') },
    ]);
  });
  it('ALWAYS is 24x7', () => {
    expect(addBusinessTime(ALWAYS, 0, 10_000 * H).getTime()).toBe(10_000 * H);
  });
});
