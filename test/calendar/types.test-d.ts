import { describe, expectTypeOf, it } from 'vitest';
import type { BusinessInterval, Calendar, CalendarDefinition, CombinedCalendar, ZoneCalendar } from 'itsm-kit/calendar';
import { ALWAYS, addBusinessTime, businessIntervals, businessTimeBetween, combineCalendars, createCalendar, isBusinessTime, nextBusinessTime } from 'itsm-kit/calendar';

describe('calendar types', () => {
  it('has the contract signatures', () => {
    expectTypeOf(createCalendar).parameter(0).toEqualTypeOf<CalendarDefinition>();
    expectTypeOf(createCalendar).returns.toEqualTypeOf<ZoneCalendar>();
    expectTypeOf(addBusinessTime).returns.toEqualTypeOf<Date>();
    expectTypeOf(businessTimeBetween).returns.toEqualTypeOf<number>();
    expectTypeOf(isBusinessTime).returns.toEqualTypeOf<boolean>();
    expectTypeOf(nextBusinessTime).returns.toEqualTypeOf<Date>();
    expectTypeOf(businessIntervals).returns.toEqualTypeOf<BusinessInterval[]>();
    expectTypeOf(combineCalendars).returns.toEqualTypeOf<CombinedCalendar>();
    expectTypeOf(ALWAYS).toMatchTypeOf<Calendar>();
  });

  it('refuses a misspelt weekday or a non-calendar at compile time', () => {
    // @ts-expect-error: 'monday' is not a weekday key
    createCalendar({ timeZone: 'UTC', week: { monday: [] } });
    // @ts-expect-error: a definition is not a compiled calendar
    addBusinessTime({ timeZone: 'UTC', week: {} }, 0, 1);
  });
});
