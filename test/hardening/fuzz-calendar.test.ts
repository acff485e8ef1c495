import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  ALWAYS, addBusinessTime, businessIntervals, businessTimeBetween, combineCalendars, createCalendar, isBusinessTime, nextBusinessTime,
  type CalendarDefinition,
} from 'itsm-kit/calendar';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, hostileInstant, hostileMs } from './fuzz-harness';

const weekdays = [{ start: '09:00', end: '17:00' }];
const definition: CalendarDefinition = {
  timeZone: 'Europe/Berlin',
  week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: [{ start: '22:00', end: '06:00' }] },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
  overrides: [{ date: '2026-12-24', hours: [{ start: '09:00', end: '12:00' }] }],
};
const berlin = createCalendar(definition);
const closedMostly = createCalendar({ timeZone: 'Pacific/Kiritimati', week: { sun: [{ start: '23:59', end: '24:00' }] } });
const calendars = fc.constantFrom(berlin, closedMostly, ALWAYS, combineCalendars('union', [berlin, closedMostly]), combineCalendars('intersection', [berlin, ALWAYS]));
const RUNS = 40;

describe('fuzzing the calendar', () => {
  it('createCalendar survives hostile definitions, deep hostile fields, duplicate dates and big values', () => {
    fuzzEachArgument(createCalendar, [definition], RUNS);
    fuzzBigValues(createCalendar, [definition]);
    fuzzCall(createCalendar, [fc.constant({ ...definition, holidays: [{ date: '2026-12-25' }, { date: '2026-12-25' }], overrides: [{ date: '2026-12-25', hours: [] }] })], 1);
  });

  it('combineCalendars survives hostile modes and lists', () => {
    fuzzCall(combineCalendars, [fc.oneof(fc.constantFrom('union', 'intersection'), hostileValue), fc.oneof(hostileValue, fc.array(calendars, { maxLength: 40 }))], RUNS);
  });

  it('addBusinessTime survives hostile instants and durations', () => {
    fuzzCall(addBusinessTime, [calendars, hostileInstant, hostileMs], RUNS * 3);
  });

  it('businessTimeBetween, businessIntervals survive hostile and reversed instants', () => {
    fuzzCall(businessTimeBetween, [calendars, hostileInstant, hostileInstant], RUNS * 2);
    fuzzCall(businessIntervals, [calendars, hostileInstant, hostileInstant], RUNS * 2);
  });

  it('isBusinessTime, nextBusinessTime survive hostile instants', () => {
    fuzzCall(isBusinessTime, [calendars, hostileInstant], RUNS * 2);
    fuzzCall(nextBusinessTime, [calendars, hostileInstant], RUNS * 2);
  });
});
