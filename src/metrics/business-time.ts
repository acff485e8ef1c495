import { businessTimeBetween, type Calendar } from '../calendar';
import { ItsmValidationError } from '../_lib/errors';

/**
 * Anything that measures business time between two instants in milliseconds: a calendar adapter, or a
 * host's own service-hours function. `businessTimeBetween(from, to)` must return the business
 * milliseconds in `[from, to)` (0 when `to <= from` is not required; only `to >= from` is asked).
 *
 * @example
 * const weekdays: BusinessTimeSource = { businessTimeBetween: (from, to) => to - from };
 */
export interface BusinessTimeSource {
  /** Business milliseconds in `[from, to)`, for epoch-millisecond instants with `to >= from`. */
  businessTimeBetween(from: number, to: number): number;
}

/**
 * A business-time option: a calendar from `itsm-kit/calendar` (`createCalendar`, `combineCalendars`,
 * `ALWAYS`), or any {@link BusinessTimeSource}. Metrics count elapsed wall-clock time without one.
 *
 * @example
 * const berlin: BusinessTimeOption = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] } });
 * const custom: BusinessTimeOption = { businessTimeBetween: (a, b) => b - a };
 */
export type BusinessTimeOption = Calendar | BusinessTimeSource;

/** Measures `[from, to)` in milliseconds: wall-clock, or business time on the given source. */
export type Measure = (fromMs: number, toMs: number) => number;

const wallClock: Measure = (fromMs, toMs) => toMs - fromMs;

/** The measuring function for an optional business-time option (validated; internal). */
export function measureFor(option: unknown, field: string, subject: string): Measure {
  if (option === undefined) return wallClock;
  if (typeof option === 'object' && option !== null && Object.hasOwn(option, 'kind')) {
    const cal = option as Calendar;
    try {
      businessTimeBetween(cal, 0, 0); // validates the calendar once, up front
    } catch {
      throw ItsmValidationError.at(subject, [field], 'must be a calendar made by createCalendar or combineCalendars');
    }
    return (fromMs, toMs) => businessTimeBetween(cal, fromMs, toMs);
  }
  if (typeof option === 'object' && option !== null) {
    const fn = (option as { businessTimeBetween?: unknown }).businessTimeBetween;
    if (typeof fn === 'function') {
      return (fromMs, toMs) => {
        const ms = (fn as (a: number, b: number) => unknown).call(option, fromMs, toMs);
        if (typeof ms !== 'number' || !Number.isFinite(ms)) {
          throw ItsmValidationError.at(subject, [field], 'businessTimeBetween returned a value that is not a finite number');
        }
        return ms;
      };
    }
  }
  throw ItsmValidationError.at(subject, [field], 'must be a calendar or an object with businessTimeBetween(from, to)');
}
