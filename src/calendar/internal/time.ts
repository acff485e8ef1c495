/** Time constants and small integer helpers shared by the calendar engines. */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** How far the engines search before giving up: 100 years of 365.25 days. */
export const HORIZON_MS = 36_525 * DAY_MS;
/** The latest (and, negated, earliest) instant a `Date` can hold. */
export const MAX_INSTANT_MS = 8.64e15;

/** Minutes since midnight of `HH:mm` (`24:00` gives 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumberOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Index of the first element of the ascending `values` that is `>= x` (`values.length` when none). */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of the ascending `values` that is `> x` (`values.length` when none). */
export function upperBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts `[start, end)` pairs (flat `[s0, e0, s1, e1, ...]`), drops empty ones and merges those that
 * touch or overlap. Returns a new flat array.
 */
export function mergeIntervals(flat: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const s = flat[i] as number;
    const e = flat[i + 1] as number;
    if (e > s) pairs.push([s, e]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number)) out[last] = Math.max(out[last] as number, e);
    else out.push(s, e);
  }
  return out;
}
