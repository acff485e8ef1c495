/**
 * A calendar definition compiled into local wall-clock milliseconds: each weekday's intervals, the
 * holiday/override exceptions by day number, and the weekly pattern folded onto one week (for weeks with
 * a constant UTC offset and no exceptions, where business time repeats exactly every 7 days).
 */
import type { BusinessHours, CalendarDefinition } from '../definition';
import { WEEKDAYS } from '../definition';
import { DAY_MS, MINUTE_MS, WEEK_MS, dayNumberOf, mergeIntervals, minutesOf } from './time';

/** Business intervals of a week as `[starts[i], ends[i])`, relative to Monday 00:00, with prefix sums. */
export interface WeekPattern {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** `prefix[i]` is the business time before interval `i`; `prefix[n]` the weekly total. */
  readonly prefix: Float64Array;
  readonly total: number;
}

/** Compiled hours of a calendar definition, all in local wall-clock milliseconds. */
export interface LocalHours {
  /** Per weekday (0 = Monday): flat `[start, end, ...]` relative to that day's midnight; ends may pass it. */
  readonly weekdays: readonly (readonly number[])[];
  /** Day numbers (days since 1970-01-01) of holidays and overrides, ascending. */
  readonly exceptionDays: Float64Array;
  /** Day number -> flat `[start, end, ...]` relative to that day's midnight (empty for a holiday). */
  readonly exceptions: ReadonlyMap<number, readonly number[]>;
  readonly pattern: WeekPattern;
  /** False when no weekday and no override has any hours: no business time at all. */
  readonly hasHours: boolean;
}

/** Weekday index (0 = Monday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function dayIntervals(hours: readonly BusinessHours[]): number[] {
  const flat: number[] = [];
  for (const h of hours) {
    const start = minutesOf(h.start);
    let end = minutesOf(h.end);
    if (end <= start) end += 1440;
    flat.push(start * MINUTE_MS, end * MINUTE_MS);
  }
  return flat;
}

/** Intervals with prefix sums from flat, sorted, disjoint `[start, end, ...]`. */
export function patternOf(merged: readonly number[]): WeekPattern {
  const n = merged.length / 2;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    starts[i] = merged[2 * i] as number;
    ends[i] = merged[2 * i + 1] as number;
    prefix[i + 1] = (prefix[i] as number) + (ends[i] as number) - (starts[i] as number);
  }
  return { starts, ends, prefix, total: prefix[n] as number };
}

/** Builds a {@link WeekPattern} from flat intervals that may run past the end of the week. */
export function weekPatternOf(flat: readonly number[]): WeekPattern {
  const folded: number[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const s = flat[i] as number;
    const e = flat[i + 1] as number;
    if (e <= WEEK_MS) folded.push(s, e);
    else folded.push(s, WEEK_MS, 0, e - WEEK_MS);
  }
  return patternOf(mergeIntervals(folded));
}

/** Compiles a validated definition. */
export function compileLocalHours(definition: CalendarDefinition): LocalHours {
  const weekdays = WEEKDAYS.map((day) => dayIntervals(definition.week[day] ?? []));
  const exceptions = new Map<number, number[]>();
  for (const h of definition.holidays ?? []) exceptions.set(dayNumberOf(h.date), []);
  for (const o of definition.overrides ?? []) exceptions.set(dayNumberOf(o.date), dayIntervals(o.hours));
  const exceptionDays = Float64Array.from([...exceptions.keys()].sort((a, b) => a - b));
  const weekFlat: number[] = [];
  weekdays.forEach((flat, i) => flat.forEach((v) => weekFlat.push(v + i * DAY_MS)));
  const pattern = weekPatternOf(weekFlat);
  const hasHours = pattern.total > 0 || [...exceptions.values()].some((flat) => flat.length > 0);
  return { weekdays, exceptionDays, exceptions, pattern, hasHours };
}

/** The local intervals (flat, relative to midnight) of day number `day`. */
export function hoursOnDay(hours: LocalHours, day: number): readonly number[] {
  return hours.exceptions.get(day) ?? (hours.weekdays[weekdayOf(day)] as readonly number[]);
}
