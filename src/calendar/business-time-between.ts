import { ItsmValidationError } from '../_lib/errors';
import type { InstantInput } from '../_lib/instant';
import type { Calendar } from './calendar';
import { engineOf, instantArg } from './internal/registry';
import { HORIZON_MS } from './internal/time';

/**
 * The business time in milliseconds between `from` and `to`: the real elapsed time of `[from, to)`
 * inside business intervals; negative when `to < from`. `from` and `to` may be at most 100 years apart.
 *
 * @param cal - A calendar from `createCalendar`, `combineCalendars` or `ALWAYS`.
 * @param from - A `Date`, epoch ms or an ISO-8601 string with a zone.
 * @param to - Likewise.
 *
 * @example
 * // Mon-Fri 09:00-17:00 UTC: Friday 16:00 to Monday 10:00 is 2 business hours
 * businessTimeBetween(cal, new Date('2026-03-06T16:00:00Z'), new Date('2026-03-09T10:00:00Z')) //=> 7200000
 */
export function businessTimeBetween(cal: Calendar, from: InstantInput, to: InstantInput): number {
  const engine = engineOf(cal, 'businessTimeBetween');
  const a = instantArg(from, 'from', 'businessTimeBetween');
  const b = instantArg(to, 'to', 'businessTimeBetween');
  if (a === b) return 0;
  if (Math.abs(b - a) > HORIZON_MS) throw ItsmValidationError.at('businessTimeBetween', ['to'], 'must be at most 100 years from from');
  return a < b ? engine.measure(a, b) : -engine.measure(b, a);
}
