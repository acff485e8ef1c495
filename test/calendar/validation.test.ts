import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from 'itsm-kit/calendar';
import {
  ALWAYS,
  CALENDAR_LIMITS,
  CalendarDefinitionSchema,
  ItsmValidationError,
  addBusinessTime,
  businessIntervals,
  businessTimeBetween,
  combineCalendars,
  createCalendar,
  isBusinessTime,
  nextBusinessTime,
} from 'itsm-kit/calendar';

const base: CalendarDefinition = { timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] } };

/** The paths of the issues `fn` throws, failing when it does not throw an ItsmValidationError. */
function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ItsmValidationError);
    return (e as ItsmValidationError).issues.map((i) => i.path);
  }
  throw new Error('expected an ItsmValidationError');
}
const bad = (def: unknown) => issuePaths(() => createCalendar(def as CalendarDefinition));

describe('createCalendar validation', () => {
  it('accepts a full definition and keeps it, frozen', () => {
    const def: CalendarDefinition = {
      ...base,
      week: { ...base.week, sat: [{ start: '22:00', end: '06:00' }], sun: [{ start: '00:00', end: '24:00' }] },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
      overrides: [{ date: '2026-12-24', hours: [{ start: '09:00', end: '13:00' }] }],
    };
    const cal = createCalendar(def);
    expect(cal.definition).toEqual(def);
    expect(Object.isFrozen(cal) && Object.isFrozen(cal.definition.week)).toBe(true);
    expect(CalendarDefinitionSchema.safeParse(def).success).toBe(true);
    const again = createCalendar(JSON.parse(JSON.stringify(cal.definition)) as CalendarDefinition);
    const at = Date.UTC(2026, 11, 23, 12);
    expect(addBusinessTime(again, at, 30 * 3_600_000)).toEqual(addBusinessTime(cal, at, 30 * 3_600_000));
  });

  it('names the bad field', () => {
    expect(bad({ ...base, timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
    expect(bad({ ...base, week: { mon: [{ start: '25:00', end: '26:00' }] } })).toEqual(['week.mon.0.start', 'week.mon.0.end']);
    expect(bad({ ...base, week: { tue: [{ start: '24:00', end: '08:00' }] } })).toEqual(['week.tue.0.start']);
    expect(bad({ ...base, week: { wed: [{ start: '9:00', end: '17:00' }] } })).toEqual(['week.wed.0.start']);
    expect(bad({ ...base, holidays: [{ date: '2026-02-30' }] })).toEqual(['holidays.0.date']);
    expect(bad({ ...base, holidays: [{ date: '2026-13-01' }] })).toEqual(['holidays.0.date']);
    expect(bad({ ...base, overrides: [{ date: '26-01-01', hours: [] }] })).toEqual(['overrides.0.date']);
    expect(bad({ ...base, week: { funday: [] } })).toEqual(['week']);
    expect(bad({ ...base, color: 'blue' })).toEqual(['']);
  });

  it('refuses a date listed twice, across holidays and overrides', () => {
    expect(bad({ ...base, holidays: [{ date: '2026-12-25' }, { date: '2026-12-25' }] })).toEqual(['holidays.1.date']);
    expect(bad({ ...base, holidays: [{ date: '2026-12-25' }], overrides: [{ date: '2026-12-25', hours: [] }] })).toEqual(['overrides.0.date']);
  });

  it('bounds the sizes', () => {
    const many = Array.from({ length: CALENDAR_LIMITS.intervalsPerDay + 1 }, () => ({ start: '09:00', end: '10:00' }));
    expect(bad({ ...base, week: { mon: many } })).toEqual(['week.mon']);
    const holidays = Array.from({ length: CALENDAR_LIMITS.holidays + 1 }, (_, i) => ({ date: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10) }));
    expect(bad({ ...base, holidays })).toEqual(['holidays']);
  });
});

describe('argument validation', () => {
  const cal = createCalendar(base);
  it('refuses bad instants and amounts with the field named', () => {
    expect(issuePaths(() => addBusinessTime(cal, Number.NaN, 1))).toEqual(['from']);
    expect(issuePaths(() => addBusinessTime(cal, new Date('nope'), 1))).toEqual(['from']);
    expect(issuePaths(() => addBusinessTime(cal, 0, Number.POSITIVE_INFINITY))).toEqual(['ms']);
    expect(issuePaths(() => addBusinessTime(cal, 0, Number.NaN))).toEqual(['ms']);
    expect(issuePaths(() => addBusinessTime(cal, 0, 1.5))).toEqual(['ms']);
    expect(issuePaths(() => addBusinessTime(cal, 0.5, 1))).toEqual(['from']);
    expect(issuePaths(() => businessTimeBetween(cal, 0, Number.POSITIVE_INFINITY))).toEqual(['to']);
    expect(issuePaths(() => businessTimeBetween(cal, 0, -200 * 366 * 86_400_000))).toEqual(['to']);
    expect(issuePaths(() => isBusinessTime(cal, '2026-01-01'))).toEqual(['at']);
    expect(issuePaths(() => nextBusinessTime(cal, undefined as never))).toEqual(['at']);
    expect(issuePaths(() => businessIntervals(cal, 0, 200 * 366 * 86_400_000))).toEqual(['to']);
  });

  it('refuses something that is not a compiled calendar', () => {
    expect(issuePaths(() => addBusinessTime(base as never, 0, 1))).toEqual(['calendar']);
    expect(issuePaths(() => combineCalendars('union', [ALWAYS, {} as never]))).toEqual(['calendars.1']);
    expect(issuePaths(() => combineCalendars('xor' as never, [ALWAYS]))).toEqual(['mode']);
    expect(issuePaths(() => combineCalendars('union', []))).toEqual(['calendars']);
  });
});
