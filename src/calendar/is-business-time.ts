import type { InstantInput } from '../_lib/instant';
import type { Calendar } from './calendar';
import { engineOf, instantArg } from './internal/registry';

/**
 * True when `at` lies inside a business interval (intervals are half-open: a start is inside, an end is
 * not).
 *
 * @param cal - A calendar from `createCalendar`, `combineCalendars` or `ALWAYS`.
 * @param at - A `Date`, epoch ms or an ISO-8601 string with a zone.
 *
 * @example
 * isBusinessTime(cal, new Date('2026-03-09T09:00:00Z')) //=> true (Monday 09:00 UTC on Mon-Fri 09-17)
 */
export function isBusinessTime(cal: Calendar, at: InstantInput): boolean {
  const engine = engineOf(cal, 'isBusinessTime');
  return engine.isBusiness(instantArg(at, 'at', 'isBusinessTime'));
}
