import { hash32 } from './hash';

/**
 * The correlator's fingerprint table in a compact, JSON-serializable layout: `n` entries spread over a
 * power-of-two number of buckets. Bucket `i` keeps its fingerprints in one string `k[i]` (each one
 * prefixed by a character whose code is its length, so any text is a valid fingerprint) and their
 * records in one array of numbers `d[i]`, entry after entry (see {@link FingerprintRecord} for the
 * fields). Two plain values per bucket instead of three objects per fingerprint keep a parsed state
 * small (a number array holds unboxed doubles), and a notification for a known fingerprint rewrites
 * numbers in place instead of allocating a record.
 *
 * @example
 * const t: FingerprintTable = { n: 0, k: [], d: [] };
 */
export interface FingerprintTable {
  readonly n: number;
  readonly k: ReadonlyArray<string | null>;
  readonly d: ReadonlyArray<ReadonlyArray<number> | null>;
}

/**
 * What the correlator remembers of one alert fingerprint, decoded from a {@link FingerprintTable}.
 *
 * @example
 * const r: FingerprintRecord = { s: 1, t: 0, c: 1, g: [4294967297], h: [0] };
 */
export interface FingerprintRecord {
  /** 1 firing, 0 resolved. */
  readonly s: 0 | 1;
  /** The alert's own time of the latest applied notification (epoch ms). */
  readonly t: number;
  /** Notifications seen. */
  readonly c: number;
  /** The groups it is attached to while firing, as group numbers (rule index * 2^32 + sequence). */
  readonly g: readonly number[];
  /** Times of its recent state changes (flapping detection), bounded by the threshold + 1. */
  readonly h: readonly number[];
  /** Flapping until this instant unless it changes again. */
  readonly fu?: number;
}

/**
 * When a fingerprint resolved at `t` may be forgotten: `retention` after that, and not before its
 * flapping ends (`fu`). The one rule for ingest's `nextTickAt` and the tick's eviction.
 */
export function forgetAt(t: number, fu: number | undefined, retention: number): number {
  return fu === undefined ? t + retention : Math.max(t + retention, fu);
}

/** An empty table. */
export const EMPTY_FINGERPRINTS: FingerprintTable = { n: 0, k: [], d: [] };

const MIN_BUCKETS = 16;
const NOTHING_OWNED = new Uint8Array(0);
const LOAD = 8;
// The first number of an entry packs: bit 0 firing, bit 1 has `fu`, bits 2-8 how many history
// times are stored, bits 9-16 group count, bit 17 the history ends at `t` (which is then not stored
// again: a state change sets both), and the notification count times 2^18.
const HAS_FU = 2;
const H_UNIT = 4;
const G_UNIT = 512;
const ENDS_AT_T = 131_072;
const C_UNIT = 262_144;
const MAX_COUNT = 2 ** 34;
const INV_C_UNIT = 1 / C_UNIT;

/** The packed head's bits below the count (exact: `C_UNIT` is a power of two; no floating `%`, which is slow). */
function lowBits(head: number): number {
  return head - Math.floor(head * INV_C_UNIT) * C_UNIT;
}

/** Numbers an entry takes, from its packed head. */
function entrySize(head: number): number {
  const low = lowBits(head);
  return 2 + ((low >> 1) & 1) + ((low >> 2) & 127) + ((low >> 9) & 255);
}

/** The entry's position in `keys` (by order) of `fp`, or -1. */
function ordinalIn(keys: string, fp: string): number {
  const len = fp.length;
  let ord = 0;
  for (let pos = 0; pos < keys.length; ord++) {
    const l = keys.charCodeAt(pos);
    if (l === len && keys.startsWith(fp, pos + 1)) return ord;
    pos += l + 1;
  }
  return -1;
}

/** Where entry number `ord` starts in `data`. */
function offsetOf(data: ReadonlyArray<number>, ord: number): number {
  let at = 0;
  for (let i = 0; i < ord; i++) at += entrySize(data[at]!);
  return at;
}

/** Start and end (in characters) of key number `ord`. */
function keySpan(keys: string, ord: number): [number, number] {
  let pos = 0;
  for (let i = 0; i < ord; i++) pos += keys.charCodeAt(pos) + 1;
  return [pos, pos + keys.charCodeAt(pos) + 1];
}

function encode(r: FingerprintRecord): number[] {
  const c = Math.min(r.c, MAX_COUNT);
  const endsAtT = r.h.length > 0 && r.h[r.h.length - 1] === r.t;
  const stored = endsAtT ? r.h.length - 1 : r.h.length;
  const out = [r.s + (r.fu !== undefined ? HAS_FU : 0) + stored * H_UNIT + r.g.length * G_UNIT + (endsAtT ? ENDS_AT_T : 0) + c * C_UNIT, r.t];
  if (r.fu !== undefined) out.push(r.fu);
  for (const g of r.g) out.push(g);
  for (let i = 0; i < stored; i++) out.push(r.h[i]!);
  return out;
}

