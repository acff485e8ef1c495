import type { CorrelatorConfig } from './config-schema';
import type { CompiledInhibitRule } from './inhibition';
import { compileInhibitRules } from './inhibition';
import type { CompiledWindow, ScheduleFactory } from './maintenance';
import { compileWindows } from './maintenance';
import type { CompiledRule } from './rules';
import { compileRule } from './rules';
import type { TopologyCache } from './topology-view';

/**
 * A direct-mapped cache of frozen one-key lists by group number (slot: the low bits of the sequence):
 * no hashing of a number that does not fit 32 bits, and a fixed size.
 */
export class KeyListCache {
  private readonly numbers = new Float64Array(KEY_LIST_SLOTS).fill(-1);
  private readonly lists: Array<readonly string[] | undefined> = new Array<readonly string[] | undefined>(KEY_LIST_SLOTS);

  /** The cached list for group number `n`, else `spell(n)` frozen in a one-key list and cached. */
  get(n: number, spell: (n: number) => string): readonly string[] {
    const slot = n & (KEY_LIST_SLOTS - 1); // ToInt32 keeps the low bits: those of the sequence
    if (this.numbers[slot] === n) return this.lists[slot]!;
    const list = Object.freeze([spell(n)]);
    this.numbers[slot] = n;
    this.lists[slot] = list;
    return list;
  }
}

const KEY_LIST_SLOTS = 65_536;

/** Everything createCorrelator compiles once: rules, inhibitions, windows, limits and the topology. */
export interface CompiledConfig {
  readonly rules: readonly CompiledRule[];
  readonly inhibitRules: readonly CompiledInhibitRule[];
  readonly windows: readonly CompiledWindow[];
  readonly flapping: CorrelatorConfig['flapping'];
  readonly storm: CorrelatorConfig['storm'];
  readonly retention: number;
  readonly topology: TopologyCache | undefined;
  /**
   * One-key incident key lists by group number, shared by decisions across calls (frozen; a group
   * number names one key for good, so the cache holds no state, only spelling).
   */
  readonly keyLists: KeyListCache;
}

/** Compiles a validated config. */
export function compileConfig(config: CorrelatorConfig, schedule: ScheduleFactory, topology: TopologyCache | undefined): CompiledConfig {
  return {
    rules: config.rules.map(compileRule),
    inhibitRules: compileInhibitRules(config.inhibitRules),
    windows: compileWindows(config.maintenance, schedule),
    flapping: config.flapping,
    storm: config.storm,
    retention: config.retention,
    topology,
    keyLists: new KeyListCache(),
  };
}
