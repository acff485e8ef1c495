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
/** Search limits stay a month inside the `Date` range. */
const SAFE_MAX = MAX_INSTANT_MS - 30 * DAY_MS;

/** Engine of a calendar in one IANA zone. */
export class ZoneEngine implements Engine {
  readonly hasHours: boolean;
  private readonly layouts = new Map<number, WindowView>();
  private readonly table: WindowTable;

  constructor(
    private readonly windows: ZoneWindows,
    hasHours: boolean,
  ) {
    this.hasHours = hasHours;
    this.table = new WindowTable({ weekly: windows.weekly, irregularIn: (a, b) => windows.irregularIn(a, b), totalOf: (w) => this.layOut(w).total });
  }

  measure(a: number, b: number): number {
    const wa = this.windows.windowOf(a);
    const wb = this.windows.windowOf(b);
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
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const w = this.windows.windowOf(t);
    const first = this.view(w);
    const available = first.total - measureBefore(first, t);
    if (available >= ms) return this.checked(locateForward(first, t, ms), t);
    let rem = ms - available;
    const second = this.view(w + 1);
    if (second.total >= rem) return this.checked(locateForward(second, second.start, rem), t);
    rem -= second.total;
    // jump: find the window where the cumulative business time from window w + 2 reaches rem
    const lastWindow = this.windows.windowOf(limit) + 1;
    const table = this.table;
    table.ensure(w + 2, w + 3);
    const base = table.cumulative(w + 2);
    while (table.cumulative(table.high) - base < rem) {
      if (table.high > lastWindow) throw unreachable('the sum');
      table.ensure(w + 2, table.high + 1);
    }
    const target = this.table.cumulative(w + 2) + rem;
    const found = table.lastBelow(w + 2, table.high - 1, target);
    const view = this.view(found);
    return this.checked(locateForward(view, view.start, target - table.cumulative(found)), t);
  }

  backward(t: number, ms: number): number {
    const limit = Math.max(t - HORIZON_MS, -SAFE_MAX);
    const w = this.windows.windowOf(t);
    const first = this.view(w);
    const available = measureBefore(first, t);
    if (available >= ms) return this.checked(locateBackward(first, t, ms), t);
    let rem = ms - available;
    const second = this.view(w - 1);
    if (second.total >= rem) return this.checked(locateBackward(second, second.end, rem), t);
    rem -= second.total;
    // jump: find the window where the cumulative business time back to window w - 1 reaches rem
    const lastWindow = this.windows.windowOf(limit) - 1;
    const table = this.table;
    table.ensure(w - 2, w - 1);
    while (table.cumulative(w - 1) - table.cumulative(table.low) < rem) {
      if (table.low < lastWindow) throw unreachable('the sum');
      table.ensure(table.low - 1, w - 1);
    }
    const target = table.cumulative(w - 1) - rem;
    const found = table.lastAtOrBelow(table.low, w - 2, target);
    const view = this.view(found);
    const before = target - table.cumulative(found);
    return this.checked(locateBackward(view, view.end, view.total - before), t);
  }

  isBusiness(t: number): boolean {
    return isInside(this.view(this.windows.windowOf(t)), t);
  }

  nextStart(t: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    const w = this.windows.windowOf(t);
    const here = firstBusinessAtOrAfter(this.view(w), t);
    if (here !== undefined) return this.checked(here, t, 'the next business time');
    // the first later window with any business time: the last one whose cumulative is still the same
    const lastWindow = this.windows.windowOf(limit) + 1;
    const table = this.table;
    table.ensure(w + 1, w + 2);
    const base = table.cumulative(w + 1);
    while (table.cumulative(table.high) === base) {
      if (table.high > lastWindow) throw unreachable('the next business time');
      table.ensure(w + 1, table.high + 1);
    }
    const found = table.lastAtOrBelow(w + 1, table.high - 1, base);
    const view = this.view(found);
    return this.checked(firstBusinessAtOrAfter(view, view.start) as number, t, 'the next business time');
  }

  intervals(a: number, b: number): number[] {
    const out: number[] = [];
    for (let w = this.windows.windowOf(a); ; w++) {
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

  private view(w: number): WindowView {
    this.table.ensure(w, w + 1);
    return this.table.isIrregular(w) ? this.layOut(w) : this.windows.regularView(w);
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
