import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  ItsmRangeError,
  addBusinessTime,
  businessIntervals,
  businessTimeBetween,
  combineCalendars,
  createCalendar,
  isBusinessTime,
  nextBusinessTime,
} from 'itsm-kit/calendar';

const H = 3_600_000;
const d = (iso: string) => new Date(iso);

describe('no business time, unreachable sums', () => {
  const closed = createCalendar({ timeZone: 'Europe/Berlin', week: {} });
  it('throws ItsmRangeError instead of looping', () => {
    expect(() => addBusinessTime(closed, 0, 1)).toThrow(ItsmRangeError);
    expect(() => addBusinessTime(closed, 0, -1)).toThrow(ItsmRangeError);
    expect(() => nextBusinessTime(closed, 0)).toThrow(/no business time/);
    expect(businessTimeBetween(closed, 0, 1e12)).toBe(0);
    expect(isBusinessTime(closed, 0)).toBe(false);
  });

  it('adding 0 returns the start even on a closed calendar', () => {
    expect(addBusinessTime(closed, 12345, 0)).toEqual(new Date(12345));
  });

  it('a single override is all the business time there is', () => {
    const once = createCalendar({ timeZone: 'America/Chicago', week: {}, overrides: [{ date: '2026-07-01', hours: [{ start: '09:00', end: '10:00' }] }] });
    // 09:00 CDT = 14:00Z
    expect(nextBusinessTime(once, d('2026-01-01T00:00:00Z'))).toEqual(d('2026-07-01T14:00:00Z'));
    expect(addBusinessTime(once, d('2026-01-01T00:00:00Z'), H)).toEqual(d('2026-07-01T15:00:00Z'));
    expect(() => addBusinessTime(once, d('2026-01-01T00:00:00Z'), H + 1)).toThrow(/within 100 years/);
    expect(() => nextBusinessTime(once, d('2026-07-01T15:00:00Z'))).toThrow(ItsmRangeError);
    expect(addBusinessTime(once, d('2030-01-01T00:00:00Z'), -H)).toEqual(d('2026-07-01T14:00:00Z'));
  });

  it('business time further than 100 years away is unreachable', () => {
    const weekly = createCalendar({ timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '10:00' }] } });
    // 1 hour a week: 100 years hold about 5,218 hours
    expect(() => addBusinessTime(weekly, 0, 6_000 * H)).toThrow(ItsmRangeError);
    expect(addBusinessTime(weekly, 0, 5_000 * H).getTime()).toBeGreaterThan(0);
  });
});

describe('interval semantics', () => {
  it('overnight shifts belong to the date they start on; holidays replace only that date', () => {
    const cal = createCalendar({
      timeZone: 'UTC',
      week: { sat: [{ start: '22:00', end: '06:00' }], sun: [{ start: '22:00', end: '06:00' }] },
      holidays: [{ date: '2026-03-08' }],
    });
    // Saturday 2026-03-07's shift runs into the holiday Sunday; Sunday's own shift is gone
    expect(businessIntervals(cal, d('2026-03-07T00:00:00Z'), d('2026-03-10T00:00:00Z')).map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2026-03-07T22:00:00.000Z', '2026-03-08T06:00:00.000Z'],
    ]);
  });

  it('touching and overlapping intervals merge, across midnight too; 24:00 ends the day', () => {
    const cal = createCalendar({
      timeZone: 'UTC',
      week: { mon: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '24:00' }, { start: '10:00', end: '11:00' }], tue: [{ start: '00:00', end: '02:00' }] },
    });
    expect(businessIntervals(cal, d('2026-03-09T00:00:00Z'), d('2026-03-11T00:00:00Z')).map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2026-03-09T08:00:00.000Z', '2026-03-10T02:00:00.000Z'],
    ]);
  });

  it('an interval whose start equals its end is a whole day', () => {
    const cal = createCalendar({ timeZone: 'UTC', week: { fri: [{ start: '06:00', end: '06:00' }] } });
    expect(businessTimeBetween(cal, d('2026-03-13T00:00:00Z'), d('2026-03-15T00:00:00Z'))).toBe(24 * H);
  });

  it('ALWAYS counts every millisecond', () => {
    expect(businessTimeBetween(ALWAYS, d('2026-03-29T00:00:00Z'), d('2027-03-29T00:00:00Z'))).toBe(365 * 24 * H);
    expect(addBusinessTime(ALWAYS, 1, -2)).toEqual(new Date(-1));
    expect(nextBusinessTime(ALWAYS, 42)).toEqual(new Date(42));
  });
});

describe('combineCalendars', () => {
  const nine = [{ start: '09:00', end: '17:00' }];
  const berlin = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: nine, tue: nine } });
  const chicago = createCalendar({ timeZone: 'America/Chicago', week: { mon: nine, tue: nine } });
  it('union: a follow-the-sun desk', () => {
    const desk = combineCalendars('union', [berlin, chicago]);
    // Monday 2026-03-09: Berlin 08:00Z-16:00Z (CET), Chicago 14:00Z-22:00Z (CDT since 03-08)
    expect(businessIntervals(desk, d('2026-03-09T00:00:00Z'), d('2026-03-10T00:00:00Z')).map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2026-03-09T08:00:00.000Z', '2026-03-09T22:00:00.000Z'],
    ]);
    expect(addBusinessTime(desk, d('2026-03-09T08:00:00Z'), 14 * H + 1)).toEqual(d('2026-03-10T08:00:00.001Z'));
  });
  it('intersection: the hours both teams work', () => {
    const both = combineCalendars('intersection', [berlin, chicago]);
    expect(businessTimeBetween(both, d('2026-03-09T00:00:00Z'), d('2026-03-10T00:00:00Z'))).toBe(2 * H);
    expect(nextBusinessTime(both, d('2026-03-09T00:00:00Z'))).toEqual(d('2026-03-09T14:00:00Z'));
    expect(addBusinessTime(both, d('2026-03-10T16:00:00Z'), -3 * H)).toEqual(d('2026-03-09T15:00:00Z'));
  });
});
