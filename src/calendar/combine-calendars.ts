import { ItsmValidationError } from '../_lib/errors';
import type { Calendar, CombinedCalendar, CombineMode } from './calendar';
import { CombinedEngine } from './internal/combined-engine';
import { engineOf, register } from './internal/registry';

/** At most this many calendars in one {@link combineCalendars} call. */
const MAX_COMBINED = 32;
const SUBJECT = 'combineCalendars';

/**
 * Combines calendars: `union` is business time when any of them is open (a follow-the-sun desk),
 * `intersection` when all are (the business hours of both teams). The result works with every
 * business-time function; it is slower than a single-zone calendar, its cost growing with the span.
 *
 * @param mode - `'union'` or `'intersection'`.
 * @param calendars - 1 to 32 calendars (zone calendars, `ALWAYS`, or other combined ones).
 *
 * @example
 * const desk = combineCalendars('union', [berlinDesk, chicagoDesk]);
 * addBusinessTime(desk, new Date('2026-03-02T16:00:00Z'), 4 * 3_600_000);
 */
export function combineCalendars(mode: CombineMode, calendars: readonly Calendar[]): CombinedCalendar {
  if (mode !== 'union' && mode !== 'intersection') {
    throw ItsmValidationError.at(SUBJECT, ['mode'], "must be 'union' or 'intersection'");
  }
  if (!Array.isArray(calendars) || calendars.length === 0 || calendars.length > MAX_COMBINED) {
    throw ItsmValidationError.at(SUBJECT, ['calendars'], `must be an array of 1 to ${MAX_COMBINED} calendars`);
  }
  const children = calendars.map((c, i) => engineOf(c, SUBJECT, ['calendars', i]));
  const calendar = Object.freeze({ kind: mode, calendars: Object.freeze([...calendars]) });
  return register(calendar, new CombinedEngine(mode, children));
}
