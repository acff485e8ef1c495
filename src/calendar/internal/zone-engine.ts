/**
 * The engine of a single-zone calendar. Time is cut into windows, one per local week (Monday 00:00 to
 * Monday 00:00 as instants). A window is *regular* when the zone's offset is constant around it and no
 * holiday or override touches it: its business time is then the precomputed weekly pattern shifted, and
 * runs of regular windows are skipped in O(1) using the weekly total. Other windows are laid out date by
 * date and cached. Costs therefore grow with the number of DST transitions and exceptions crossed, not
 * with the span.
 */
import type { Engine } from './engine';
import { unreachable } from './engine';
import type { LocalHours } from './local-hours';
import { hoursOnDay } from './local-hours';
import { DAY_MS, HORIZON_MS, MAX_INSTANT_MS, WEEK_MS, lowerBound, mergeIntervals, upperBound } from './time';
import type { WindowView } from './window-view';
import { appendIntervals, firstBusinessAtOrAfter, isInside, locateBackward, locateForward, measureBefore } from './window-view';
import type { ZoneOffsets } from './zone-offsets';

const MAX_CACHED_WINDOWS = 4096;
/** Search limits stay a month inside the `Date` range. */
const SAFE_MAX = MAX_INSTANT_MS - 30 * DAY_MS;

/** Day number of the Monday that starts window `w`. */
function mondayOf(w: number): number {
  return 7 * w - 3;
}

/** Engine of a calendar in one IANA zone. */
export class ZoneEngine implements Engine {
  readonly hasHours: boolean;
  private readonly weekly: number;
  private readonly irregular = new Map<number, WindowView>();

  constructor(
    private readonly hours: LocalHours,
    private readonly zone: ZoneOffsets,
  ) {
    this.hasHours = hours.hasHours;
    this.weekly = hours.pattern.total;
  }

  measure(a: number, b: number): number {
    const wa = this.windowOf(a);
    const wb = this.windowOf(b);
    const first = this.view(wa);
    if (wa === wb) return measureBefore(first, b) - measureBefore(first, a);
    let total = first.total - measureBefore(first, a);
    let w = wa + 1;
    while (w < wb) {
      const view = this.view(w);
      if (view.regular) {
        const next = this.runEnd(w, wb);
        total += (next - w) * this.weekly;
        w = next;
      } else {
        total += view.total;
        w++;
      }
    }
    return total + measureBefore(this.view(wb), b);
  }

  forward(t: number, ms: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const lastWindow = this.windowOf(limit) + 1;
    let w = this.windowOf(t);
    let cursor = t;
    let rem = ms;
    for (;;) {
      if (cursor > limit) throw unreachable('the sum');
      const view = this.view(w);
      if (view.regular && cursor === view.start) {
        const whole = this.weekly === 0 ? Infinity : Math.floor((rem - 1) / this.weekly);
        if (whole > 0) {
          const next = this.runEnd(w, Math.min(w + whole, lastWindow));
          rem -= (next - w) * this.weekly;
          w = next;
          cursor = this.windowStart(w);
          continue;
        }
      }
      const available = view.total - measureBefore(view, cursor);
      if (available >= rem) {
        const u = locateForward(view, cursor, rem);
        if (u > limit) throw unreachable('the sum');
        return u;
      }
      rem -= available;
      w++;
      cursor = view.end;
    }
  }

  backward(t: number, ms: number): number {
    const limit = Math.max(t - HORIZON_MS, -SAFE_MAX);
    const lastWindow = this.windowOf(limit) - 1;
    let w = this.windowOf(t);
    let cursor = t;
    let rem = ms;
    for (;;) {
      if (cursor < limit) throw unreachable('the sum');
      const view = this.view(w);
      if (view.regular && cursor === view.end) {
        const whole = this.weekly === 0 ? Infinity : Math.floor((rem - 1) / this.weekly);
        if (whole > 0) {
          const first = this.runStart(w, Math.max(w - whole + 1, lastWindow));
          rem -= (w - first + 1) * this.weekly;
          w = first - 1;
          cursor = this.windowStart(first);
          continue;
        }
      }
      const available = measureBefore(view, cursor);
      if (available >= rem) {
        const u = locateBackward(view, cursor, rem);
        if (u < limit) throw unreachable('the sum');
        return u;
      }
      rem -= available;
      w--;
      cursor = view.start;
    }
  }

  isBusiness(t: number): boolean {
    return isInside(this.view(this.windowOf(t)), t);
  }

