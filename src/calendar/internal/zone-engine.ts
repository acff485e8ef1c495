/**
 * The engine of a single-zone calendar. Short questions look at one or two windows (see
 * zone-windows.ts); long ones jump with the cumulative table (window-table.ts), so the cost does not
 * grow with the span. Irregular windows' layouts are cached (bounded).
 */
import type { Engine } from './engine';
import { unreachable } from './engine';
import { DAY_MS, HORIZON_MS, MAX_INSTANT_MS } from './time';
import type { WindowView } from './window-view';
import { appendIntervals, firstBusinessAtOrAfter, isInside, locateBackward, locateForward, measureBefore } from './window-view';
import { WindowTable } from './window-table';
import type { ZoneWindows } from './zone-windows';

const MAX_CACHED_LAYOUTS = 4096;
/** Slots of the direct-mapped cache of recently used windows (a power of two). */
const RECENT_SLOTS = 1024;
/** Search limits stay a month inside the `Date` range. */
const SAFE_MAX = MAX_INSTANT_MS - 30 * DAY_MS;

/** Engine of a calendar in one IANA zone. */
export class ZoneEngine implements Engine {
  readonly hasHours: boolean;
  private readonly layouts = new Map<number, WindowView>();
  private readonly table: WindowTable;
  private readonly recentKeys = new Float64Array(RECENT_SLOTS).fill(Number.NaN);
  private readonly recentViews: WindowView[] = [];
  /** The window found last: successive calls (an SLA replay) mostly fall in the same week. */
  private lastWindow = 0;
  private lastView: WindowView | undefined;

  constructor(
    private readonly windows: ZoneWindows,
    hasHours: boolean,
  ) {
    this.hasHours = hasHours;
    this.table = new WindowTable({ weekly: windows.weekly, irregularIn: (a, b) => windows.irregularIn(a, b), totalOf: (w) => this.layOut(w).total });
  }

  measure(a: number, b: number): number {
    const wa = this.windowOf(a);
    const wb = this.windowOf(b);
    if (wa === wb) {
      const view = this.view(wa);
      return measureBefore(view, b) - measureBefore(view, a);
    }
    this.table.ensure(wa, wb + 1);
    const first = this.view(wa);
    const middle = this.table.cumulative(wb) - this.table.cumulative(wa + 1);
    return first.total - measureBefore(first, a) + middle + measureBefore(this.view(wb), b);
  }

  forward(t: number, ms: number): number {
    const w = this.windowOf(t);
    const first = this.view(w);
    const available = first.total - measureBefore(first, t);
    if (available >= ms) return this.checked(locateForward(first, t, ms), t);
    const rem = ms - available;
    if (rem <= this.windows.weekly) {
      const second = this.view(w + 1);
      if (second.total >= rem) return this.checked(locateForward(second, second.start, rem), t);
    }
    // jump: the window where the cumulative business time from window w + 1 reaches rem
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const table = this.table;
    table.ensure(w + 1, w + 2);
    const base = table.cumulative(w + 1);
    while (table.cumulative(table.high) - base < rem) {
      if (table.high > this.windows.windowOf(limit) + 1) throw unreachable('the sum');
      table.ensure(w + 1, table.high + 1);
    }
    const target = base + rem;
    const weeks = this.windows.weekly > 0 ? Math.floor((rem - 1) / this.windows.weekly) : 0;
    const found = table.lastWhere(w + 1, table.high - 1, target, true, w + 1 + weeks);
    const view = this.view(found);
    return this.checked(locateForward(view, view.start, target - table.cumulative(found)), t);
  }

  backward(t: number, ms: number): number {
    const w = this.windowOf(t);
    const first = this.view(w);
    const available = measureBefore(first, t);
    if (available >= ms) return this.checked(locateBackward(first, t, ms), t);
    const rem = ms - available;
    if (rem <= this.windows.weekly) {
      const second = this.view(w - 1);
      if (second.total >= rem) return this.checked(locateBackward(second, second.end, rem), t);
    }
    // jump: the window where the cumulative business time back to the start of window w reaches rem
    const limit = Math.max(t - HORIZON_MS, -SAFE_MAX);
    const table = this.table;
    table.ensure(w - 1, w + 1);
    while (table.cumulative(w) - table.cumulative(table.low) < rem) {
      if (table.low < this.windows.windowOf(limit) - 1) throw unreachable('the sum');
      table.ensure(table.low - 1, w + 1);
    }
    const target = table.cumulative(w) - rem;
    const weeks = this.windows.weekly > 0 ? Math.ceil(rem / this.windows.weekly) : 0;
    const found = table.lastWhere(table.low, w - 1, target, false, w - weeks);
    const view = this.view(found);
    const before = target - table.cumulative(found);
    return this.checked(locateBackward(view, view.end, view.total - before), t);
  }

  isBusiness(t: number): boolean {
    return isInside(this.view(this.windowOf(t)), t);
  }

  nextStart(t: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const w = this.windowOf(t);
    const here = firstBusinessAtOrAfter(this.view(w), t);
    if (here !== undefined) return this.checked(here, t, 'the next business time');
    // the first later window with any business time: the last one whose cumulative is still the same
    const table = this.table;
    table.ensure(w + 1, w + 2);
    const base = table.cumulative(w + 1);
    while (table.cumulative(table.high) === base) {
      if (table.high > this.windows.windowOf(limit) + 1) throw unreachable('the next business time');
      table.ensure(w + 1, table.high + 1);
    }
    const found = table.lastWhere(w + 1, table.high - 1, base, false, w + 1);
    const view = this.view(found);
    return this.checked(firstBusinessAtOrAfter(view, view.start) as number, t, 'the next business time');
  }

  intervals(a: number, b: number): number[] {
    const out: number[] = [];
    for (let w = this.windowOf(a); ; w++) {
      const view = this.view(w);
      if (view.start >= b) return out;
      appendIntervals(view, a, b, out);
    }
  }

  /** `u` when within the 100-year horizon of `from` (and the `Date` range), else the unreachable error. */
  private checked(u: number, from: number, what = 'the sum'): number {
    if (Math.abs(u - from) > HORIZON_MS || Math.abs(u) > SAFE_MAX) throw unreachable(what);
    return u;
  }

  /** The window containing `t`: a guess from `t`'s local date, corrected by the windows' exact bounds. */
  private windowOf(t: number): number {
    const last = this.lastView;
    if (last !== undefined && t >= last.start && t < last.end) return this.lastWindow;
    let w = this.windows.guessWindow(t);
    let view = this.view(w);
    while (t < view.start) view = this.view(--w);
    while (t >= view.end) view = this.view(++w);
    this.lastWindow = w;
    this.lastView = view;
    return w;
  }

  /** Window `w`; a window's view depends only on `w`, so recent ones are kept in a direct-mapped cache. */
  private view(w: number): WindowView {
    const slot = w & (RECENT_SLOTS - 1);
    if (this.recentKeys[slot] === w) return this.recentViews[slot] as WindowView;
    this.table.ensure(w, w + 1);
    const view = this.table.isIrregular(w) ? this.layOut(w) : this.windows.regularView(w);
    this.recentKeys[slot] = w;
    this.recentViews[slot] = view;
    return view;
  }

  private layOut(w: number): WindowView {
    let view = this.layouts.get(w);
    if (view === undefined) {
      if (this.layouts.size >= MAX_CACHED_LAYOUTS) this.layouts.clear();
      view = this.windows.layOut(w);
      this.layouts.set(w, view);
    }
    return view;
  }
}
