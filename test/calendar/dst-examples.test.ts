/**
 * Worked examples on DST days, every expected instant computed by hand from the zone rules (written out
 * beside each case), not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessIntervals, businessTimeBetween, createCalendar, isBusinessTime, nextBusinessTime } from 'itsm-kit/calendar';

const H = 3_600_000;
const M = 60_000;
const d = (iso: string) => new Date(iso);
const spans = (cal: Parameters<typeof businessIntervals>[0], from: string, to: string) =>
  businessIntervals(cal, d(from), d(to)).map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('Europe/Berlin, spring forward on Sunday 2026-03-29 (02:00 CET -> 03:00 CEST)', () => {
  it('an interval across the gap lasts an hour less in real time', () => {
    // 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z: 2 real hours, not 3
    const cal = createCalendar({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '01:00', end: '04:00' }] } });
    expect(spans(cal, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    expect(businessTimeBetween(cal, d('2026-03-28T00:00:00Z'), d('2026-03-30T00:00:00Z'))).toBe(2 * H);
  });

  it('a start inside the gap moves forward by the gap (02:30 -> 03:30 CEST)', () => {
    // 03:30 CEST = 01:30Z; 05:00 CEST = 03:00Z
    const cal = createCalendar({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '02:30', end: '05:00' }] } });
    expect(nextBusinessTime(cal, d('2026-03-28T23:00:00Z'))).toEqual(d('2026-03-29T01:30:00Z'));
    expect(isBusinessTime(cal, d('2026-03-29T01:29:59.999Z'))).toBe(false);
    expect(addBusinessTime(cal, d('2026-03-28T12:00:00Z'), 90 * M)).toEqual(d('2026-03-29T03:00:00Z'));
  });

  it('Mon-Fri 09:00-17:00 across the weekend: Friday 16:00 CET + 2h is Monday 10:00 CEST', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    const cal = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine } });
    // Friday 16:00 CET = 15:00Z; Monday 10:00 CEST = 08:00Z
    expect(addBusinessTime(cal, d('2026-03-27T15:00:00Z'), 2 * H)).toEqual(d('2026-03-30T08:00:00Z'));
    expect(addBusinessTime(cal, d('2026-03-30T08:00:00Z'), -2 * H)).toEqual(d('2026-03-27T15:00:00Z'));
  });
});

describe('Europe/Berlin, fall back on Sunday 2026-10-25 (03:00 CEST -> 02:00 CET)', () => {
  it('an interval across the overlap lasts an hour more in real time', () => {
    // 01:00 CEST = 23:00Z (Sat), 04:00 CET = 03:00Z: 4 real hours
    const cal = createCalendar({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '01:00', end: '04:00' }] } });
    expect(businessTimeBetween(cal, d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'))).toBe(4 * H);
    expect(addBusinessTime(cal, d('2026-10-24T12:00:00Z'), 4 * H)).toEqual(d('2026-10-25T03:00:00Z'));
  });

  it('an ambiguous start takes the earlier instant (02:30 CEST = 00:30Z)', () => {
    // 02:30 CEST = 00:30Z; 03:00 exists once, as CET = 02:00Z
    const cal = createCalendar({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '02:30', end: '03:00' }] } });
    expect(spans(cal, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([['2026-10-25T00:30:00.000Z', '2026-10-25T02:00:00.000Z']]);
  });
});

describe('Australia/Lord_Howe: 30-minute DST', () => {
  it('fall back on Sunday 2026-04-05 (02:00 +11 -> 01:30 +10:30) adds 30 minutes', () => {
    // 01:00 +11 = 14:00Z (Sat); 03:00 +10:30 = 16:30Z
    const cal = createCalendar({ timeZone: 'Australia/Lord_Howe', week: { sun: [{ start: '01:00', end: '03:00' }] } });
    expect(spans(cal, '2026-04-04T00:00:00Z', '2026-04-05T00:00:00Z')).toEqual([['2026-04-04T14:00:00.000Z', '2026-04-04T16:30:00.000Z']]);
  });

  it('an ambiguous 01:45 takes the earlier instant (+11)', () => {
    // 01:45 +11 = 14:45Z (the second 01:45, at +10:30, would be 15:15Z)
    const cal = createCalendar({ timeZone: 'Australia/Lord_Howe', week: { sun: [{ start: '01:45', end: '03:00' }] } });
    expect(nextBusinessTime(cal, d('2026-04-04T00:00:00Z'))).toEqual(d('2026-04-04T14:45:00Z'));
  });

  it('spring forward on Sunday 2026-10-04 (02:00 +10:30 -> 02:30 +11) moves 02:10 by 30 minutes, not an hour', () => {
    // 02:10 does not exist; it becomes 02:40 +11 = 15:40Z (Sat); 03:00 +11 = 16:00Z
    const cal = createCalendar({ timeZone: 'Australia/Lord_Howe', week: { sun: [{ start: '02:10', end: '03:00' }] } });
    expect(spans(cal, '2026-10-03T00:00:00Z', '2026-10-04T00:00:00Z')).toEqual([['2026-10-03T15:40:00.000Z', '2026-10-03T16:00:00.000Z']]);
    expect(businessTimeBetween(cal, d('2026-10-03T00:00:00Z'), d('2026-10-04T00:00:00Z'))).toBe(20 * M);
  });
});

describe('offsets that are not whole hours', () => {
  it('Asia/Kolkata (+05:30): Monday 09:00 is 03:30Z', () => {
    const cal = createCalendar({ timeZone: 'Asia/Kolkata', week: { mon: [{ start: '09:00', end: '17:00' }] } });
    expect(nextBusinessTime(cal, d('2026-03-01T00:00:00Z'))).toEqual(d('2026-03-02T03:30:00Z'));
  });

  it('Pacific/Chatham (+12:45 in June): Monday 2026-06-01 09:00 is Sunday 20:15Z', () => {
    const cal = createCalendar({ timeZone: 'Pacific/Chatham', week: { mon: [{ start: '09:00', end: '17:00' }] } });
    expect(nextBusinessTime(cal, d('2026-05-30T00:00:00Z'))).toEqual(d('2026-05-31T20:15:00Z'));
    expect(addBusinessTime(cal, d('2026-05-30T00:00:00Z'), 8 * H)).toEqual(d('2026-06-01T04:15:00Z'));
  });
});
