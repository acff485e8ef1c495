import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability, mergeOutages, mtbf, outagesFromIncidents, type OutageWindow } from 'itsm-kit/metrics';

const MIN = 60_000;
const day = { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' };
const at = (hhmm: string, date = '2026-11-23') => `${date}T${hhmm}:00Z`;

/**
 * Reference: mark every unit of a small integer timeline [from, to) that lies in some outage (open
 * outages run to the end), then count marked units, optionally only those inside service hours.
 */
function naiveDowntime(outages: Array<{ start: number; end?: number }>, from: number, to: number, inService: (t: number) => boolean = () => true) {
  const down = new Array<boolean>(to - from).fill(false);
  for (const o of outages) for (let t = Math.max(o.start, from); t < Math.min(o.end ?? to, to); t++) down[t - from] = true;
  let downtime = 0;
  let scheduled = 0;
  for (let t = from; t < to; t++) {
    if (!inService(t)) continue;
    scheduled++;
    if (down[t - from]) downtime++;
  }
  return { downtime, scheduled };
}

/** Reference merge: runs of marked units become windows. */
function naiveMerge(outages: Array<{ start: number; end?: number }>, from: number, to: number) {
  const windows: Array<{ start: number; end: number }> = [];
  const down = (t: number) => outages.some((o) => o.start <= t && t < (o.end ?? to));
  for (let t = from; t < to; t++) {
    if (!down(t)) continue;
    const last = windows[windows.length - 1];
    if (last && last.end === t) last.end = t + 1;
    else windows.push({ start: t, end: t + 1 });
  }
  return windows;
}

/** Service hours on the small timeline: units whose (t mod 100) is in [20, 70). */
const serviceUnit = (t: number) => t % 100 >= 20 && t % 100 < 70;
const serviceHours = {
  businessTimeBetween(from: number, to: number) {
    let n = 0;
    for (let t = from; t < to; t++) if (serviceUnit(t)) n++;
    return n;
  },
};

const outageArb = fc.record({ start: fc.integer({ min: -50, max: 450 }), len: fc.integer({ min: 0, max: 120 }), open: fc.boolean() }).map((o) =>
  o.open && o.len % 5 === 0 ? { start: o.start } : { start: o.start, end: o.start + o.len },
);

describe('availability', () => {
  it('hand-computed: overlapping outages merged, downtime in minutes', () => {
    // 10:00-10:30 and 10:15-11:00 merge into 10:00-11:00 = 60 min; 23:30-open runs to midnight = 30 min.
    // downtime 90 min of 1440 -> availability (1440-90)/1440 = 93.75 %
    const r = availability(
      [
        { start: at('10:00'), end: at('10:30') },
        { start: at('10:15'), end: at('11:00') },
        { start: at('23:30') },
      ],
      { period: day },
    );
    expect(r).toEqual({ availabilityPct: 93.75, scheduledMs: 1440 * MIN, downtimeMs: 90 * MIN, uptimeMs: 1350 * MIN, downtimeMinutes: 90, outages: 2, failures: 2 });
  });

  it('hand-computed: clipped to the period; carried-over outages are downtime but not failures', () => {
    // 22:00 the day before -> 02:00: 120 min inside the day, carried over (no failure).
    const r = availability([{ start: at('22:00', '2026-11-22'), end: at('02:00') }], { period: day });
    expect(r).toMatchObject({ downtimeMinutes: 120, outages: 1, failures: 0 });
  });

  it('hand-computed: only within service hours (09:00-17:00 UTC)', () => {
    const nineToFive = {
      businessTimeBetween(from: number, to: number) {
        const d0 = Date.parse(day.from);
        const open = d0 + 9 * 60 * MIN;
        const close = d0 + 17 * 60 * MIN;
        return Math.max(0, Math.min(to, close) - Math.max(from, open));
      },
    };
    // scheduled 480 min; outage 08:00-10:00 counts 60 min, 16:30-18:00 counts 30 min -> 90 min down
    // availability = 390/480 = 81.25 %
    const r = availability(
      [
        { start: at('08:00'), end: at('10:00') },
        { start: at('16:30'), end: at('18:00') },
      ],
      { period: day, serviceHours: nineToFive },
    );
    expect(r).toMatchObject({ scheduledMs: 480 * MIN, downtimeMinutes: 90, availabilityPct: 81.25 });
    // No service hours at all in the period: availability is null, not NaN.
    expect(availability([], { period: day, serviceHours: { businessTimeBetween: () => 0 } }).availabilityPct).toBeNull();
  });

  it('grouped per CI; no outages -> 100 %', () => {
    const r = availability(
      [
        { start: at('10:00'), end: at('10:36'), ciId: 'db-1' },
        { start: at('10:00'), end: at('10:36'), ciId: 'app-1' },
        { start: at('12:00'), end: at('12:14'), ciId: 'app-1' },
      ],
      { period: day, groupBy: 'ciId' },
    );
    // app-1: 36 + 14 = 50 min; db-1: 36 min = 2.5 % of the day; overall (any CI down) 36 + 14 = 50 min
    expect(r.groups.map((g) => [g.key, g.value.downtimeMinutes])).toEqual([
      ['app-1', 50],
      ['db-1', 36],
    ]);
    expect(r.groups[1]!.value.availabilityPct).toBe(97.5);
    expect(r.overall.downtimeMinutes).toBe(50);
    expect(availability([], { period: day })).toMatchObject({ availabilityPct: 100, downtimeMs: 0, outages: 0 });
  });

  it('rejects an outage ending before it starts', () => {
    expect(() => availability([{ start: at('10:00'), end: at('09:00') }], { period: day })).toThrow(/outages\.0\.end/);
  });

  it('property: equals the unit-by-unit reference, in [0, 100], with and without service hours', () => {
    fc.assert(
      fc.property(fc.array(outageArb, { maxLength: 12 }), fc.boolean(), (outages, withHours) => {
        const period = { from: 0, to: 400 };
        const r = availability(outages, withHours ? { period, serviceHours } : { period });
        const ref = naiveDowntime(outages, 0, 400, withHours ? serviceUnit : undefined);
        expect(r.downtimeMs).toBe(ref.downtime);
        expect(r.scheduledMs).toBe(ref.scheduled);
        expect(r.availabilityPct!).toBeGreaterThanOrEqual(0);
        expect(r.availabilityPct!).toBeLessThanOrEqual(100);
        if (outages.length === 0) expect(r.availabilityPct).toBe(100);
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: mergeOutages equals the reference merge and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(outageArb, { maxLength: 12 }), (outages) => {
        const period = { from: 0, to: 400 };
        const merged = mergeOutages(outages, { period });
        expect(merged).toEqual(naiveMerge(outages, 0, 400));
        expect(mergeOutages(merged, { period })).toEqual(merged);
        expect(mergeOutages([...outages].reverse(), { period })).toEqual(merged);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('mtbf', () => {
  it('hand-computed: two one-hour failures in a day', () => {
    // uptime = 24 h - 2 h = 22 h = 79,200,000 ms; MTBF = 22 h / 2 = 11 h = 39,600,000 ms
    const r = mtbf(
      [
        { start: at('06:00'), end: at('07:00'), ciId: 'db-1' },
        { start: at('18:00'), end: at('19:00'), ciId: 'db-1' },
        { start: at('22:00', '2026-11-22'), end: at('01:00'), ciId: 'app-1' },
      ],
      { period: day, groupBy: 'ciId' },
    );
    expect(r.groups).toEqual([
      // app-1: 1 h down, carried over from the day before: no failure -> MTBF null
      { key: 'app-1', value: { failures: 0, uptimeMs: 23 * 60 * MIN, mtbfMs: null } },
      { key: 'db-1', value: { failures: 2, uptimeMs: 79_200_000, mtbfMs: 39_600_000 } },
    ]);
  });

  it('from incidents (openedAt -> resolvedAt)', () => {
    const outages: OutageWindow[] = outagesFromIncidents([
      { id: 'inc-1', openedAt: at('06:00'), resolvedAt: at('08:00'), ciId: 'db-1' },
      { id: 'inc-2', openedAt: at('20:00'), ciId: 'db-1' },
    ]);
    // down 06:00-08:00 and 20:00-24:00 (still open): 6 h; uptime 18 h over 2 failures = 9 h
    expect(mtbf(outages, { period: day })).toEqual({ failures: 2, uptimeMs: 18 * 60 * MIN, mtbfMs: 9 * 60 * MIN });
  });
});
