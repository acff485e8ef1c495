/**
 * The time axis of the SVG timeline (internal): a linear scale, tick steps and wall-clock labels in a
 * time zone. Labels come from `Intl.DateTimeFormat` parts, assembled by hand so that they do not
 * depend on the runtime's locale data beyond the numbers themselves.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
const WEEKDAYS: Readonly<Record<string, string>> = { Mon: 'Mon', Tue: 'Tue', Wed: 'Wed', Thu: 'Thu', Fri: 'Fri', Sat: 'Sat', Sun: 'Sun' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Wall-clock fields of an instant in a zone. */
interface WallClock {
  readonly weekday: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of formatterFor(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? '',
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `Mon 08:00` (with the date, `Mon 23 Nov 08:00`, when `withDate`). */
export function formatWallTime(ms: number, timeZone: string, withDate = false): string {
  const w = wallClock(ms, timeZone);
  const date = withDate ? ` ${w.day} ${MONTHS[w.month - 1] ?? ''}` : '';
  return `${w.weekday}${date} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** `Mon 23 Nov`. */
export function formatWallDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.weekday} ${w.day} ${MONTHS[w.month - 1] ?? ''}`;
}

/** The zone's offset from UTC at `ms`, in ms (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const floored = Math.floor(ms / MINUTE) * MINUTE;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - floored;
}

/** One tick of the axis. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/**
 * Ticks at round local times (multiples of the step in the zone's wall clock at `from`), at most
 * about `maxTicks` of them, labelled with the weekday and time (or the date for steps of a day or more).
 */
export function axisTicks(from: number, to: number, timeZone: string, maxTicks: number): Tick[] {
  const span = to - from;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? (STEPS[STEPS.length - 1] as number);
  const offset = offsetAt(from, timeZone);
  // Day steps and longer start on a Monday (1970-01-05 was one) when the step is a week or more.
  const anchor = step >= 7 * DAY ? 4 * DAY : 0;
  let t = Math.ceil((from + offset - anchor) / step) * step + anchor - offset;
  const ticks: Tick[] = [];
  for (; t <= to && ticks.length <= 2 * maxTicks; t += step) {
    ticks.push({ at: t, label: step >= DAY ? formatWallDate(t, timeZone) : formatWallTime(t, timeZone) });
  }
  return ticks;
}

/** Maps instants onto x coordinates: `from` to `left`, `to` to `left + width`. */
export function linearScale(from: number, to: number, left: number, width: number): (ms: number) => number {
  const k = width / (to - from);
  return (ms) => left + (ms - from) * k;
}
