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

/**
 * A min-heap of {@link Work} in the order the tick does it. Items are kept in three parallel arrays
 * (instants as unboxed doubles), not as objects: a schedule holds tens of thousands of them, at about
 * a third of the memory.
 */
export class WorkQueue {
  private readonly ats: number[] = [];
  private readonly kinds: Array<0 | 1 | 2> = [];
  private readonly keys: string[] = [];

  /** A queue of `items`, heap-ordered in O(n). */
  constructor(items: readonly Work[] = []) {
    for (const w of items) {
      this.ats.push(w.at);
      this.kinds.push(w.kind);
      this.keys.push(w.key);
    }
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** How many items are queued. */
  get size(): number {
    return this.ats.length;
  }

  /** The first item, left queued (undefined when empty). */
  peek(): Work | undefined {
    return this.ats.length === 0 ? undefined : this.itemAt(0);
  }

  /** Queues `w`. */
  push(w: Work): void {
    this.ats.push(w.at);
    this.kinds.push(w.kind);
    this.keys.push(w.key);
    let i = this.ats.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Takes the first item (the queue must not be empty). */
  pop(): Work {
    const top = this.itemAt(0);
    const last = this.ats.length - 1;
    this.swap(0, last);
    this.ats.pop();
    this.kinds.pop();
    this.keys.pop();
    if (last > 0) this.siftDown(0);
    return top;
  }

  private itemAt(i: number): Work {
    return { at: this.ats[i]!, kind: this.kinds[i]!, key: this.keys[i]! };
  }

  /** Whether item `i` comes before item `j`. */
  private before(i: number, j: number): boolean {
    const a = this.ats[i]!;
    const b = this.ats[j]!;
    if (a !== b) return a < b;
    const ka = this.kinds[i]!;
    const kb = this.kinds[j]!;
    if (ka !== kb) return ka < kb;
    return this.keys[i]! < this.keys[j]!;
  }

  private swap(i: number, j: number): void {
    const { ats, kinds, keys } = this;
    const at = ats[i]!;
    ats[i] = ats[j]!;
    ats[j] = at;
    const kind = kinds[i]!;
    kinds[i] = kinds[j]!;
    kinds[j] = kind;
    const key = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = key;
  }

  /** Moves item `i` down until no child comes before it. */
  private siftDown(i: number): void {
    const n = this.ats.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.before(right, left) ? right : left;
      if (!this.before(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
