import type { CalendarDefinition } from '../calendar/definition';
import { businessIntervals } from '../calendar/business-intervals';
import { createCalendar } from '../calendar/create-calendar';
import { isBusinessTime } from '../calendar/is-business-time';
import type { ScheduleFactory } from './maintenance';

/** How far ahead to look for the end of a recurring window's current interval. */
const LOOKAHEAD_MS = 32 * 86_400_000;

/**
 * Recurring maintenance from an itsm-kit calendar: active during the calendar's business time, until
 * the end of the current business interval.
 */
export const calendarSchedule: ScheduleFactory = (definition) => {
  const cal = createCalendar(definition as CalendarDefinition);
  return (t) => {
    if (!isBusinessTime(cal, t)) return null;
    const current = businessIntervals(cal, t, t + LOOKAHEAD_MS)[0];
    return current ? current.end.getTime() : t + LOOKAHEAD_MS;
  };
};
