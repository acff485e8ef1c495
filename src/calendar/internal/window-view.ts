/**
 * One week-long window of business time: merged intervals `[base + starts[i], base + ends[i])` inside
 * `[start, end)`, with prefix sums, so that every question about the window is a binary search.
 */
import type { WeekPattern } from './local-hours';
import { lowerBound, upperBound } from './time';

/** A window of business intervals; see the file comment. */
export interface WindowView extends WeekPattern {
  readonly start: number;
  readonly end: number;
  readonly base: number;
  /** True when the window is the plain weekly pattern (constant offset, no exceptions). */
  readonly regular: boolean;
}

/** Business time in `[view.start, x)`, for `x` inside the window. */
export function measureBefore(view: WindowView, x: number): number {
  const rel = x - view.base;
  const k = upperBound(view.ends, rel);
  const partial = k < view.starts.length && (view.starts[k] as number) < rel ? rel - (view.starts[k] as number) : 0;
  return (view.prefix[k] as number) + partial;
}

/** The earliest `u` with business time `rem` in `[x, u)`; requires `0 < rem <= total - measureBefore(x)`. */
export function locateForward(view: WindowView, x: number, rem: number): number {
  const target = measureBefore(view, x) + rem;
  const k = lowerBound(view.prefix, target) - 1;
  return view.base + (view.starts[k] as number) + target - (view.prefix[k] as number);
}

/** The latest `u` with business time `rem` in `[u, x)`; requires `0 < rem <= measureBefore(x)`. */
export function locateBackward(view: WindowView, x: number, rem: number): number {
  const target = measureBefore(view, x) - rem;
  const i = upperBound(view.prefix, target) - 1;
  return view.base + (view.starts[i] as number) + target - (view.prefix[i] as number);
}

/** True when `x` lies inside a business interval of the window. */
export function isInside(view: WindowView, x: number): boolean {
  const rel = x - view.base;
  const k = upperBound(view.ends, rel);
  return k < view.starts.length && (view.starts[k] as number) <= rel;
}

/** The first business instant `>= x` in the window, or `undefined`. */
export function firstBusinessAtOrAfter(view: WindowView, x: number): number | undefined {
  const rel = x - view.base;
  const k = upperBound(view.ends, rel);
  if (k >= view.starts.length) return undefined;
  return view.base + Math.max(view.starts[k] as number, rel);
}

/** Appends the window's intervals clipped to `[a, b)` to `out` (flat), merging with a touching last one. */
export function appendIntervals(view: WindowView, a: number, b: number, out: number[]): void {
  const n = view.starts.length;
  for (let i = upperBound(view.ends, a - view.base); i < n; i++) {
    const s = Math.max(view.base + (view.starts[i] as number), a);
    const e = Math.min(view.base + (view.ends[i] as number), b);
    if (s >= b) break;
    if (e <= s) continue;
    const last = out.length - 1;
    if (last > 0 && (out[last] as number) === s) out[last] = e;
    else out.push(s, e);
  }
}
