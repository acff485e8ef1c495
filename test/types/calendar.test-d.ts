/** Public types of `itsm-kit/calendar`: function signatures and the calendar union. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  ALWAYS, addBusinessTime, businessIntervals, businessTimeBetween, combineCalendars, createCalendar, isBusinessTime,
  nextBusinessTime, CalendarDefinitionSchema, type BusinessInterval, type Calendar, type CalendarDefinition,
  type CombinedCalendar, type Weekday, type ZoneCalendar,
} from 'itsm-kit/calendar';
import type { InstantInput } from 'itsm-kit/models';
import type { z } from 'zod';

declare const desks: readonly Calendar[];
const berlin = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] } });

describe('itsm-kit/calendar types', () => {
  it('creates zone calendars and combines them into combined calendars', () => {
    expectTypeOf(berlin).toEqualTypeOf<ZoneCalendar>();
    expectTypeOf(berlin).toExtend<Calendar>();
    expectTypeOf(createCalendar).parameter(0).toEqualTypeOf<CalendarDefinition>();
    expectTypeOf<CalendarDefinition>().toEqualTypeOf<z.infer<typeof CalendarDefinitionSchema>>();
    const desk = combineCalendars('union', [berlin, ALWAYS]);
    expectTypeOf(desk).toEqualTypeOf<CombinedCalendar>();
    expectTypeOf(desk.calendars).toEqualTypeOf<readonly Calendar[]>();
    expectTypeOf(combineCalendars).parameter(0).toEqualTypeOf<'union' | 'intersection'>();
    // @ts-expect-error only union and intersection exist
    combineCalendars('xor', [berlin]);
  });

  it('narrows a Calendar on kind', () => {
    const cal = desks[0]!;
    if (cal.kind === 'zone') expectTypeOf(cal.timeZone).toBeString();
    else expectTypeOf(cal.calendars).toEqualTypeOf<readonly Calendar[]>();
  });

  it('takes any instant input and returns Dates, numbers and booleans', () => {
    expectTypeOf(addBusinessTime).parameters.toEqualTypeOf<[Calendar, InstantInput, number]>();
    expectTypeOf(addBusinessTime(berlin, 0, 1)).toEqualTypeOf<Date>();
    expectTypeOf(nextBusinessTime(berlin, '2026-11-23T08:00:00Z')).toEqualTypeOf<Date>();
    expectTypeOf(businessTimeBetween(berlin, new Date(0), 1)).toEqualTypeOf<number>();
    expectTypeOf(isBusinessTime(berlin, 0)).toEqualTypeOf<boolean>();
    expectTypeOf(businessIntervals(berlin, 0, 1)).toEqualTypeOf<BusinessInterval[]>();
    expectTypeOf<InstantInput>().toEqualTypeOf<Date | number | string>();
    // @ts-expect-error a duration is a number of milliseconds, not an ISO duration
    addBusinessTime(berlin, 0, 'PT1H');
    // @ts-expect-error a calendar is required, not its definition
    isBusinessTime({ timeZone: 'UTC' }, 0);
  });

  it('checks definitions at compile time where it can', () => {
    expectTypeOf<Weekday>().toEqualTypeOf<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>();
    // @ts-expect-error the time zone is required
    createCalendar({ week: {} });
    // @ts-expect-error an interval is { start, end }, not a tuple
    createCalendar({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } });
    // @ts-expect-error there is no day called 'monday'
    createCalendar({ timeZone: 'UTC', week: { monday: [] } });
  });
});
