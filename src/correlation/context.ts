import type { Decision } from './decisions';
import type { CompiledConfig } from './compile';
import { FingerprintWriter } from './fp-table';
import { NO_IDS } from './incident';
import type { ParkedAlert } from './parked';
import type { CorrelatorState, GroupRecord, InhibitEntry } from './state';
import { TableWriter } from './table';

const SEQ_SPAN = 2 ** 32;

/** A writable group record (only ever a copy made in the current call). */
export type MutableGroup = { -readonly [K in keyof GroupRecord]: GroupRecord[K] };

/**
 * A copy of group record `g` with every field written out in one fixed order, so that every record
 * the correlator makes has the same V8 shape (an object spread of records of mixed shapes is a slow
 * generic copy). Absent optional fields are copied as `undefined`, which JSON leaves out.
 */
export function copyGroup(g: GroupRecord): MutableGroup {
  return { r: g.r, st: g.st, f: g.f, l: g.l, n: g.n, fc: g.fc, sv: g.sv, p: g.p, title: g.title, a: g.a, ci: g.ci, root: g.root, ra: g.ra, rt: g.rt, sx: g.sx, cl: g.cl };
}

/**
 * What one call wrote (see `schedule.ts`): the parked alerts and groups, each with its record before
 * the call's first write to it (undefined when it had none), and the fingerprints that got a forget
 * instant.
 */
export interface WrittenKeys {
  readonly parked: Map<string, ParkedAlert | undefined>;
  readonly groups: Map<string, GroupRecord | undefined>;
  readonly fps: Set<string>;
}

/**
 * The working context of one `ingest` or `tick` call: copy-on-write views over the state's tables,
 * the counters, and the decisions made so far. The input state is never mutated.
 */
export class Ctx {
  readonly fps: FingerprintWriter;
  readonly groups: TableWriter<GroupRecord>;
  readonly index: TableWriter<string>;
  readonly inhibit: TableWriter<InhibitEntry>;
  readonly parked: TableWriter<ParkedAlert>;
  readonly cis: TableWriter<string>;
  seq: number;
  open: number;
  tracked: number;
  next: number | null;
  readonly out: Decision[] = [];
  /** What this call wrote, when `track` asked for it (to keep a schedule up to date), else null. */
  readonly written: WrittenKeys | null;
  private readonly owned = new Set<object>();

  constructor(
    readonly config: CompiledConfig,
    state: CorrelatorState,
    readonly now: number,
    track = false,
  ) {
    this.fps = new FingerprintWriter(state.fps);
    this.groups = new TableWriter(state.groups);
    this.index = new TableWriter(state.index);
    this.inhibit = new TableWriter(state.inhibit);
    this.parked = new TableWriter(state.parked);
    this.cis = new TableWriter(state.cis);
    this.seq = state.seq;
    this.open = state.open;
    this.tracked = state.tracked;
    this.next = state.next;
    this.written = track ? { parked: new Map(), groups: new Map(), fps: new Set() } : null;
    if (this.written !== null) {
      this.parked.track(this.written.parked);
      this.groups.track(this.written.groups);
      this.fps.track(this.written.fps);
    }
  }

  /** The number a fingerprint record keeps for group `key` (rule index * 2^32 + sequence). */
  groupNumber(key: string): number {
    return this.groups.get(key)!.r * SEQ_SPAN + Number(key.slice(key.lastIndexOf('#') + 1));
  }

  /** The keys of the groups numbered `numbers` (one-group lists are shared within the call). */
  groupKeys(numbers: readonly number[]): readonly string[] {
    if (numbers.length === 0) return NO_IDS;
    if (numbers.length === 1) return this.groupKeysOf(numbers[0]!);
    return numbers.map((n) => this.keyOf(n));
  }

  /** The one-key list of group number `n` (frozen, and shared by every decision that names it). */
  groupKeysOf(n: number): readonly string[] {
    return this.config.keyLists.get(n, this.spellKey);
  }

  private readonly spellKey = (n: number): string => this.keyOf(n);

  private keyOf(n: number): string {
    const seq = n % SEQ_SPAN;
    return `${this.config.rules[(n - seq) / SEQ_SPAN]!.id}#${seq}`;
  }

  /** Remembers that a tick is worth it at `at`. */
  due(at: number): void {
    if (this.next === null || at < this.next) this.next = at;
  }

  /** A writable copy of group `key` (copied once per call). */
  writeGroup(key: string): MutableGroup {
    const g = this.groups.get(key)!;
    if (this.owned.has(g)) return g as MutableGroup;
    const copy = copyGroup(g);
    this.owned.add(copy);
    this.groups.set(key, copy);
    return copy;
  }

  /** Stores a new group record, writable for the rest of the call. */
  addGroup(key: string, g: MutableGroup): void {
    this.owned.add(g);
    this.groups.set(key, g);
  }

  /** A writable copy of a nested object or array of a record (copied once per call). */
  writable<T extends object>(value: T, copy: (v: T) => T): T {
    if (this.owned.has(value)) return value;
    const fresh = copy(value);
    this.owned.add(fresh);
    return fresh;
  }

  /** The state after this call. */
  state(): CorrelatorState {
    return {
      v: 2,
      seq: this.seq,
      open: this.open,
      tracked: this.tracked,
      next: this.next,
      fps: this.fps.result(),
      groups: this.groups.result(),
      index: this.index.result(),
      inhibit: this.inhibit.result(),
      parked: this.parked.result(),
      cis: this.cis.result(),
    };
  }
}
