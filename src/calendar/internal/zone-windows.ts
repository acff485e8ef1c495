/**
 * The windows of a single-zone calendar: time cut into local weeks, window `w` running from its Monday
 * 00:00 to the next Monday 00:00 (as instants, `compatible`). A window is *regular* when the zone's
 * offset is constant from 3 days before to 10 days after its Monday and no holiday or override falls
 * within 2 days of it (when the weekly hours have no business time, offsets do not matter): its business
 * time is then exactly the weekly pattern, shifted. Irregular windows are laid out date by date.
 */
import type { LocalHours } from './local-hours';
import { hoursOnDay, patternOf } from './local-hours';
import { DAY_MS, WEEK_MS, lowerBound, mergeIntervals } from './time';
import type { WindowView } from './window-view';
import type { ZoneOffsets } from './zone-offsets';

/** Day number of the Monday that starts window `w` (1970-01-01 was a Thursday). */
export function mondayOf(w: number): number {
  return 7 * w - 3;
}

/** Windows of one calendar in one zone. */
export class ZoneWindows {
  readonly weekly: number;

  constructor(
    private readonly hours: LocalHours,
    private readonly zone: ZoneOffsets,
  ) {
    this.weekly = hours.pattern.total;
  }

  /** The instant window `w` starts at. */
  start(w: number): number {
    return this.zone.toInstant(mondayOf(w) * DAY_MS);
  }

  /** The window whose week holds `t`'s local date: the window of `t`, or next to it near a DST change. */
  guessWindow(t: number): number {
    return Math.floor((Math.floor((t + this.zone.offsetAt(t)) / DAY_MS) + 3) / 7);
  }

  /** The window containing instant `t`. */
  windowOf(t: number): number {
    let w = this.guessWindow(t);
    // with no offset change within 10 days either side, both boundaries use t's offset: w is exact
    if (!this.zone.hasTransition(t - 10 * DAY_MS, t + 10 * DAY_MS)) return w;
    while (t < this.start(w)) w--;
    while (t >= this.start(w + 1)) w++;
    return w;
  }

  /** True when window `w` is not the plain weekly pattern (see the file comment). */
  isIrregular(w: number): boolean {
    const monday = mondayOf(w);
    const days = this.hours.exceptionDays;
    const i = lowerBound(days, monday - 2);
    if (i < days.length && (days[i] as number) <= monday + 8) return true;
    return this.weekly > 0 && this.zone.hasTransition((monday - 3) * DAY_MS, (monday + 10) * DAY_MS);
  }

  /** The irregular windows in `[from, to)`, ascending. */
  irregularIn(from: number, to: number): number[] {
    const candidates = new Set<number>();
    const days = this.hours.exceptionDays;
    for (let i = lowerBound(days, mondayOf(from) - 8); i < days.length && (days[i] as number) <= mondayOf(to) + 8; i++) {
      const w = Math.floor(((days[i] as number) + 3) / 7);
      candidates.add(w - 1).add(w).add(w + 1);
    }
    if (this.weekly > 0) {
      const limit = (mondayOf(to) + 10) * DAY_MS;
      for (let t = this.zone.nextTransition((mondayOf(from) - 10) * DAY_MS, limit); t !== Infinity; t = this.zone.nextTransition(t, limit)) {
        const w = Math.floor(t / WEEK_MS);
        candidates.add(w - 1).add(w).add(w + 1).add(w + 2);
      }
    }
    return [...candidates].filter((w) => w >= from && w < to && this.isIrregular(w)).sort((a, b) => a - b);
  }

  /** Window `w` as the weekly pattern; only for a regular window. */
  regularView(w: number): WindowView {
    const monday = mondayOf(w) * DAY_MS;
    // with weekly hours, a regular window has one offset throughout; without, its ends are looked up
    const start = this.weekly > 0 ? monday - this.zone.offsetAt(monday) : this.start(w);
    const end = this.weekly > 0 ? start + WEEK_MS : this.start(w + 1);
    const { starts, ends, prefix, total } = this.hours.pattern;
    return { starts, ends, prefix, total, start, end, base: start, regular: true };
  }

  /** Lays out window `w` date by date (every date whose intervals may reach into it), merged and clipped. */
  layOut(w: number): WindowView {
    const start = this.start(w);
    const end = this.start(w + 1);
    const flat: number[] = [];
    const monday = mondayOf(w);
    for (let day = monday - 2; day <= monday + 8; day++) {
      const local = hoursOnDay(this.hours, day);
      for (let i = 0; i + 1 < local.length; i += 2) {
        flat.push(this.zone.toInstant(day * DAY_MS + (local[i] as number)), this.zone.toInstant(day * DAY_MS + (local[i + 1] as number)));
      }
    }
    const clipped: number[] = [];
    const merged = mergeIntervals(flat);
    for (let i = 0; i + 1 < merged.length; i += 2) {
      const s = Math.max(merged[i] as number, start);
      const e = Math.min(merged[i + 1] as number, end);
      if (e > s) clipped.push(s, e);
    }
    return { ...patternOf(clipped), start, end, base: 0, regular: false };
  }
}