  nextStart(t: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const lastWindow = this.windowOf(limit) + 1;
    let w = this.windowOf(t);
    let cursor = t;
    for (;;) {
      if (cursor > limit) throw unreachable('the next business time');
      const view = this.view(w);
      const found = firstBusinessAtOrAfter(view, cursor);
      if (found !== undefined) {
        if (found > limit) throw unreachable('the next business time');
        return found;
      }
      w = view.regular && this.weekly === 0 ? this.runEnd(w, lastWindow) : w + 1;
      cursor = this.windowStart(w);
    }
  }

  intervals(a: number, b: number): number[] {
    const out: number[] = [];
    let w = this.windowOf(a);
    for (;;) {
      const view = this.view(w);
      if (view.start >= b) return out;
      if (view.regular && this.weekly === 0) {
        w = this.runEnd(w, this.windowOf(b) + 1);
        continue;
      }
      appendIntervals(view, a, b, out);
      w++;
    }
  }

  /** The instant window `w` starts at (its Monday 00:00, `compatible`). */
  private windowStart(w: number): number {
    return this.zone.toInstant(mondayOf(w) * DAY_MS);
  }

  /** The window containing instant `t`. */
  private windowOf(t: number): number {
    const day = Math.floor((t + this.zone.offsetAt(t)) / DAY_MS);
    let w = Math.floor((day + 3) / 7);
    while (t < this.windowStart(w)) w--;
    while (t >= this.windowStart(w + 1)) w++;
    return w;
  }

  private isRegular(w: number): boolean {
    const monday = mondayOf(w);
    const days = this.hours.exceptionDays;
    const i = lowerBound(days, monday - 2);
    if (i < days.length && (days[i] as number) <= monday + 8) return false;
    return this.weekly === 0 || !this.zone.hasTransition((monday - 3) * DAY_MS, (monday + 10) * DAY_MS);
  }

  /** Given regular window `w`, the first window in `(w, limit]` that may be irregular, else `limit`. */
  private runEnd(w: number, limit: number): number {
    let end = limit;
    const days = this.hours.exceptionDays;
    const i = lowerBound(days, mondayOf(w) - 2);
    if (i < days.length) end = Math.min(end, Math.ceil(((days[i] as number) - 5) / 7));
    if (this.weekly > 0 && end > w + 1) {
      const t = this.zone.nextTransition((mondayOf(w) - 3) * DAY_MS, (mondayOf(end) + 10) * DAY_MS);
      if (t !== Infinity) {
        // window j is clean while (Monday(j) + 10 days) < t, i.e. (7j + 7) days < t
        let j = Math.ceil(t / WEEK_MS) - 1;
        while ((7 * j + 7) * DAY_MS >= t) j--;
        while ((7 * (j + 1) + 7) * DAY_MS < t) j++;
        end = Math.min(end, j + 1);
      }
    }
    return Math.max(end, w + 1);
  }

  /** Given regular window `w`, the earliest window in `[limit, w]` from which all up to `w` are regular. */
  private runStart(w: number, limit: number): number {
    let start = limit;
    const days = this.hours.exceptionDays;
    const i = upperBound(days, mondayOf(w) + 8) - 1;
    if (i >= 0) start = Math.max(start, Math.floor(((days[i] as number) + 5) / 7) + 1);
    if (this.weekly > 0 && start < w) {
      const t = this.zone.previousTransition((mondayOf(w) + 10) * DAY_MS, (mondayOf(start) - 3) * DAY_MS);
      if (t !== -Infinity) {
        // window j is clean while t <= Monday(j) - 3 days, i.e. t <= (7j - 6) days
        let j = Math.ceil((t + 6 * DAY_MS) / WEEK_MS);
        while (t <= (7 * (j - 1) - 6) * DAY_MS) j--;
        while (t > (7 * j - 6) * DAY_MS) j++;
        start = Math.max(start, j);
      }
    }
    return Math.min(start, w);
  }

  private view(w: number): WindowView {
    if (this.isRegular(w)) {
      const start = this.windowStart(w);
      return { ...this.hours.pattern, start, end: start + WEEK_MS, base: start, regular: true };
    }
    let view = this.irregular.get(w);
    if (view === undefined) {
      if (this.irregular.size >= MAX_CACHED_WINDOWS) this.irregular.clear();
      view = this.layOut(w);
      this.irregular.set(w, view);
    }
    return view;
  }

  /** Lays out window `w` date by date (every date whose intervals may reach into it), merged and clipped. */
  private layOut(w: number): WindowView {
    const start = this.windowStart(w);
    const end = this.windowStart(w + 1);
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
    const n = clipped.length / 2;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      starts[i] = clipped[2 * i] as number;
      ends[i] = clipped[2 * i + 1] as number;
      prefix[i + 1] = (prefix[i] as number) + (ends[i] as number) - (starts[i] as number);
    }
    return { starts, ends, prefix, total: prefix[n] as number, start, end, base: 0, regular: false };
  }
}
