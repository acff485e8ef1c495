/**
 * Cumulative business time over a contiguous, lazily explored range of windows `[lo, hi)`: the sorted
 * irregular windows with prefix sums of how much each differs from the weekly total. `cumulative(w)` (the
 * business time from window `lo` to window `w`) is then one binary search, whatever the span, so long
 * sums and long measurements cost O(log n) once the range is explored. The range grows in chunks of 64
 * windows (about 15 months) and restarts when a query lands far away.
 */
import { lowerBound } from './time';

const CHUNK = 64;
/** A query further than this many windows from the explored range starts a new range. */
const FAR = 6_000;

/** What the table needs to know about windows. */
export interface WindowSource {
  readonly weekly: number;
  /** The irregular windows in `[from, to)`, ascending. */
  irregularIn(from: number, to: number): number[];
  /** Business time of irregular window `w`. */
  totalOf(w: number): number;
}

/** See the file comment. */
export class WindowTable {
  private lo = 0;
  private hi = 0;
  private irregular: number[] = [];
  /** Business time of each irregular window. */
  private totals: number[] = [];
  /** `deltas[i]` = sum over `irregular[0..i)` of (window total - weekly total); one longer. */
  private deltas: number[] = [0];

  constructor(private readonly source: WindowSource) {}

  /** First explored window. */
  get low(): number {
    return this.lo;
  }

  /** One past the last explored window. */
  get high(): number {
    return this.hi;
  }

  /** Explores at least `[from, to)`. May move `low`, which changes every `cumulative` value. */
  ensure(from: number, to: number): void {
    if (from >= this.lo && to <= this.hi) return;
    const a = Math.floor(from / CHUNK) * CHUNK;
    const b = Math.ceil(to / CHUNK) * CHUNK;
    if (this.hi === this.lo || a > this.hi + FAR || b < this.lo - FAR) {
      this.lo = a;
      this.hi = a;
      this.irregular = [];
      this.totals = [];
      this.deltas = [0];
    }
    if (a < this.lo) this.prepend(a);
    while (this.hi < b) this.append(this.hi + CHUNK);
  }

  /** True when explored window `w` is irregular. */
  isIrregular(w: number): boolean {
    const i = lowerBound(this.irregular, w);
    return i < this.irregular.length && this.irregular[i] === w;
  }

  /** Business time from the start of window `low` to the start of window `w`, for `low <= w <= high`. */
  cumulative(w: number): number {
    return (w - this.lo) * this.source.weekly + (this.deltas[lowerBound(this.irregular, w)] as number);
  }

  /**
   * The largest window `w` in `[from, to]` with `cumulative(w) <= target` (or `< target` when `strict`),
   * which `from` must satisfy. Starts from `guess` corrected by one Newton step on the weekly total,
   * gallops, then bisects: a few `cumulative` calls, however long the range.
   */
  lastWhere(from: number, to: number, target: number, strict: boolean, guess: number): number {
    let lo = from;
    let hi = to;
    let g = Math.min(Math.max(guess, from), to);
    const weekly = this.source.weekly;
    if (weekly > 0) {
      // one Newton step: move the guess by the shortfall the irregular windows caused
      const room = (target - this.cumulative(g)) / weekly;
      g = Math.min(Math.max(g + (strict ? Math.ceil(room) - 1 : Math.floor(room)), from), to);
    }
    if (this.holds(g, target, strict)) {
      lo = g;
      for (let step = 1; lo < hi; step *= 2) {
        const next = Math.min(lo + step, hi);
        if (!this.holds(next, target, strict)) {
          hi = next - 1;
          break;
        }
        lo = next;
      }
    } else {
      hi = g - 1;
      for (let step = 1; lo < hi; step *= 2) {
        const next = Math.max(hi - step, lo);
        if (this.holds(next, target, strict)) {
          lo = next;
          break;
        }
        hi = next - 1;
      }
    }
    while (lo < hi) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      if (this.holds(mid, target, strict)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private holds(w: number, target: number, strict: boolean): boolean {
    const c = this.cumulative(w);
    return strict ? c < target : c <= target;
  }

  private append(to: number): void {
    for (const w of this.source.irregularIn(this.hi, to)) {
      const total = this.source.totalOf(w);
      this.irregular.push(w);
      this.totals.push(total);
      this.deltas.push((this.deltas[this.deltas.length - 1] as number) + total - this.source.weekly);
    }
    this.hi = to;
  }

  private prepend(from: number): void {
    const added = this.source.irregularIn(from, this.lo);
    this.irregular = [...added, ...this.irregular];
    this.totals = [...added.map((w) => this.source.totalOf(w)), ...this.totals];
    const deltas = [0];
    for (const total of this.totals) deltas.push((deltas[deltas.length - 1] as number) + total - this.source.weekly);
    this.deltas = deltas;
    this.lo = from;
  }
}
