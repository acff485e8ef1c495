/**
 * A time zone's UTC offsets and offset transitions, learnt lazily from `Intl` and cached per bucket of
 * 256 days: each bucket is sampled every 2 days and every change is bisected to the millisecond, so a
 * lookup afterwards is a binary search, never an `Intl` call. Offsets are in milliseconds, `local = utc
 * + offset`.
 */
import { DAY_MS, MAX_INSTANT_MS } from './time';

const BUCKET_MS = 256 * DAY_MS;
const SAMPLE_MS = 2 * DAY_MS;
/** `M/D/YYYY AD, HH:mm:ss` as printed by the formatter below (fixed shape, no user data). */
const PRINTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;
/**
 * Offsets are read within two days of the ends of the `Date` range, where both the instant and its wall
 * time (at most a day away) can be formatted; further out, the offset at that edge holds.
 */
const READABLE_MS = MAX_INSTANT_MS - 2 * DAY_MS;

interface Bucket {
  /** Transition instants in the bucket's range `(start, end]`, ascending. */
  readonly times: number[];
  /** `offsets[0]` holds at the bucket's start; `offsets[i + 1]` from `times[i]` on. */
  readonly offsets: number[];
}

/** Offsets and transitions of one IANA zone. */
export class ZoneOffsets {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly buckets = new Map<number, Bucket>();

  constructor(timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The offset in effect at instant `ms`. */
  offsetAt(ms: number): number {
    const bucket = this.bucket(Math.floor(ms / BUCKET_MS));
    const times = bucket.times;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return bucket.offsets[lo] as number;
  }

  /**
   * The instant of local wall-clock time `local` (ms since 1970-01-01T00:00 wall time), with Temporal's
   * `compatible` disambiguation: a time in a gap moves forward by the gap's length, an ambiguous time
   * takes the earlier instant.
   */
  toInstant(local: number): number {
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    if (before === after) return local - before;
    const early = local - before;
    const late = local - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early;
  }

  /** The first transition `T` with `after < T <= limit`, or `Infinity`. */
  nextTransition(after: number, limit: number): number {
    for (let k = Math.floor(after / BUCKET_MS); k * BUCKET_MS <= limit; k++) {
      for (const t of this.bucket(k).times) if (t > after) return t <= limit ? t : Infinity;
    }
    return Infinity;
  }

  /** The last transition `T` with `limit < T <= atOrBefore`, or `-Infinity`. */
  previousTransition(atOrBefore: number, limit: number): number {
    for (let k = Math.floor(atOrBefore / BUCKET_MS); (k + 1) * BUCKET_MS > limit; k--) {
      const times = this.bucket(k).times;
      for (let i = times.length - 1; i >= 0; i--) {
        const t = times[i] as number;
        if (t <= atOrBefore) return t > limit ? t : -Infinity;
      }
    }
    return -Infinity;
  }

  /** True when some transition `T` has `from < T <= to`. */
  hasTransition(from: number, to: number): boolean {
    return this.nextTransition(from, to) !== Infinity;
  }

  private bucket(k: number): Bucket {
    let bucket = this.buckets.get(k);
    if (bucket === undefined) {
      bucket = this.scan(k * BUCKET_MS, (k + 1) * BUCKET_MS);
      this.buckets.set(k, bucket);
    }
    return bucket;
  }

  private scan(start: number, end: number): Bucket {
    const times: number[] = [];
    const offsets: number[] = [this.rawOffset(start)];
    let prev = start;
    let prevOffset = offsets[0] as number;
    while (prev < end) {
      const at = Math.min(prev + SAMPLE_MS, end);
      const offset = this.rawOffset(at);
      let lo = prev;
      let loOffset = prevOffset;
      while (loOffset !== offset) {
        const t = this.bisect(lo, loOffset, at);
        loOffset = this.rawOffset(t);
        times.push(t);
        offsets.push(loOffset);
        lo = t;
      }
      prev = at;
      prevOffset = offset;
    }
    return { times, offsets };
  }

  /** The first instant in `(lo, hi]` whose offset differs from `loOffset`, given that `hi`'s does. */
  private bisect(lo: number, loOffset: number, hi: number): number {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.rawOffset(mid) === loOffset) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /**
   * The offset at `instant` straight from `Intl`: the printed wall-clock time minus the instant. Instants
   * within 2 days of the Date range's ends are read at that bound (Intl cannot print past it; the edge
   * offset holds beyond).
   */
  private rawOffset(instant: number): number {
    const ms = Math.min(Math.max(instant, -READABLE_MS), READABLE_MS);
    const m = PRINTED.exec(this.formatter.format(ms));
    const fields = m === null ? this.partsOf(ms) : m.slice(1).map((v, i) => (i === 3 ? (v === 'BC' ? 1 : 0) : Number(v)));
    const [month, day, yearOfEra, bc, hour, minute, second] = fields as [number, number, number, number, number, number, number];
    const wall = new Date(0);
    wall.setUTCFullYear(bc === 1 ? 1 - yearOfEra : yearOfEra, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
    return wall.getTime() - wholeSecond;
  }

  /** The same fields via `formatToParts`, for runtimes that print the date differently (slower). */
  private partsOf(ms: number): number[] {
    const get = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value ?? '0';
    const parts = this.formatter.formatToParts(ms);
    const era = get(parts, 'era');
    return [get(parts, 'month'), get(parts, 'day'), get(parts, 'year'), era.startsWith('B') ? '1' : '0', get(parts, 'hour'), get(parts, 'minute'), get(parts, 'second')].map(Number);
  }
}

/** Offsets learnt so far, per zone name: a pure memo (the same zone always gives the same answers). */
const byZone = new Map<string, ZoneOffsets>();

/** The shared {@link ZoneOffsets} of `timeZone`, so calendars in one zone learn its transitions once. */
export function zoneOffsetsOf(timeZone: string): ZoneOffsets {
  let offsets = byZone.get(timeZone);
  if (offsets === undefined) {
    offsets = new ZoneOffsets(timeZone);
    byZone.set(timeZone, offsets);
  }
  return offsets;
}
