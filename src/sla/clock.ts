import { addBusinessTime, businessTimeBetween } from '../calendar';
import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs } from '../_lib/instant';
import type { ConditionInput } from './condition';
import { readField } from './field-path';
import { levelsOf } from './levels';
import type { CompiledPolicy } from './policy';
import type { SlaClockStatus, SlaState } from './state';
import { valueKey } from './value-key';

/** The error subject for timeline problems. */
export const TIMELINE_SUBJECT = 'SLA timeline';

type Path = ReadonlyArray<string | number>;

/** The error for an entry whose `at` is before the previous entry's. */
export function outOfOrder(path: Path, previousAt: number): ItsmValidationError {
  const previous = new Date(previousAt).toISOString();
  return ItsmValidationError.at(TIMELINE_SUBJECT, [...path, 'at'], `must not be before the previous entry's at (${previous}); entries must be in time order`, 'out_of_order');
}

/** The state of a clock that has seen no entry. */
export function initialState(compiled: CompiledPolicy): SlaState {
  return {
    kind: 'sla-clock',
    version: 1,
    policy: compiled.policy.definition,
    status: 'not_started',
    entries: 0,
    lastEntryAt: null,
    since: null,
    elapsedMs: 0,
    pausedMs: 0,
    startedAt: null,
    stoppedAt: null,
    targetMs: null,
    targetSince: null,
    reachedAt: [],
    watchedKeys: compiled.watched.map(() => null),
  };
}

/**
 * Applies one timeline entry (the whole record as it stands from `at` on) to the clock: the one
 * stepping core behind both `evaluateSla` and `advanceSla`. Accrual is deferred while neither the
 * status nor the target changes, so a run of entries that change other fields costs no calendar call.
 */
export function stepClock(compiled: CompiledPolicy, state: SlaState, at: number, record: Readonly<Record<string, unknown>>, path: Path): SlaState {
  if (state.lastEntryAt !== null && at < state.lastEntryAt) {
    throw outOfOrder(path, state.lastEntryAt);
  }
  const input: ConditionInput = { record, keys: watchedKeysOf(compiled, record, path), previousKeys: state.watchedKeys };
  const base: SlaState = { ...state, entries: state.entries + 1, lastEntryAt: at, watchedKeys: input.keys };
  if (state.status === 'stopped' || state.status === 'cancelled') return base;
  const targetMs = compiled.targetOf(record);
  if (state.status === 'not_started') {
    if (!compiled.start(input)) return { ...base, targetMs };
    const startedAt = compiled.retroactiveField === null ? at : retroactiveInstant(compiled.retroactiveField, record, at, path);
    const started = restart(base, startedAt, targetMs, compiled.warnAt);
    return classify(accrue(compiled, started, at), statusFor(compiled, input), at);
  }
  const reset = compiled.resetOn !== null && compiled.resetOn(input);
  const next = statusFor(compiled, input);
  if (!reset && next === state.status && targetMs === state.targetMs) return base;
  let moved = accrue(compiled, base, at);
  if (reset) moved = restart(moved, at, targetMs, compiled.warnAt);
  else if (targetMs !== moved.targetMs) moved = retarget(moved, targetMs, at, compiled.warnAt);
  return classify(moved, next, at);
}

/**
 * Brings elapsed (while running) or paused time (while paused) up to `to`, recording the instant each
 * not-yet-reached level is reached. One `businessTimeBetween` per segment, plus one `addBusinessTime`
 * per level crossed: the cost does not grow with the time spanned.
 */
export function accrue(compiled: CompiledPolicy, state: SlaState, to: number): SlaState {
  const since = state.since;
  if (since === null || since === to || (state.status !== 'running' && state.status !== 'paused')) return state;
  const span = businessTimeBetween(compiled.calendar, since, to);
  if (state.status === 'paused') return { ...state, since: to, pausedMs: state.pausedMs + span };
  const elapsedMs = state.elapsedMs + span;
  let reachedAt = state.reachedAt;
  if (state.targetMs !== null && reachedAt.some((r) => r === null)) {
    const levels = levelsOf(compiled.warnAt, state.targetMs);
    reachedAt = reachedAt.map((r, i) => {
      const level = levels[i] as number;
      return r === null && level <= elapsedMs ? addBusinessTime(compiled.calendar, since, level - state.elapsedMs).getTime() : r;
    });
  }
  return { ...state, since: to, elapsedMs, reachedAt };
}

/** The status an entry puts a started clock in: cancel, else stop, else pause, else running. */
function statusFor(compiled: CompiledPolicy, input: ConditionInput): SlaClockStatus {
  if (compiled.cancel?.(input)) return 'cancelled';
  if (compiled.stop?.(input)) return 'stopped';
  if (compiled.pause?.(input)) return 'paused';
  return 'running';
}

function classify(state: SlaState, status: SlaClockStatus, at: number): SlaState {
  const final = status === 'stopped' || status === 'cancelled';
  return { ...state, status, stoppedAt: final ? at : null };
}

/** Starts (or restarts, on `resetOn`) the clock from zero at `at`. */
function restart(state: SlaState, at: number, targetMs: number | null, warnAt: readonly number[]): SlaState {
  return {
    ...state,
    status: 'running',
    since: at,
    elapsedMs: 0,
    pausedMs: 0,
    startedAt: at,
    stoppedAt: null,
    targetMs,
    targetSince: at,
    reachedAt: targetMs === null ? [] : levelsOf(warnAt, targetMs).map(() => null),
  };
}

/**
 * A new target from `at` on, elapsed kept: every level elapsed already reaches counts as reached at
 * `at` (so a priority raise past the target breaches at the instant of the raise).
 */
function retarget(state: SlaState, targetMs: number | null, at: number, warnAt: readonly number[]): SlaState {
  const reachedAt = targetMs === null ? [] : levelsOf(warnAt, targetMs).map((level) => (state.elapsedMs >= level ? at : null));
  return { ...state, targetMs, targetSince: at, reachedAt };
}

function watchedKeysOf(compiled: CompiledPolicy, record: Readonly<Record<string, unknown>>, path: Path): Array<string | null> {
  return compiled.watched.map((segments) => {
    const key = valueKey(readField(record, segments));
    if (key === undefined) {
      throw ItsmValidationError.at(TIMELINE_SUBJECT, [...path, 'record', ...segments], 'is too large to compare for `changed` (at most 4,096 characters serialized)', 'too_big');
    }
    return key;
  });
}

function retroactiveInstant(field: string, record: Readonly<Record<string, unknown>>, at: number, path: Path): number {
  const fieldPath = [...path, 'record', field].join('.');
  const instant = toEpochMs(readField(record, field.split('.')), fieldPath, TIMELINE_SUBJECT);
  if (instant > at) throw ItsmValidationError.at(TIMELINE_SUBJECT, fieldPath.split('.'), "must not be after the entry's at (the clock cannot start in the future)");
  return instant;
}
