import { hash32 } from './hash';
import { copyDict, dict, own } from './own';

/**
 * A JSON-serializable hash table split into buckets (`bucket index -> key -> value`), so that an update
 * copies only the buckets it touches: the state passed in is never mutated, yet a call does not copy
 * whole tables. Buckets are created lazily.
 */
export type BucketTable<V> = Readonly<Record<number, Readonly<Record<string, V>>>>;

/** How many buckets a table uses (a power of two). */
export const TABLE_BUCKETS = 1024;
const MASK = TABLE_BUCKETS - 1;

/**
 * A copy-on-write view over a {@link BucketTable} for one call: reads fall through to the base, the
 * first write to a bucket copies it, and later writes in the same call mutate the copy.
 */
export class TableWriter<V> {
  private buckets: Record<number, Record<string, V>>;
  private readonly owned = new Set<number>();
  private copiedTop = false;
  private readonly base: BucketTable<V>;

  constructor(base: BucketTable<V>) {
    this.base = base;
    this.buckets = base as Record<number, Record<string, V>>;
  }

  /** Bucket index of a key. */
  static bucketOf(key: string): number {
    return hash32(key) & MASK;
  }

  /** The value stored at `key`, if any. */
  get(key: string): V | undefined {
    const b = this.buckets[hash32(key) & MASK];
    return b === undefined ? undefined : own(b, key);
  }

  /** Stores `value` at `key`. */
  set(key: string, value: V): void {
    this.writable(hash32(key) & MASK)[key] = value;
  }

  /** Removes `key`. */
  delete(key: string): void {
    const i = hash32(key) & MASK;
    const b = this.buckets[i];
    if (b === undefined || own(b, key) === undefined) return;
    const w = this.writable(i);
    delete w[key];
    for (const _ in w) return;
    delete this.buckets[i];
    this.owned.delete(i);
  }

  /** Visits every entry (bucket order, then insertion order within a bucket). */
  forEach(visit: (value: V, key: string) => void): void {
    for (const i of Object.keys(this.buckets)) {
      const b = this.buckets[Number(i)]!;
      for (const k of Object.keys(b)) visit(b[k]!, k);
    }
  }

  /** The table after this call's writes (the base itself when nothing was written). */
  result(): BucketTable<V> {
    return this.copiedTop ? this.buckets : this.base;
  }

  private writable(i: number): Record<string, V> {
    if (!this.copiedTop) {
      const top: Record<number, Record<string, V>> = {};
      for (const k of Object.keys(this.base)) top[Number(k)] = this.base[Number(k)] as Record<string, V>;
      this.buckets = top;
      this.copiedTop = true;
    }
    if (this.owned.has(i)) return this.buckets[i]!;
    const old = this.buckets[i];
    const fresh = old === undefined ? dict<V>() : copyDict(old);
    this.buckets[i] = fresh;
    this.owned.add(i);
    return fresh;
  }
}
