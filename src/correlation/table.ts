import { hash32 } from './hash';

/**
 * A JSON-serializable hash table: `n` entries in `b`, a power-of-two array of buckets, each bucket a
 * flat `[key, value, key, value, ...]` array (or null). An update copies only the buckets it touches
 * (and the bucket array once per call), so the state passed in is never mutated, yet a call costs what
 * it changes. Keys never become object properties, so no key can reach a prototype. The bucket array
 * doubles when the table averages more than 4 entries per bucket, a function of the operations alone,
 * so batching never changes the layout.
 */
export interface BucketTable<V> {
  readonly n: number;
  readonly b: ReadonlyArray<ReadonlyArray<string | V> | null>;
}

/** An empty table. */
export const EMPTY_TABLE: BucketTable<never> = { n: 0, b: [] };

const MIN_BUCKETS = 16;
// At most 4 entries per bucket on average: a lookup compares few keys (each comparison may touch a
// string elsewhere in memory), and these tables hold about one entry per group, so buckets stay cheap.
const LOAD = 4;
const NOTHING_OWNED = new Uint8Array(0);

function indexIn<V>(bucket: ReadonlyArray<string | V>, key: string): number {
  for (let j = 0; j < bucket.length; j += 2) if (bucket[j] === key) return j;
  return -1;
}

/**
 * A copy-on-write view over a {@link BucketTable} for one call: reads fall through to the base, the
 * first write to a bucket copies it, and later writes in the same call mutate the copy.
 */
export class TableWriter<V> {
  private buckets: Array<Array<string | V> | null>;
  private count: number;
  // Buckets this call already copied (1), allocated with the first write.
  private owned: Uint8Array = NOTHING_OWNED;
  private copiedTop = false;
  // Keys this call wrote, with their values before its first write to each, when asked for (see `track`).
  private written: Map<string, V | undefined> | null = null;

  constructor(private readonly base: BucketTable<V>) {
    this.buckets = base.b as Array<Array<string | V> | null>;
    this.count = base.n;
  }

  /** How many entries the table holds. */
  get size(): number {
    return this.count;
  }

  /** From now on, records in `written` every key this writer sets or deletes, with its value before the first such write. */
  track(written: Map<string, V | undefined>): void {
    this.written = written;
  }

  private remember(key: string, before: V | undefined): void {
    if (this.written !== null && !this.written.has(key)) this.written.set(key, before);
  }

  /** The value stored at `key`, if any. */
  get(key: string): V | undefined {
    const len = this.buckets.length;
    if (len === 0) return undefined;
    const b = this.buckets[hash32(key) & (len - 1)];
    if (!b) return undefined;
    const j = indexIn(b, key);
    return j < 0 ? undefined : (b[j + 1] as V);
  }

  /** Stores `value` at `key`. */
  set(key: string, value: V): void {
    const h = hash32(key);
    if (this.buckets.length > 0) {
      const b = this.writable(h & (this.buckets.length - 1));
      const j = indexIn(b, key);
      if (j >= 0) {
        this.remember(key, b[j + 1] as V);
        b[j + 1] = value;
        return;
      }
    }
    this.remember(key, undefined);
    if (this.buckets.length === 0 || this.count + 1 > this.buckets.length * LOAD) this.grow();
    this.writable(h & (this.buckets.length - 1)).push(key, value);
    this.count++;
  }

  /** Removes `key`. */
  delete(key: string): void {
    const len = this.buckets.length;
    if (len === 0) return;
    const i = hash32(key) & (len - 1);
    const base = this.buckets[i];
    if (!base || indexIn(base, key) < 0) return;
    const b = this.writable(i);
    const j = indexIn(b, key);
    this.remember(key, b[j + 1] as V);
    b.splice(j, 2);
    this.count--;
    if (b.length === 0) {
      this.buckets[i] = null;
      this.owned[i] = 0;
    }
  }

  /** Visits every entry (bucket order, then insertion order within a bucket). */
  forEach(visit: (value: V, key: string) => void): void {
    for (const b of this.buckets) if (b) for (let j = 0; j < b.length; j += 2) visit(b[j + 1] as V, b[j] as string);
  }

  /** The table after this call's writes (the base itself when nothing was written). */
  result(): BucketTable<V> {
    return this.copiedTop ? { n: this.count, b: this.buckets } : this.base;
  }

  private grow(): void {
    const size = Math.max(MIN_BUCKETS, this.buckets.length * 2);
    const next: Array<Array<string | V> | null> = new Array<Array<string | V> | null>(size).fill(null);
    for (const b of this.buckets) {
      if (!b) continue;
      for (let j = 0; j < b.length; j += 2) {
        const i = hash32(b[j] as string) & (size - 1);
        (next[i] ??= []).push(b[j]!, b[j + 1]!);
      }
    }
    this.buckets = next;
    this.copiedTop = true;
    this.owned = new Uint8Array(size);
    for (let i = 0; i < size; i++) if (next[i]) this.owned[i] = 1;
  }

  private writable(i: number): Array<string | V> {
    if (!this.copiedTop) {
      this.buckets = this.buckets.slice();
      this.owned = new Uint8Array(this.buckets.length);
      this.copiedTop = true;
    }
    if (this.owned[i] === 1) return this.buckets[i]!;
    const old = this.buckets[i];
    const fresh = old ? old.slice() : [];
    this.buckets[i] = fresh;
    this.owned[i] = 1;
    return fresh;
  }
}
