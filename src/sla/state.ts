import type { SlaPolicyDefinition } from './policy-schema';

/**
 * Where an SLA clock stands: `not_started` (the start condition has not held yet), `running`,
 * `paused`, `stopped` (met or missed, final) or `cancelled` (final).
 *
 * @example
 * const status: SlaClockStatus = 'running';
 */
export type SlaClockStatus = 'not_started' | 'running' | 'paused' | 'stopped' | 'cancelled';

/**
 * The incremental clock state: plain JSON (instants as epoch milliseconds) that survives
 * `JSON.parse(JSON.stringify(state))` unchanged, so hosts store it anywhere. It carries its policy
 * definition, so {@link advanceSla} and {@link slaStatus} need nothing else. Treat it as opaque and
 * read results through {@link slaStatus}.
 *
 * @example
 * const state: SlaState = startSla(policy);
 * JSON.parse(JSON.stringify(state)) // an equal, equally usable state
 */
export interface SlaState {
  readonly kind: 'sla-clock';
  readonly version: 1;
  /** The policy definition the clock runs under. */
  readonly policy: SlaPolicyDefinition;
  readonly status: SlaClockStatus;
  /** How many entries were advanced. */
  readonly entries: number;
  /** The `at` of the last entry advanced (entries must not go back in time). */
  readonly lastEntryAt: number | null;
  /** The instant up to which `elapsedMs` (and `pausedMs`, unless `pauseUnmeasured`) are accounted. */
  readonly since: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  /**
   * True when a paused stretch since the (re)start has not been measured: paused time is then the
   * business time from `startedAt` to `since` minus `elapsedMs` (running and paused stretches tile the
   * clock's life), worked out once when a result is read instead of once per pause. Absent in states
   * stored by 0.1.0, which measured every pause (read as false).
   */
  readonly pauseUnmeasured?: boolean | undefined;
  readonly startedAt: number | null;
  /** The instant of the stop or cancel. */
  readonly stoppedAt: number | null;
  /** The target in force (before the start: the one the latest record would pick). */
  readonly targetMs: number | null;
  /** When `targetMs` took effect (the start, a reset or a change of target). */
  readonly targetSince: number | null;
  /**
   * For each level (each warning threshold in ascending order, then the target itself): the instant
   * elapsed reached it under the current target, or null. Empty without a target.
   */
  readonly reachedAt: ReadonlyArray<number | null>;
  /** The `changed` keys of the last entry's watched fields. */
  readonly watchedKeys: ReadonlyArray<string | null>;
}