function decode(data: ReadonlyArray<number>, at: number): FingerprintRecord {
  const head = data[at]!;
  const low = lowBits(head);
  const hasFu = (low >> 1) & 1;
  const nh = (low >> 2) & 127;
  const ng = (low >> 9) & 255;
  let p = at + 2 + hasFu;
  const g = data.slice(p, p + ng);
  p += ng;
  const h = data.slice(p, p + nh);
  if (low >= ENDS_AT_T) h.push(data[at + 1]!);
  const base = { s: (low & 1) as 0 | 1, t: data[at + 1]!, c: (head - low) / C_UNIT, g, h };
  return hasFu === 1 ? { ...base, fu: data[at + 2]! } : base;
}

/**
 * A copy-on-write view over a {@link FingerprintTable} for one call: reads fall through to the base,
 * the first write to a bucket copies what it changes, and later writes in the same call mutate the
 * copy. The table passed in is never mutated.
 */
export class FingerprintWriter {
  private keys: Array<string | null>;
  private data: Array<number[] | null>;
  private count: number;
  // Buckets whose number array this call already copied (1), allocated at the first write.
  private ownedData: Uint8Array = NOTHING_OWNED;
  private copiedTop = false;
  // Where the latest `find` found its fingerprint (bucket, offset of the entry in the bucket's data).
  private foundBucket = -1;
  private foundAt = 0;
  private foundFp = '';
  // Fingerprints whose forget instant this call may have changed, when asked for (see `track`).
  private written: Set<string> | null = null;

  constructor(private readonly base: FingerprintTable) {
    this.keys = base.k as Array<string | null>;
    this.data = base.d as Array<number[] | null>;
    this.count = base.n;
  }

  /** How many fingerprints the table holds. */
  get size(): number {
    return this.count;
  }

  /**
   * From now on, adds to `written` every fingerprint that gets a new forget instant: each one set as
   * resolved, and each resolved one whose time a duplicate moves. One set firing or deleted has none
   * (what the schedule held for it is stale, and dropped when taken); a firing duplicate, most of a
   * stream, adds nothing.
   */
  track(written: Set<string>): void {
    this.written = written;
  }

  /** When resolved fingerprint `fp` may be forgotten (see {@link forgetAt}); null if it fires or is unknown. */
  forgetAtOf(fp: string, retention: number): number | null {
    if (!this.find(fp)) return null;
    const data = this.data[this.foundBucket]!;
    const low = lowBits(data[this.foundAt]!);
    if ((low & 1) === 1) return null;
    return forgetAt(data[this.foundAt + 1]!, (low & HAS_FU) === 0 ? undefined : data[this.foundAt + 2]!, retention);
  }

  /** The record of `fp`, if any. */
  get(fp: string): FingerprintRecord | undefined {
    return this.find(fp) ? this.foundRecord() : undefined;
  }

  /**
   * Looks `fp` up and remembers where it is, for the `found...` methods (valid until the next write
   * other than {@link FingerprintWriter.bumpFound}). False when it is unknown.
   */
  find(fp: string): boolean {
    const i = this.bucketOf(fp);
    const ord = i < 0 ? -1 : ordinalIn(this.keys[i]!, fp);
    if (ord < 0) {
      this.foundBucket = -1;
      return false;
    }
    this.foundBucket = i;
    this.foundAt = offsetOf(this.data[i]!, ord);
    this.foundFp = fp;
    return true;
  }

  /** The found fingerprint's record. */
  foundRecord(): FingerprintRecord {
    return decode(this.data[this.foundBucket]!, this.foundAt);
  }

  /** The found fingerprint's packed head below the count. */
  private foundLow(): number {
    return lowBits(this.data[this.foundBucket]![this.foundAt]!);
  }

  /** 1 when the found fingerprint fires, 0 when resolved. */
  foundStatus(): 0 | 1 {
    return (this.foundLow() & 1) as 0 | 1;
  }

  /** The found fingerprint's time. */
  foundTime(): number {
    return this.data[this.foundBucket]![this.foundAt + 1]!;
  }

  /** How many groups the found fingerprint is attached to. */
  foundGroupCount(): number {
    return (this.foundLow() >> 9) & 255;
  }

  /** The number of the found fingerprint's `j`th group. */
  foundGroup(j: number): number {
    const hasFu = (this.foundLow() & HAS_FU) === 0 ? 0 : 1;
    return this.data[this.foundBucket]![this.foundAt + 2 + hasFu + j]!;
  }

  /**
   * Counts one more notification of the found fingerprint in place, moving its time to `t` when
   * later (unless `stale`). Returns the new count.
   */
  bumpFound(t: number, stale: boolean): number {
    const data = this.writableData(this.foundBucket);
    const at = this.foundAt;
    const head = data[at]!;
    const low = lowBits(head);
    const c = Math.min((head - low) / C_UNIT + 1, MAX_COUNT);
    const later = !stale && t > data[at + 1]!;
    if (later && (low & 1) === 0 && this.written !== null) this.written.add(this.foundFp);
    if (later && low >= ENDS_AT_T) {
      // The history's last time is `t` as stored: it has to be written out before `t` moves.
      this.rewriteFound(encode({ ...decode(data, at), c, t }));
      return c;
    }
    data[at] = low + c * C_UNIT;
    if (later) data[at + 1] = t;
    return c;
  }

