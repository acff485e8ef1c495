import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from 'itsm-kit/calendar';
import { mtta, mttr } from 'itsm-kit/metrics';
import { isItsmValidationError } from 'itsm-kit/models';

const MIN = 60_000;
const HOUR = 60 * MIN;
const day = { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' };
const at = (hhmm: string, date = '2026-11-23') => `${date}T${hhmm}:00Z`;

const incidents = [
  { id: 'a', priority: 1, assignmentGroup: 'db', openedAt: at('08:00'), acknowledgedAt: at('08:05'), resolvedAt: at('09:00') },
  { id: 'b', priority: 1, assignmentGroup: 'net', openedAt: at('10:00'), acknowledgedAt: at('10:15'), resolvedAt: at('14:00') },
  { id: 'c', priority: 3, assignmentGroup: 'db', openedAt: at('11:00'), acknowledgedAt: at('11:30'), resolvedAt: at('13:00') },
  { id: 'd', priority: 3, openedAt: at('12:00') }, // still open: not in MTTA or MTTR
  { id: 'e', priority: 2, openedAt: at('22:00', '2026-11-22'), acknowledgedAt: at('23:00', '2026-11-22'), resolvedAt: at('01:00') },
  { id: 'f', priority: 2, openedAt: at('23:00'), acknowledgedAt: at('23:10'), resolvedAt: at('02:00', '2026-11-24') }, // resolved after the period
];

describe('mttr', () => {
  it('hand-computed: counts incidents resolved in the period', () => {
    // resolved in [day): a 60 min, b 240 min, c 120 min, e 180 min (opened the day before). f resolves after the end.
    // mean = 600/4 = 150 min; median = (120+180)/2 = 150 min; p90: rank ceil(3.6) = 4 -> 240; p99 -> 240
    const s = mttr(incidents, { period: day });
    expect(s).toEqual({ count: 4, totalMs: 600 * MIN, mean: 150 * MIN, median: 150 * MIN, p90: 240 * MIN, p99: 240 * MIN, min: 60 * MIN, max: 240 * MIN });
  });

  it("membership 'start': opened in the period and resolved at any time", () => {
    // opened in [day): a 60, b 240, c 120, f 180 (resolved the next day); d is open; e opened the day before.
    expect(mttr(incidents, { period: day, membership: 'start' })).toMatchObject({ count: 4, totalMs: 600 * MIN, min: 60 * MIN });
    expect(mttr(incidents, { period: day, membership: 'start' }).max).toBe(240 * MIN);
  });

  it('hand-computed: grouped by priority, by assignment group and by a key function', () => {
    const byPriority = mttr(incidents, { period: day, groupBy: 'priority' });
    expect(byPriority.overall.count).toBe(4);
    // P1: a 60, b 240 -> mean 150; P2: e 180; P3: c 120
    expect(byPriority.groups.map((g) => [g.key, g.value.count, g.value.mean])).toEqual([
      [1, 2, 150 * MIN],
      [2, 1, 180 * MIN],
      [3, 1, 120 * MIN],
    ]);
    const byGroup = mttr(incidents, { period: day, groupBy: 'assignmentGroup' });
    // db: a 60, c 120 -> 90; net: b 240; no group (null, last): e 180
    expect(byGroup.groups.map((g) => [g.key, g.value.mean])).toEqual([
      ['db', 90 * MIN],
      ['net', 240 * MIN],
      [null, 180 * MIN],
    ]);
    const byFn = mttr(incidents, { period: day, groupBy: (r) => (r.priority === 1 ? 'P1' : 'other') });
    expect(byFn.groups.map((g) => [g.key, g.value.count])).toEqual([
      ['P1', 2],
      ['other', 2],
    ]);
  });

  it('business time through a structural { businessTimeBetween } source', () => {
    // Service hours 09:00-17:00 UTC every day, counted minute by minute (an obviously-correct measure).
    const businessTimeBetween = (from: number, to: number) => {
      let ms = 0;
      for (let t = from; t < to; t += MIN) {
        const h = new Date(t).getUTCHours();
        if (h >= 9 && h < 17) ms += Math.min(MIN, to - t);
      }
      return ms;
    };
    // a 08:00-09:00 -> 0; b 10:00-14:00 -> 240; c 11:00-13:00 -> 120; e 22:00-01:00 -> 0
    const s = mttr(incidents, { period: day, calendar: { businessTimeBetween } });
    expect(s).toMatchObject({ count: 4, totalMs: 360 * MIN, mean: 90 * MIN, min: 0, max: 240 * MIN, median: 60 * MIN });
  });

  it('accepts Date and epoch-ms instants, and Date/number periods', () => {
    const s = mttr([{ openedAt: new Date(at('08:00')), resolvedAt: Date.parse(at('08:30')) }], { period: { from: new Date(day.from), to: Date.parse(day.to) } });
    expect(s.mean).toBe(30 * MIN);
  });

  it('rejects bad periods and bad records with an error naming the field', () => {
    const catchIssue = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (isItsmValidationError(e)) return e.issues[0]?.path;
        throw e;
      }
      return 'no error';
    };
    expect(catchIssue(() => mttr(incidents, { period: { from: day.to, to: day.from } }))).toBe('period.to');
    expect(catchIssue(() => mttr(incidents, { period: { from: 'yesterday', to: day.to } }))).toBe('period.from');
    expect(catchIssue(() => mttr([{ openedAt: at('09:00'), resolvedAt: at('08:00') }], { period: day }))).toBe('records.0.resolvedAt');
    expect(catchIssue(() => mttr([{ openedAt: 'soon', resolvedAt: at('08:00') }], { period: day }))).toBe('records.0.openedAt');
    expect(catchIssue(() => mttr([{ openedAt: at('07:00'), resolvedAt: at('08:00') }], { period: day, calendar: {} as never }))).toBe('calendar');
  });
});

