import { addBusinessTime } from '../add-business-time';
import { businessTimeBetween } from '../business-time-between';
import type { Calendar } from '../calendar';
import { engineOf } from './registry';
import { HORIZON_MS, MAX_INSTANT_MS } from './time';

/**
 * `businessTimeBetween` and `addBusinessTime` on epoch milliseconds for a calendar resolved once, for
 * engines inside this package that call them in a loop (the SLA clock). The common case (whole
 * milliseconds, forward, within the horizon) goes straight to the engine, skipping the lookup, the
 * argument checks and the `Date`; anything else falls back to the public functions, so answers and
 * errors are exactly theirs.
 */
export interface TrustedCalendarOps {
  /** `businessTimeBetween(calendar, a, b)`. */
  between(a: number, b: number): number;
  /** `addBusinessTime(calendar, t, ms).getTime()`. */
  add(t: number, ms: number): number;
}

/** The {@link TrustedCalendarOps} of a calendar made by `createCalendar` or `combineCalendars`. */
export function trustedOps(calendar: Calendar): TrustedCalendarOps {
  const engine = engineOf(calendar, 'calendar');
  return {
    between(a, b) {
      if (a < b && b - a <= HORIZON_MS && inRange(a) && inRange(b)) return engine.measure(a, b);
      return businessTimeBetween(calendar, a, b);
    },
    add(t, ms) {
      if (ms > 0 && ms <= HORIZON_MS && engine.hasHours && inRange(t) && Number.isInteger(ms)) return engine.forward(t, ms);
      return addBusinessTime(calendar, t, ms).getTime();
    },
  };
}

/** A whole millisecond within the `Date` range. */
function inRange(t: number): boolean {
  return Number.isInteger(t) && Math.abs(t) <= MAX_INSTANT_MS;
}
