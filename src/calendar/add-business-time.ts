import type { InstantInput } from '../_lib/instant';
import type { Calendar } from './calendar';
import { noBusinessTime } from './internal/engine';
import { durationArg, engineOf, instantArg } from './internal/registry';

/**
 * Adds `ms` milliseconds of business time to `from`. With `ms >= 0` it returns the earliest instant `u
 * >= from` with `businessTimeBetween(cal, from, u) === ms` (a sum that runs out exactly at an interval's
 * end returns that end); with `ms < 0` the latest `u <= from` with `businessTimeBetween(cal, u, from)
 * === -ms`. Throws `ItsmRangeError` when the calendar has no business time or the sum cannot be reached
 * within 100 years, and `ItsmValidationError` for a bad `from` or `ms` (NaN, infinite, fractional).
 *
 * @param cal - A calendar from `createCalendar`, `combineCalendars` or `ALWAYS`.
 * @param from - The start: a `Date`, epoch ms or an ISO-8601 string with a zone.
 * @param ms - Business milliseconds to add (negative goes backwards), a whole number.
 *
 * @example
 * // Mon-Fri 09:00-17:00 in Berlin: Friday 16:00 + 2 business hours is Monday 10:00
 * addBusinessTime(cal, new Date('2026-03-06T15:00:00Z'), 2 * 3_600_000) //=> 2026-03-09T09:00:00.000Z
 */
export function addBusinessTime(cal: Calendar, from: InstantInput, ms: number): Date {
  const engine = engineOf(cal, 'addBusinessTime');
  const t = instantArg(from, 'from', 'addBusinessTime');
  const amount = durationArg(ms, 'ms', 'addBusinessTime');
  if (amount === 0) return new Date(t);
  if (!engine.hasHours) throw noBusinessTime();
  return new Date(amount > 0 ? engine.forward(t, amount) : engine.backward(t, -amount));
}