describe('mtta', () => {
  it('hand-computed: acknowledged in the period', () => {
    // acknowledged in [day): a 5, b 15, c 30, f 10 min (e was acknowledged the day before)
    // mean = 60/4 = 15; median = (10+15)/2 = 12.5; p90 = p99 = 30
    expect(mtta(incidents, { period: day })).toEqual({ count: 4, totalMs: 60 * MIN, mean: 15 * MIN, median: 12.5 * MIN, p90: 30 * MIN, p99: 30 * MIN, min: 5 * MIN, max: 30 * MIN });
  });

  it('zero counts -> null', () => {
    expect(mtta(incidents, { period: { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' } }).mean).toBeNull();
  });
});

describe('grouping partitions the records', () => {
  const record = fc.record({
    openedAt: fc.integer({ min: 0, max: 100 * HOUR }),
    duration: fc.option(fc.integer({ min: 0, max: 10 * HOUR }), { nil: undefined }),
    priority: fc.integer({ min: 1, max: 5 }),
    group: fc.option(fc.constantFrom('db', 'net', 'app'), { nil: undefined }),
  });
  it('property: group counts and totals add up to the overall ones, whatever the key', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), fc.constantFrom('priority', 'assignmentGroup', 'fn'), (rows, by) => {
        const recs = rows.map((r) => ({
          openedAt: r.openedAt,
          priority: r.priority,
          ...(r.duration !== undefined ? { resolvedAt: r.openedAt + r.duration } : {}),
          ...(r.group !== undefined ? { assignmentGroup: r.group } : {}),
        }));
        const period = { from: 10 * HOUR, to: 80 * HOUR };
        const groupBy = by === 'fn' ? (r: { priority: number }) => r.priority % 2 === 0 : (by as 'priority' | 'assignmentGroup');
        const grouped = mttr(recs, { period, groupBy });
        const plain = mttr(recs, { period });
        expect(grouped.overall).toEqual(plain);
        expect(grouped.groups.reduce((n, g) => n + g.value.count, 0)).toBe(plain.count);
        expect(grouped.groups.reduce((n, g) => n + g.value.totalMs, 0)).toBe(plain.totalMs);
        expect(grouped.groups.every((g) => g.value.count > 0)).toBe(true);
        expect(new Set(grouped.groups.map((g) => g.key)).size).toBe(grouped.groups.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('business time on a real calendar (itsm-kit/calendar)', () => {
  it('hand-computed: MTTR on a Berlin Mon-Fri 09:00-17:00 calendar', () => {
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const berlin = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } });
    // Berlin is UTC+1 in November. Fri 2026-11-20 15:00 UTC (16:00 local) -> Mon 2026-11-23 09:00 UTC (10:00 local):
    // 1 h on Friday + 1 h on Monday = 2 business hours (the weekend does not count).
    // Mon 2026-11-23 07:00 UTC (08:00 local) -> 09:00 UTC (10:00 local): 1 business hour (09:00-10:00 local).
    const s = mttr(
      [
        { openedAt: '2026-11-20T15:00:00Z', resolvedAt: '2026-11-23T09:00:00Z' },
        { openedAt: '2026-11-23T07:00:00Z', resolvedAt: '2026-11-23T09:00:00Z' },
      ],
      { period: day, calendar: berlin },
    );
    expect(s).toMatchObject({ count: 2, totalMs: 3 * HOUR, mean: 1.5 * HOUR, min: HOUR, max: 2 * HOUR });
    expect(() => mttr([], { period: day, calendar: { kind: 'zone' } as never })).toThrow(/calendar/);
  });
});
