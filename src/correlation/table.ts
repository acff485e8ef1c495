import { hash32 } from './hash';

/**
 * A JSON-serializable hash table split into buckets (`bucket index -> [key, value, key, value, ...]`),
 * so that an update copies only the buckets it touches: the state passed in is never mutated, yet a
 * call does not copy whole tables. Keys never become object properties (no prototype concerns).
 * Buckets are created lazily and dropped when empty.
 */
export type BucketTable<V> = Readonly<Record<number, ReadonlyArray<string | V>>>;

/** How many buckets a table uses (a power of two). */
export const TABLE_BUCKETS = 4096;
const MASK = TABLE_BUCKETS - 1;

function indexIn<V>(bucket: ReadonlyArray<string | V>, key: string): number {
  for (let j = 0; j < bucket.length; j += 2) if (bucket[j] === key) return j;
  return -1;
}

/**
 * A copy-on-write view over a {@link BucketTable} for one call: reads fall through to the base, the
 * first write to a bucket copies it, and later writes in the same call mutate the copy.
 */
export class TableWriter<V> {
  private buckets: Record<number, Array<string | V>>;
  private readonly owned = new Set<number>();
  private copiedTop = false;

  constructor(private readonly base: BucketTable<V>) {
    this.buckets = base as Record<number, Array<string | V>>;
  }

  /** The value stored at `key`, if any. */
  get(key: string): V | undefined {
    const b = this.buckets[hash32(key) & MASK];
    if (b === undefined) return undefined;
    const j = indexIn(b, key);
    return j < 0 ? undefined : (b[j + 1] as V);
  }

  /** Stores `value` at `key`. */
  set(key: string, value: V): void {
    const b = this.writable(hash32(key) & MASK);
    const j = indexIn(b, key);
    if (j < 0) b.push(key, value);
    else b[j + 1] = value;
  }

  /** Removes `key`. */
  delete(key: string): void {
    const i = hash32(key) & MASK;
    const base = this.buckets[i];
    if (base === undefined || indexIn(base, key) < 0) return;
    const b = this.writable(i);
    b.splice(indexIn(b, key), 2);
    if (b.length > 0) return;
    delete this.buckets[i];
    this.owned.delete(i);
  }

  /** Visits every entry (bucket order, then insertion order within a bucket). */
  forEach(visit: (value: V, key: string) => void): void {
    for (const i of Object.keys(this.buckets)) {
      const b = this.buckets[Number(i)]!;
      for (let j = 0; j < b.length; j += 2) visit(b[j + 1] as V, b[j] as string);
    }
  }

  /** The table after this call's writes (the base itself when nothing was written). */
  result(): BucketTable<V> {
    return this.copiedTop ? this.buckets : this.base;
  }

  private writable(i: number): Array<string | V> {
    if (!this.copiedTop) {
      this.buckets = { ...this.base } as Record<number, Array<string | V>>;
      this.copiedTop = true;
    }
    if (this.owned.has(i)) return this.buckets[i]!;
    const old = this.buckets[i];
    const fresh = old === undefined ? [] : old.slice();
    this.buckets[i] = fresh;
    this.owned.add(i);
    return fresh;
  }
}
