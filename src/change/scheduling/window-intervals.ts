import { businessIntervals, createCalendar } from '../../calendar';
import type { Interval } from './intervals';
import { mergeIntervals } from './intervals';
import type { BlackoutWindow, MaintenanceWindow } from './windows';

/** A validated window ready to answer "when are you open within this range?". */
export interface CompiledWindow {
  readonly id: string;
  readonly ciIds: readonly string[];
  /** The window's merged intervals clipped to `range`. */
  intervalsIn(range: Interval): Interval[];
}

/** Compiles a fixed window to its one interval, a recurring one to its calendar's business time. */
export function compileWindow(window: BlackoutWindow | MaintenanceWindow): CompiledWindow {
  const ciIds = window.ciIds ?? [];
  if (window.calendar === undefined) {
    const fixed = { start: Date.parse(window.start!), end: Date.parse(window.end!) };
    return { id: window.id, ciIds, intervalsIn: (range) => clip([fixed], range) };
  }
  const calendar = createCalendar(window.calendar);
  return {
    id: window.id,
    ciIds,
    intervalsIn: (range) =>
      range.end <= range.start
        ? []
        : clip(
            businessIntervals(calendar, range.start, range.end).map((i) => ({ start: i.start.getTime(), end: i.end.getTime() })),
            range,
          ),
  };
}

/** The merged union of several windows' intervals within `range`. */
export function unionIn(windows: readonly CompiledWindow[], range: Interval): Interval[] {
  return mergeIntervals(windows.flatMap((w) => w.intervalsIn(range)));
}

function clip(intervals: readonly Interval[], range: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start, range.start);
    const end = Math.min(i.end, range.end);
    if (start < end) out.push({ start, end });
  }
  return mergeIntervals(out);
}
