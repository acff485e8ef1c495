/**
 * A slow, obviously-correct business calendar to check the fast engine against. It shares no code with
 * src/: it reads offsets from `Intl.DateTimeFormat#formatToParts`, lays out every date's intervals in
 * the zone (Temporal's `compatible` conversion, written out), merges them and walks them linearly.
 */
import type { CalendarDefinition } from 'itsm-kit/calendar';

const DAY = 86_400_000;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** The reference gives up after this many days (the engine's horizon is 100 years; tests stay far below). */
const SEARCH_DAYS = 4 * 366;

export type Interval = readonly [number, number];

function hhmm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return ((h as number) * 60 + (m as number)) * 60_000;
}

/** Walks any source of merged, clipped intervals linearly: measure, add, next. */
export abstract class ReferenceWalker {
  /** All business intervals meeting `[a, b)`, merged and clipped. */
  abstract intervals(a: number, b: number): Interval[];

  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    return this.intervals(a, b).reduce((sum, [s, e]) => sum + (e - s), 0);
  }

  isBusiness(t: number): boolean {
    return this.intervals(t, t + 1).length > 0;
  }

  next(t: number): number {
    for (let days = 8; days <= SEARCH_DAYS; days *= 2) {
      const found = this.intervals(t, t + days * DAY)[0];
      if (found) return found[0];
    }
    throw new Error('reference: no business time found');
  }

  add(t: number, ms: number): number {
    if (ms === 0) return t;
    for (let days = 8; days <= SEARCH_DAYS; days *= 2) {
      let rem = Math.abs(ms);
      const list = ms > 0 ? this.intervals(t, t + days * DAY) : this.intervals(t - days * DAY, t).reverse();
      for (const [s, e] of list) {
        if (rem <= e - s) return ms > 0 ? s + rem : e - rem;
        rem -= e - s;
      }
    }
    throw new Error('reference: sum not reached');
  }
}

/** Sorts, then merges touching or overlapping intervals. */
export function mergeAll(all: Interval[]): Interval[] {
  const sorted = [...all].sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Union or intersection of other walkers, cutting time at every endpoint of their interval lists. */
export class ReferenceCombination extends ReferenceWalker {
  constructor(
    private readonly mode: 'union' | 'intersection',
    private readonly parts: readonly ReferenceWalker[],
  ) {
    super();
  }

  intervals(a: number, b: number): Interval[] {
    const lists = this.parts.map((p) => p.intervals(a, b));
    if (this.mode === 'union') return mergeAll(lists.flat());
    // an instant is inside the intersection when it is inside every list: test each candidate piece
    const cuts = [...new Set(lists.flat(2))].sort((x, y) => x - y);
    const pieces: Interval[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const s = cuts[i] as number;
      const e = cuts[i + 1] as number;
      if (lists.every((list) => list.some(([ls, le]) => ls <= s && e <= le))) pieces.push([s, e]);
    }
    return mergeAll(pieces);
  }
}

export class ReferenceCalendar extends ReferenceWalker {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly days = new Map<number, Interval[]>();
  private readonly exceptions = new Map<number, Array<{ start: string; end: string }>>();

  constructor(private readonly def: CalendarDefinition) {
    super();
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: def.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    for (const h of def.holidays ?? []) this.exceptions.set(Date.parse(`${h.date}T00:00:00Z`) / DAY, []);
    for (const o of def.overrides ?? []) this.exceptions.set(Date.parse(`${o.date}T00:00:00Z`) / DAY, o.hours);
  }

  /** Offset (wall minus UTC, ms) at an instant, from the zone's printed wall-clock time. */
  offset(ms: number): number {
    const parts: Record<string, number> = {};
    for (const p of this.formatter.formatToParts(new Date(ms))) parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day as number, parts.hour as number, parts.minute as number, parts.second as number);
    return wall - Math.floor(ms / 1000) * 1000;
  }

  /** Temporal `compatible`: earlier instant when ambiguous, shifted forward by the gap when skipped. */
  instantOf(local: number): number {
    const before = this.offset(local - DAY);
    const after = this.offset(local + DAY);
    const candidates = [local - before, local - after].filter((u) => u + this.offset(u) === local);
    if (candidates.length > 0) return Math.min(...candidates);
    return local - before;
  }

  /** Intervals (instants) of the intervals that start on local date `day` (days since 1970-01-01). */
  dayIntervals(day: number): Interval[] {
    let cached = this.days.get(day);
    if (cached) return cached;
    const weekday = WEEKDAY_KEYS[new Date(day * DAY).getUTCDay()] as (typeof WEEKDAY_KEYS)[number];
    const hours = this.exceptions.get(day) ?? this.def.week[weekday] ?? [];
    cached = [];
    for (const h of hours) {
      const start = hhmm(h.start);
      const end = hhmm(h.end) <= start ? hhmm(h.end) + DAY : hhmm(h.end);
      const s = this.instantOf(day * DAY + start);
      const e = this.instantOf(day * DAY + end);
      if (e > s) cached.push([s, e]);
    }
    this.days.set(day, cached);
    return cached;
  }

  intervals(a: number, b: number): Interval[] {
    const all: Interval[] = [];
    for (let day = Math.floor(a / DAY) - 3; day <= Math.floor(b / DAY) + 2; day++) all.push(...this.dayIntervals(day));
    return mergeAll(all)
      .map(([s, e]) => [Math.max(s, a), Math.min(e, b)] as Interval)
      .filter(([s, e]) => e > s);
  }
}
