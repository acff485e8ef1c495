import type { CalendarDefinition } from './definition';
import type { CombineMode } from './internal/combined-engine';

/**
 * A compiled calendar in one time zone, made by {@link createCalendar}. Immutable; keeps the validated
 * `definition` it was made from (plain JSON, to persist and recreate it).
 *
 * @example
 * const cal: ZoneCalendar = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] } });
 * cal.definition.timeZone //=> 'Europe/Berlin'
 */
export interface ZoneCalendar {
  /** Always `'zone'`: a calendar in one time zone. */
  readonly kind: 'zone';
  /** The IANA time zone of the definition. */
  readonly timeZone: string;
  /** The validated definition, deep-frozen: plain JSON to persist and recreate the calendar. */
  readonly definition: CalendarDefinition;
}

/**
 * The union or intersection of other calendars, made by {@link combineCalendars}.
 *
 * @example
 * const desk: CombinedCalendar = combineCalendars('union', [berlin, chicago]);
 * desk.calendars.length //=> 2
 */
export interface CombinedCalendar {
  /** How the member calendars combine. */
  readonly kind: CombineMode;
  /** The member calendars, in the order given. */
  readonly calendars: readonly Calendar[];
}

/**
 * Any calendar every business-time function accepts: a {@link ZoneCalendar}, a
 * {@link CombinedCalendar}, or {@link ALWAYS}.
 *
 * @example
 * function slaDue(cal: Calendar, from: Date) { return addBusinessTime(cal, from, 8 * 3_600_000) }
 */
export type Calendar = ZoneCalendar | CombinedCalendar;

export type { CombineMode };
