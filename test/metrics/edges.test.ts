/** Metric inputs at their edges: bucket labels of any unit, bad records and options named precisely. */
import { describe, expect, it } from 'vitest';
import { backlogAge, mtta, mttr } from 'itsm-kit/metrics';
import { pathsOf } from '../_helpers/validation-paths';

const period = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const T = Date.parse(period.to);


describe('backlogAge', () => {
  it('labels buckets in the largest whole unit: days, hours, minutes or milliseconds', () => {
    const r = backlogAge([{ openedAt: T - 90_000 }, { openedAt: T - 1 }], { period, boundariesMs: [500, 60_000, 7_200_000, 172_800_000] });
    expect(r.buckets.map((b) => b.label)).toEqual(['<500ms', '500ms-1m', '1m-2h', '2h-2d', '>=2d']);
    expect(r.buckets.map((b) => b.count)).toEqual([1, 0, 1, 0, 0]);
  });

  it('with no boundaries has one bucket, "all"', () => {
    const r = backlogAge([{ openedAt: T - 5 }], { period, boundariesMs: [] });
    expect(r.buckets).toEqual([{ label: 'all', minMs: 0, maxMs: null, count: 1 }]);
  });

  it('counts an item ended by its earlier close or resolve instant, and skips cancelled items without either', () => {
    const records = [
      { openedAt: T - 10, closedAt: T - 1 },
      { openedAt: T - 10, resolvedAt: T + 1, closedAt: T - 2 },
      { openedAt: T - 10, resolvedAt: T, closedAt: T + 5 },
      { openedAt: T - 10, state: 'canceled' },
      { openedAt: T - 10, state: 'canceled', closedAt: T + 1 },
    ];
    expect(backlogAge(records, { period }).open).toBe(2);
  });

  it('names a record without openedAt, a record that is not an object, and a bad instant', () => {
    expect(pathsOf(() => backlogAge([{ openedAt: T - 1 }, { state: 'new' }] as never, { period }))).toEqual(['records.1.openedAt']);
    expect(pathsOf(() => backlogAge([null] as never, { period }))).toEqual(['records.0']);
    expect(pathsOf(() => backlogAge([{ openedAt: 'soon' }], { period }))).toEqual(['records.0.openedAt']);
    expect(pathsOf(() => backlogAge({} as never, { period }))).toEqual(['records']);
  });
});

describe('time to event (mtta, mttr)', () => {
  const rec = { openedAt: '2026-11-10T08:00:00Z', acknowledgedAt: '2026-11-10T08:05:00Z', resolvedAt: '2026-11-10T09:00:00Z' };

  it('names bad options, a missing openedAt and an end before the opening', () => {
    expect(pathsOf(() => mttr([rec], null as never))).toEqual(['options']);
    expect(pathsOf(() => mttr([rec], { period, membership: 'middle' as never }))).toEqual(['membership']);
    expect(pathsOf(() => mttr([rec], { period: 'November' as never }))).toEqual(['period']);
    expect(pathsOf(() => mttr([{ resolvedAt: rec.resolvedAt }] as never, { period }))).toEqual(['records.0.openedAt']);
    expect(pathsOf(() => mtta([{ ...rec, acknowledgedAt: '2026-11-10T07:00:00Z' }], { period }))).toEqual(['records.0.acknowledgedAt']);
  });

  it('accepts epoch milliseconds and Dates for instants, and ignores null ends', () => {
    const ms = { openedAt: Date.parse(rec.openedAt), resolvedAt: new Date(rec.resolvedAt) };
    expect(mttr([ms, { openedAt: rec.openedAt, resolvedAt: null }], { period }).mean).toBe(3_600_000);
  });

  it('rejects a group key that is not a scalar, and a groupBy that is neither a field nor a function', () => {
    expect(pathsOf(() => mttr([rec], { period, groupBy: () => ({}) as never }))).toEqual(['groupBy']);
    expect(pathsOf(() => mttr([rec], { period, groupBy: 42 as never }))).toEqual(['groupBy']);
    const ungrouped = mttr([rec], { period, groupBy: () => undefined });
    expect(ungrouped.groups).toEqual([{ key: null, value: ungrouped.overall }]);
  });
});
