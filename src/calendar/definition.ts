import { z } from 'zod';

/**
 * Size limits of a {@link CalendarDefinition}; documented in docs/guides/calendars.md ("Limits").
 *
 * @example
 * CALENDAR_LIMITS.intervalsPerDay //=> 16
 */
export const CALENDAR_LIMITS = {
  /** Intervals on one weekday or one override date. */
  intervalsPerDay: 16,
  /** Entries in `holidays`. */
  holidays: 10_000,
  /** Entries in `overrides`. */
  overrides: 10_000,
  /** Characters of a holiday name. */
  nameLength: 512,
  /** Characters of a time zone name. */
  timeZoneLength: 64,
  /** Earliest year of a holiday or override date. */
  firstYear: 1900,
  /** Latest year of a holiday or override date. */
  lastYear: 2999,
} as const;

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const YYYY_MM_DD = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (y < CALENDAR_LIMITS.firstYear || y > CALENDAR_LIMITS.lastYear || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A local wall-clock time `HH:mm` from `00:00` to `23:59`.
 *
 * @example
 * WallTimeSchema.parse('08:30') //=> '08:30'
 */
export const WallTimeSchema = z.string().regex(HH_MM, 'must be a time HH:mm from 00:00 to 23:59');

/**
 * One interval of business hours on a date, in local wall-clock time. `end` may be `24:00`; an `end`
 * at or before `start` runs past midnight into the next day (`22:00`-`06:00`; `00:00`-`00:00` is a
 * whole day).
 *
 * @example
 * BusinessHoursSchema.parse({ start: '08:00', end: '12:00' })
 */
export const BusinessHoursSchema = z.strictObject({
  start: WallTimeSchema,
  end: z.union([WallTimeSchema, z.literal('24:00')], { error: 'must be a time HH:mm from 00:00 to 24:00' }),
});

/**
 * The business hours of one day: at most 16 intervals.
 *
 * @example
 * DayHoursSchema.parse([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }])
 */
export const DayHoursSchema = z
  .array(BusinessHoursSchema)
  .max(CALENDAR_LIMITS.intervalsPerDay, `at most ${CALENDAR_LIMITS.intervalsPerDay} intervals per day`);

/**
 * A calendar date `YYYY-MM-DD` that exists (no `2026-02-30`), between the years 1900 and 2999.
 *
 * @example
 * CalendarDateSchema.parse('2026-12-25') //=> '2026-12-25'
 */
export const CalendarDateSchema = z
  .string()
  .regex(YYYY_MM_DD, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'must be a date that exists, in the years 1900 to 2999');

/**
 * An IANA time zone name the runtime knows (`Europe/Berlin`, `Asia/Kolkata`, `UTC`).
 *
 * @example
 * TimeZoneSchema.parse('Australia/Lord_Howe')
 */
export const TimeZoneSchema = z
  .string()
  .min(1, { message: 'must not be empty', abort: true })
  .max(CALENDAR_LIMITS.timeZoneLength, { message: `at most ${CALENDAR_LIMITS.timeZoneLength} characters`, abort: true })
  .refine(isTimeZone, { message: 'unknown time zone', params: { code: 'unknown_time_zone' } });

/**
 * The weekly business hours: `mon` to `sun`; a missing day is closed.
 *
 * @example
 * WeekHoursSchema.parse({ mon: [{ start: '09:00', end: '17:00' }] })
 */
export const WeekHoursSchema = z.strictObject({
  mon: DayHoursSchema.optional(),
  tue: DayHoursSchema.optional(),
  wed: DayHoursSchema.optional(),
  thu: DayHoursSchema.optional(),
  fri: DayHoursSchema.optional(),
  sat: DayHoursSchema.optional(),
  sun: DayHoursSchema.optional(),
});

/**
 * A date on which the whole day is closed.
 *
 * @example
 * HolidaySchema.parse({ date: '2026-12-25', name: 'Christmas Day' })
 */
export const HolidaySchema = z.strictObject({
  date: CalendarDateSchema,
  name: z.string().max(CALENDAR_LIMITS.nameLength, `at most ${CALENDAR_LIMITS.nameLength} characters`).optional(),
});

/**
 * A date whose business hours replace the weekly ones (`hours: []` closes it, like a holiday).
 *
 * @example
 * OverrideSchema.parse({ date: '2026-12-24', hours: [{ start: '09:00', end: '13:00' }] })
 */
export const OverrideSchema = z.strictObject({
  date: CalendarDateSchema,
  hours: DayHoursSchema,
});

interface DatedLists {
  holidays?: ReadonlyArray<{ date: string }> | undefined;
  overrides?: ReadonlyArray<{ date: string }> | undefined;
}

function addDuplicateDateIssues(value: DatedLists, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'overrides'] as const) {
    const items = value[list] ?? [];
    items.forEach((item, i) => {
      const first = seen.get(item.date);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', input: item.date, path: [list, i, 'date'], message: `duplicate date ${item.date} (also ${first})` });
      } else {
        seen.set(item.date, `${list}.${i}`);
      }
    });
  }
}

/**
 * A business calendar as plain JSON: a time zone, weekly hours, holidays and per-date overrides. Unknown
 * fields are rejected; each date may appear once across `holidays` and `overrides`.
 *
 * @example
 * CalendarDefinitionSchema.parse({
 *   timeZone: 'Europe/Berlin',
 *   week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }] },
 *   holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
 * });
 */
export const CalendarDefinitionSchema = z
  .strictObject({
    timeZone: TimeZoneSchema,
    week: WeekHoursSchema,
    holidays: z.array(HolidaySchema).max(CALENDAR_LIMITS.holidays, `at most ${CALENDAR_LIMITS.holidays} holidays`).optional(),
    overrides: z.array(OverrideSchema).max(CALENDAR_LIMITS.overrides, `at most ${CALENDAR_LIMITS.overrides} overrides`).optional(),
  })
  .superRefine(addDuplicateDateIssues);

/**
 * A business calendar definition (plain JSON); see {@link CalendarDefinitionSchema}.
 *
 * @example
 * const def: CalendarDefinition = { timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '17:00' }] } };
 */
export type CalendarDefinition = z.infer<typeof CalendarDefinitionSchema>;

/**
 * One interval of business hours in a {@link CalendarDefinition}.
 *
 * @example
 * const h: BusinessHours = { start: '22:00', end: '06:00' };
 */
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

/**
 * The weekday keys of {@link CalendarDefinition}'s `week`, Monday first.
 *
 * @example
 * WEEKDAYS[0] //=> 'mon'
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A weekday key, `mon` to `sun`.
 *
 * @example
 * const day: Weekday = 'sat';
 */
export type Weekday = (typeof WEEKDAYS)[number];
