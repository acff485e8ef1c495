import type { CorrelatorConfig } from './config-schema';
import type { CompiledInhibitRule } from './inhibition';
import { compileInhibitRules } from './inhibition';
import type { CompiledWindow, ScheduleFactory } from './maintenance';
import { compileWindows } from './maintenance';
import type { CompiledRule } from './rules';
import { compileRule } from './rules';
import { KeyListCache } from './key-lists';
import type { TopologyCache } from './topology-view';

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
