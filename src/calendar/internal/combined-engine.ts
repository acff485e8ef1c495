/**
 * The engine of `combineCalendars`: the union or intersection of other calendars' business time. It
 * works on the children's interval lists, chunk by chunk (8 days, doubling up to a year), so its cost
 * grows with the span walked, unlike a single-zone calendar's.
 */
import type { Engine } from './engine';
import { unreachable } from './engine';
import { DAY_MS, HORIZON_MS, MAX_INSTANT_MS, mergeIntervals } from './time';

const FIRST_CHUNK_MS = 8 * DAY_MS;
const MAX_CHUNK_MS = 366 * DAY_MS;
const SAFE_MAX = MAX_INSTANT_MS - 30 * DAY_MS;

/**
 * How {@link combineCalendars} combines business time: `union` (any calendar open) or `intersection`
 * (all open).
 *
 * @example
 * const mode: CombineMode = 'union';
 */
export type CombineMode = 'union' | 'intersection';

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i] as number, b[j] as number);
    const e = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (e > s) out.push(s, e);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** Engine combining other engines. */
export class CombinedEngine implements Engine {
  readonly hasHours: boolean;

  constructor(
    private readonly mode: CombineMode,
    private readonly children: readonly Engine[],
  ) {
    this.hasHours = mode === 'union' ? children.some((c) => c.hasHours) : children.every((c) => c.hasHours);
  }

  intervals(a: number, b: number): number[] {
    const lists = this.children.map((c) => c.intervals(a, b));
    if (this.mode === 'union') return mergeIntervals(lists.flat());
    return lists.reduce((acc, list) => intersect(acc, list));
  }

  measure(a: number, b: number): number {
    let total = 0;
    // a year at a time, so that a long span never holds all of its intervals at once
    for (let from = a; from < b; from += MAX_CHUNK_MS) {
      const list = this.intervals(from, Math.min(from + MAX_CHUNK_MS, b));
      for (let i = 0; i + 1 < list.length; i += 2) total += (list[i + 1] as number) - (list[i] as number);
    }
    return total;
  }

  isBusiness(t: number): boolean {
    return this.mode === 'union' ? this.children.some((c) => c.isBusiness(t)) : this.children.every((c) => c.isBusiness(t));
  }

  forward(t: number, ms: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    let rem = ms;
    let cursor = t;
    let chunk = FIRST_CHUNK_MS;
    while (cursor < limit) {
      const end = Math.min(cursor + chunk, limit);
      const list = this.intervals(cursor, end);
      for (let i = 0; i + 1 < list.length; i += 2) {
        const available = (list[i + 1] as number) - (list[i] as number);
        if (rem <= available) return (list[i] as number) + rem;
        rem -= available;
      }
      cursor = end;
      chunk = Math.min(chunk * 2, MAX_CHUNK_MS);
    }
    throw unreachable('the sum');
  }

  backward(t: number, ms: number): number {
    const limit = Math.max(t - HORIZON_MS, -SAFE_MAX);
    let rem = ms;
    let cursor = t;
    let chunk = FIRST_CHUNK_MS;
    while (cursor > limit) {
      const start = Math.max(cursor - chunk, limit);
      const list = this.intervals(start, cursor);
      for (let i = list.length - 2; i >= 0; i -= 2) {
        const available = (list[i + 1] as number) - (list[i] as number);
        if (rem <= available) return (list[i + 1] as number) - rem;
        rem -= available;
      }
      cursor = start;
      chunk = Math.min(chunk * 2, MAX_CHUNK_MS);
    }
    throw unreachable('the sum');
  }

  nextStart(t: number): number {
    const limit = Math.min(t + HORIZON_MS, SAFE_MAX);
    let cursor = t;
    let chunk = FIRST_CHUNK_MS;
    while (cursor < limit) {
      const end = Math.min(cursor + chunk, limit);
      const list = this.intervals(cursor, end);
      if (list.length > 0) return list[0] as number;
      cursor = end;
      chunk = Math.min(chunk * 2, MAX_CHUNK_MS);
    }
    throw unreachable('the next business time');
  }
}
