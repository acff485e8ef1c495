/**
 * A tick's time-driven work, one item per parked alert or group that needs it, in the order it is
 * done: by instant, then parked alerts before groups, then key. A binary heap, so a tick that runs
 * late works through many instants in O(k log k) instead of a scan of the state per instant.
 */

/** One piece of due work: release parked alert `key` (kind 0) or advance group `key` (kind 1) at `at`. */
export interface Work {
  readonly at: number;
  readonly kind: 0 | 1;
  readonly key: string;
}

function before(a: Work, b: Work): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.key < b.key;
}

/** A min-heap of {@link Work} in the order the tick does it. */
export class WorkQueue {
  private readonly items: Work[] = [];

  /** How many items are queued. */
  get size(): number {
    return this.items.length;
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
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && before(items[right]!, items[left]!) ? right : left;
        if (!before(items[child]!, last)) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
