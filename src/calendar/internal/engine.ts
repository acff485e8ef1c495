/**
 * What every compiled calendar can answer, on epoch milliseconds. The public functions validate their
 * inputs and delegate here; `Calendar` objects map to their engine through a private WeakMap.
 */
import { ItsmRangeError } from '../../_lib/errors';

/** The operations of a compiled calendar (all instants in epoch ms, all amounts in ms). */
export interface Engine {
  /** False when the calendar has no business time at all. */
  readonly hasHours: boolean;
  /** Business time in `[a, b)`, for `a <= b`. */
  measure(a: number, b: number): number;
  /** The earliest `u >= t` with `measure(t, u) === ms`, for `ms > 0`. */
  forward(t: number, ms: number): number;
  /** The latest `u <= t` with `measure(u, t) === ms`, for `ms > 0`. */
  backward(t: number, ms: number): number;
  /** True when `t` lies inside a business interval. */
  isBusiness(t: number): boolean;
  /** The first business instant `>= t`. */
  nextStart(t: number): number;
  /** Merged business intervals clipped to `[a, b)`, flat `[s0, e0, s1, e1, ...]`. */
  intervals(a: number, b: number): number[];
}

/** The error thrown when a search passes the 100-year horizon. */
export function unreachable(what: string): ItsmRangeError {
  return new ItsmRangeError(`${what} cannot be reached within 100 years on this calendar`);
}

/** The error thrown when a calendar has no business time at all. */
export function noBusinessTime(): ItsmRangeError {
  return new ItsmRangeError('the calendar has no business time at all (no weekly hours and no override with hours)');
}
