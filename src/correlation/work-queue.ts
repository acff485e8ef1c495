/**
 * A tick's time-driven work, one item per parked alert or group that needs it, in the order it is
 * done: by instant, then parked alerts before groups, then key. A binary heap, so a tick that runs
 * late works through many instants in O(k log k) instead of a scan of the state per instant. The
 * same heap keeps a correlator's schedule of what falls due (see `schedule.ts`), which also holds
 * resolved fingerprints to forget (kind 2).
 */

/**
 * One piece of due work: release parked alert `key` (kind 0), advance group `key` (kind 1) or forget
 * resolved fingerprint `key` (kind 2) at `at`.
 */
export interface Work {
  readonly at: number;
  readonly kind: 0 | 1 | 2;
  readonly key: string;
}

function before(a: Work, b: Work): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.key < b.key;
}

/** A min-heap of {@link Work} in the order the tick does it. */
export class WorkQueue {
  private readonly items: Work[];

  /** A queue of `items` (taken over, not copied), heap-ordered in O(n). */
  constructor(items: Work[] = []) {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i, items[i]!);
  }

  /** How many items are queued. */
  get size(): number {
    return this.items.length;
  }

  /** The first item, left queued (undefined when empty). */
  peek(): Work | undefined {
    return this.items[0];
  }

  /** Queues `w`. */
  push(w: Work): void {
    const items = this.items;
    let i = items.length;
    items.push(w);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(w, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = w;
  }

  /** Takes the first item (the queue must not be empty). */
  pop(): Work {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) this.siftDown(0, last);
    return top;
  }

  /** Places `w` at hole `i` or below it, moving earlier children up. */
  private siftDown(i: number, w: Work): void {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, w)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = w;
  }
}
