import type { Decision } from './decisions';
import type { CompiledConfig } from './compile';
import type { CorrelatorState, FingerprintRecord, GroupRecord, InhibitEntry, ParkedAlert } from './state';
import { TableWriter } from './table';

/** A writable group record (only ever a copy made in the current call). */
export type MutableGroup = { -readonly [K in keyof GroupRecord]: GroupRecord[K] };

/**
 * The working context of one `ingest` or `tick` call: copy-on-write views over the state's tables,
 * the counters, and the decisions made so far. The input state is never mutated.
 */
export class Ctx {
  readonly fps: TableWriter<FingerprintRecord>;
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
  private readonly owned = new Set<object>();

  constructor(
    readonly config: CompiledConfig,
    state: CorrelatorState,
    readonly now: number,
  ) {
    this.fps = new TableWriter(state.fps);
    this.groups = new TableWriter(state.groups);
    this.index = new TableWriter(state.index);
    this.inhibit = new TableWriter(state.inhibit);
    this.parked = new TableWriter(state.parked);
    this.cis = new TableWriter(state.cis);
    this.seq = state.seq;
    this.open = state.open;
    this.tracked = state.tracked;
    this.next = state.next;
  }

  /** Remembers that a tick is worth it at `at`. */
  due(at: number): void {
    if (this.next === null || at < this.next) this.next = at;
  }

  /** A writable copy of group `key` (copied once per call). */
  writeGroup(key: string): MutableGroup {
    const g = this.groups.get(key)!;
    if (this.owned.has(g)) return g as MutableGroup;
    const copy: MutableGroup = { ...g };
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
      v: 1,
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
