import type { InstantInput } from '../_lib/instant';
import type { Calendar } from './calendar';
import { noBusinessTime } from './internal/engine';
import { engineOf, instantArg } from './internal/registry';

/**
 * `at` itself when it is business time, otherwise the start of the next business interval. Throws
 * `ItsmRangeError` when there is none within 100 years.
 *
 * @param cal - A calendar from `createCalendar`, `combineCalendars` or `ALWAYS`.
 * @param at - A `Date`, epoch ms or an ISO-8601 string with a zone.
 *
 * @example
 * // Mon-Fri 09:00-17:00 UTC: Saturday noon -> Monday 09:00
 * nextBusinessTime(cal, new Date('2026-03-07T12:00:00Z')) //=> 2026-03-09T09:00:00.000Z
 */
export function nextBusinessTime(cal: Calendar, at: InstantInput): Date {
  const engine = engineOf(cal, 'nextBusinessTime');
  const t = instantArg(at, 'at', 'nextBusinessTime');
  if (!engine.hasHours) throw noBusinessTime();
  return new Date(engine.nextStart(t));
}