  /** Stores `record` at `fp`. */
  set(fp: string, record: FingerprintRecord): void {
    if (this.written !== null && record.s === 0) this.written.add(fp);
    const entry = encode(record);
    if (this.find(fp)) return this.rewriteFound(entry);
    if (this.keys.length === 0 || this.count + 1 > this.keys.length * LOAD) this.grow();
    const i = hash32(fp) & (this.keys.length - 1);
    this.copyTop();
    this.keys[i] = (this.keys[i] ?? '') + String.fromCharCode(fp.length) + fp;
    const data = this.writableData(i);
    for (const x of entry) data.push(x);
    this.count++;
  }

  /** Removes `fp`. */
  delete(fp: string): void {
    const i = this.bucketOf(fp);
    if (i < 0) return;
    const keys = this.keys[i]!;
    const ord = ordinalIn(keys, fp);
    if (ord < 0) return;
    const data = this.writableData(i);
    const at = offsetOf(data, ord);
    data.splice(at, entrySize(data[at]!));
    const [from, to] = keySpan(keys, ord);
    const rest = keys.slice(0, from) + keys.slice(to);
    this.keys[i] = rest.length === 0 ? null : rest;
    if (rest.length === 0) {
      this.data[i] = null;
      this.ownedData[i] = 0;
    }
    this.count--;
  }

  /** Visits every fingerprint (bucket order, then insertion order within a bucket). */
  forEach(visit: (record: FingerprintRecord, fp: string) => void): void {
    this.eachEntry((keys, from, to, data, at) => visit(decode(data, at), keys.slice(from, to)));
  }

  /**
   * Visits every resolved fingerprint with the instant it may be forgotten: `retention` after its time,
   * and not before its flapping ends. Reads the packed heads only (no record decoded, no key copied
   * unless `visit` asks for it), since a tick does this for the whole table.
   */
  forEachResolved(retention: number, visit: (forgetAt: number, fp: () => string) => void): void {
    this.eachEntry((keys, from, to, data, at) => {
      const low = lowBits(data[at]!);
      if ((low & 1) === 1) return;
      visit(forgetAt(data[at + 1]!, (low & HAS_FU) === 0 ? undefined : data[at + 2]!, retention), () => keys.slice(from, to));
    });
  }

  /**
   * Visits every entry: its bucket's key string with where its fingerprint lies in it (copied only by
   * visitors that need it), and its bucket's numbers with where it starts in them.
   */
  private eachEntry(visit: (keys: string, from: number, to: number, data: readonly number[], at: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) {
      const keys = this.keys[i];
      if (!keys) continue;
      const data = this.data[i]!;
      let at = 0;
      for (let pos = 0; pos < keys.length; ) {
        const l = keys.charCodeAt(pos);
        visit(keys, pos + 1, pos + 1 + l, data, at);
        at += entrySize(data[at]!);
        pos += l + 1;
      }
    }
  }

  /** The table after this call's writes (the base itself when nothing was written). */
  result(): FingerprintTable {
    return this.copiedTop ? { n: this.count, k: this.keys, d: this.data } : this.base;
  }

  /** Replaces the found fingerprint's entry with `entry`. */
  private rewriteFound(entry: readonly number[]): void {
    const data = this.writableData(this.foundBucket);
    data.splice(this.foundAt, entrySize(data[this.foundAt]!), ...entry);
  }

  private bucketOf(fp: string): number {
    const len = this.keys.length;
    if (len === 0) return -1;
    const i = hash32(fp) & (len - 1);
    return this.keys[i] ? i : -1;
  }

  private copyTop(): void {
    if (this.copiedTop) return;
    this.keys = this.keys.slice();
    this.data = this.data.slice();
    this.ownedData = new Uint8Array(this.keys.length);
    this.copiedTop = true;
  }

  private writableData(i: number): number[] {
    this.copyTop();
    if (this.ownedData[i] === 1) return this.data[i]!;
    const fresh = this.data[i] ? this.data[i]!.slice() : [];
    this.data[i] = fresh;
    this.ownedData[i] = 1;
    return fresh;
  }

  private grow(): void {
    const size = Math.max(MIN_BUCKETS, this.keys.length * 2);
    const keys: Array<string | null> = new Array<string | null>(size).fill(null);
    const data: Array<number[] | null> = new Array<number[] | null>(size).fill(null);
    this.eachEntry((fromKeys, from, to, d, at) => {
      const fp = fromKeys.slice(from, to);
      const j = hash32(fp) & (size - 1);
      keys[j] = (keys[j] ?? '') + String.fromCharCode(fp.length) + fp;
      const target = (data[j] ??= []);
      for (let x = at, end = at + entrySize(d[at]!); x < end; x++) target.push(d[x]!);
    });
    this.keys = keys;
    this.data = data;
    this.copiedTop = true;
    this.ownedData = new Uint8Array(size);
    for (let i = 0; i < size; i++) if (data[i]) this.ownedData[i] = 1;
  }
}
