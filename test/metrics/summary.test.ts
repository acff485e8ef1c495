import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summarizeDurations } from 'itsm-kit/metrics';

/** Reference: sort a copy, nearest rank = ceil(p/100 * n) (1-based). */
function naiveNearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

describe('summarizeDurations', () => {
  it('hand-computed: ten durations 1..10 minutes', () => {
    const minute = 60_000;
    const s = summarizeDurations([7, 3, 10, 1, 5, 9, 2, 8, 6, 4].map((m) => m * minute));
    // mean = 55/10 = 5.5 min; median = (5+6)/2 = 5.5 min; p90: rank ceil(9) = 9 -> 9 min; p99: rank ceil(9.9) = 10 -> 10 min
    expect(s).toEqual({ count: 10, totalMs: 55 * minute, mean: 5.5 * minute, median: 5.5 * minute, p90: 9 * minute, p99: 10 * minute, min: minute, max: 10 * minute });
  });

  it('hand-computed: odd count and a single value', () => {
    // [1, 2, 100]: median 2, p90 rank ceil(2.7) = 3 -> 100
    expect(summarizeDurations([100, 1, 2])).toMatchObject({ median: 2, p90: 100, p99: 100, mean: 103 / 3 });
    expect(summarizeDurations([42])).toMatchObject({ count: 1, mean: 42, median: 42, p90: 42, p99: 42 });
  });

  it('zero counts give null, not NaN', () => {
    expect(summarizeDurations([])).toEqual({ count: 0, totalMs: 0, mean: null, median: null, p90: null, p99: null, min: null, max: null });
  });

  it('does not modify its input and rejects non-finite values', () => {
    const input = [3, 1, 2];
    summarizeDurations(input);
    expect(input).toEqual([3, 1, 2]);
    expect(() => summarizeDurations([1, Number.NaN])).toThrow(/durations/);
  });

  it('percentile: the nearest-rank textbook example', () => {
    // Wikipedia's nearest-rank example: {15, 20, 35, 40, 50}: p5 -> 15, p30 -> 20, p40 -> 20, p50 -> 35, p100 -> 50
    const v = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => percentile(v, p))).toEqual([15, 20, 20, 35, 50]);
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(v, 0)).toThrow(/p/);
  });

  const values = fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 300 });

  it('property: p50 <= p90 <= p99, all within [min, max], mean within [min, max]', () => {
    fc.assert(
      fc.property(values, (v) => {
        const s = summarizeDurations(v);
        expect(s.min!).toBeLessThanOrEqual(s.median!);
        expect(s.median!).toBeLessThanOrEqual(s.p90!);
        expect(s.p90!).toBeLessThanOrEqual(s.p99!);
        expect(s.p99!).toBeLessThanOrEqual(s.max!);
        expect(s.mean!).toBeGreaterThanOrEqual(s.min! - 1e-9);
        expect(s.mean!).toBeLessThanOrEqual(s.max! + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('property: selection equals a full sort (reference) for every percentile and the median', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 100 }), (v, p) => {
        expect(percentile(v, p)).toBe(naiveNearestRank(v, p));
        const sorted = [...v].sort((a, b) => a - b);
        const n = sorted.length;
        const s = summarizeDurations(v);
        expect(s.median).toBe((sorted[(n - 1) >> 1]! + sorted[n >> 1]!) / 2);
        expect(s.p90).toBe(naiveNearestRank(v, 90));
        expect(s.p99).toBe(naiveNearestRank(v, 99));
      }),
      { numRuns: 500 },
    );
  });

  it('selection stays correct on large inputs with many duplicates and sorted runs', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 5 : i % 3));
    const sortedRun = Array.from({ length: 20_000 }, (_, i) => i);
    for (const v of [many, sortedRun, [...sortedRun].reverse()]) {
      expect(summarizeDurations(v).p90).toBe(naiveNearestRank(v, 90));
      expect(summarizeDurations(v).p99).toBe(naiveNearestRank(v, 99));
    }
  });
});
