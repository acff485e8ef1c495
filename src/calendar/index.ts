/**
 * Business calendars: exact business-time arithmetic across time zones, DST, holidays, overrides and
 * overnight shifts. Define a calendar as plain JSON, compile it with `createCalendar`, then add and
 * measure business time in real elapsed milliseconds. See docs/guides/calendars.md.
 *
 * @module calendar
 */
export {
  CalendarDefinitionSchema,
  BusinessHoursSchema,
  DayHoursSchema,
  WeekHoursSchema,
  HolidaySchema,
  OverrideSchema,
  WallTimeSchema,
  CalendarDateSchema,
  TimeZoneSchema,
  CALENDAR_LIMITS,
  WEEKDAYS,
  type CalendarDefinition,
  type BusinessHours,
  type Weekday,
} from './definition';
export type { Calendar, ZoneCalendar, CombinedCalendar, CombineMode } from './calendar';
export { createCalendar } from './create-calendar';
export { combineCalendars } from './combine-calendars';
export { ALWAYS } from './always';
export { addBusinessTime } from './add-business-time';
export { businessTimeBetween } from './business-time-between';
export { isBusinessTime } from './is-business-time';
export { nextBusinessTime } from './next-business-time';
export { businessIntervals, type BusinessInterval } from './business-intervals';
export { ItsmError, ItsmRangeError, ItsmValidationError, type ValidationIssue } from '../_lib/errors';
export type { InstantInput } from '../_lib/instant';
