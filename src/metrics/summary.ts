import { ItsmValidationError } from '../_lib/errors';
import { selectInPlace } from './select';

/**
 * Count, mean, median and percentiles of a set of durations (milliseconds). Every figure is `null`
 * when `count` is 0 (never NaN).
 *
 * - `mean`: arithmetic mean.
 * - `median`: the middle value; for an even count, the mean of the two middle values.
 * - `p90`, `p99`: **nearest-rank** percentiles: the smallest value such that at least p % of the values
 *   are less than or equal to it, i.e. the value of rank `ceil(p / 100 x count)` in ascending order
 *   (always one of the observed values).
 *
 * @example
 * const s: DurationStats = summarizeDurations([60_000, 120_000, 180_000]);
 * s.median //=> 120000
 */
export interface DurationStats {
  /** How many durations were summarised. */
  readonly count: number;
  /** Sum of the durations (ms); 0 when count is 0. */
  readonly totalMs: number;
  /** Arithmetic mean (ms). */
  readonly mean: number | null;
  /** Median (ms); the mean of the two middle values for an even count. */
  readonly median: number | null;
  /** Nearest-rank 90th percentile (ms). */
  readonly p90: number | null;
  /** Nearest-rank 99th percentile (ms). */
  readonly p99: number | null;
  /** Smallest duration (ms). */
  readonly min: number | null;
  /** Largest duration (ms). */
  readonly max: number | null;
}

/** The 1-based nearest rank of percentile `p` (0 < p <= 100) among `n` values. */
function nearestRank(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/**
 * Summarises durations in milliseconds: count, total, mean, median, nearest-rank p90 and p99, min and
 * max. Linear expected time (selection, not a full sort); the input is not modified.
 *
 * @example
 * summarizeDurations([4, 1, 3, 2])
 * //=> { count: 4, totalMs: 10, mean: 2.5, median: 2.5, p90: 4, p99: 4, min: 1, max: 4 }
 * summarizeDurations([]).mean //=> null
 */
export function summarizeDurations(durations: ArrayLike<number>): DurationStats {
  const values = copyNumbers(durations, 'summarizeDurations', 'durations');
  return summarizeOwned(values);
}

/** A copy of an array or typed array of numbers; anything else (`null`, `{ length: 1e12 }`) is rejected at `field`. */
function copyNumbers(values: unknown, subject: string, field: string): Float64Array {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) throw ItsmValidationError.at(subject, [field], 'must hold numbers, not bigints');
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return Float64Array.from(values as unknown as ArrayLike<number>);
  if (!Array.isArray(values)) throw ItsmValidationError.at(subject, [field], 'must be an array of numbers');
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    // Checked, not coerced: '5' or an object is a caller's mistake, never a silent number (or a TypeError).
    if (typeof v !== 'number') throw ItsmValidationError.at(subject, [field, i], 'must be a number of milliseconds');
    out[i] = v;
  }
  return out;
}

/** Like {@link summarizeDurations} but reorders `values` in place (internal, avoids a copy). */
export function summarizeOwned(values: Float64Array): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, totalMs: 0, mean: null, median: null, p90: null, p99: null, min: null, max: null };
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw ItsmValidationError.at('durations', [i], 'must be a finite number of milliseconds');
    total += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const lowMid = (n - 1) >> 1;
  const highMid = n >> 1;
  const r90 = nearestRank(90, n) - 1;
  const r99 = nearestRank(99, n) - 1;
  // Ranks in ascending order; each selection narrows the range for the next one.
  let lo = 0;
  for (const k of [lowMid, highMid, r90, r99]) {
    if (k >= lo) {
      selectInPlace(values, k, lo, n - 1);
      lo = k;
    }
  }
  return {
    count: n,
    totalMs: total,
    mean: total / n,
    median: (values[lowMid]! + values[highMid]!) / 2,
    p90: values[r90]!,
    p99: values[r99]!,
    min,
    max,
  };
}

/**
 * The nearest-rank percentile `p` (0 < p <= 100) of `values`: the value of rank `ceil(p / 100 x n)` in
 * ascending order; `null` for no values. Linear expected time; the input is not modified.
 *
 * @example
 * percentile([15, 20, 35, 40, 50], 30) //=> 20
 * percentile([15, 20, 35, 40, 50], 100) //=> 50
 * percentile([], 50) //=> null
 */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  if (!(typeof p === 'number' && p > 0 && p <= 100)) throw ItsmValidationError.at('percentile', ['p'], 'must be a number in (0, 100]');
  const copy = copyNumbers(values, 'percentile', 'values');
  if (copy.length === 0) return null;
  for (let i = 0; i < copy.length; i++) {
    if (!Number.isFinite(copy[i]!)) throw ItsmValidationError.at('percentile', ['values', i], 'must be a finite number');
  }
  const k = nearestRank(p, copy.length) - 1;
  selectInPlace(copy, k, 0, copy.length - 1);
  return copy[k]!;
}
