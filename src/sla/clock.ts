import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs } from '../_lib/instant';
import { createConditionInput, loadConditionInput, type ConditionInput } from './condition';
import { readField } from './field-path';
import type { CompiledPolicy } from './policy';
import type { SlaClockStatus, SlaState } from './state';
import { valueKey } from './value-key';

/** The error subject for timeline problems. */
export const TIMELINE_SUBJECT = 'SLA timeline';

type Path = ReadonlyArray<string | number>;

/**
 * Which entry is being applied, for error paths: its index in the batch timeline (`timeline.<i>`), or
 * {@link INCREMENTAL_ENTRY} for `advanceSla`'s single entry (`entry`). Paths are only built on error.
 */
export type EntryIndex = number;
/** The {@link EntryIndex} of `advanceSla`'s entry. */
export const INCREMENTAL_ENTRY: EntryIndex = -1;

/** The error path of an entry. */
export function entryPath(index: EntryIndex): Path {
  return index === INCREMENTAL_ENTRY ? ['entry'] : ['timeline', index];
}

/** The error for an entry whose `at` is before the previous entry's. */
export function outOfOrder(index: EntryIndex, previousAt: number): ItsmValidationError {
  const previous = new Date(previousAt).toISOString();
  return ItsmValidationError.at(TIMELINE_SUBJECT, [...entryPath(index), 'at'], `must not be before the previous entry's at (${previous}); entries must be in time order`, 'out_of_order');
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
    pauseUnmeasured: false,
    startedAt: null,
    stoppedAt: null,
    targetMs: null,
    targetSince: null,
    reachedAt: [],
    watchedKeys: compiled.watched.length === 0 ? NO_KEYS : compiled.watched.map(() => null),
  };
}

/** A state being built by this module (a fresh copy, never a caller's object). */
export type Draft = { -readonly [K in keyof SlaState]: SlaState[K] };

/** Copies a state with every field in one fixed order (one hidden class: object spread was the hot spot). */
export function draftOf(s: SlaState): Draft {
  return {
    kind: s.kind, version: s.version, policy: s.policy, status: s.status, entries: s.entries, lastEntryAt: s.lastEntryAt,
    since: s.since, elapsedMs: s.elapsedMs, pausedMs: s.pausedMs, pauseUnmeasured: s.pauseUnmeasured === true, startedAt: s.startedAt, stoppedAt: s.stoppedAt,
    targetMs: s.targetMs, targetSince: s.targetSince, reachedAt: s.reachedAt, watchedKeys: s.watchedKeys,
  };
}

/**
 * Applies one timeline entry (the whole record as it stands from `at` on) to the clock: the one
 * stepping core behind both `evaluateSla` and `advanceSla`. Returns a new state; `state` is unchanged.
 */
export function stepClock(compiled: CompiledPolicy, state: SlaState, at: number, record: Readonly<Record<string, unknown>>, index: EntryIndex): SlaState {
  const next = draftOf(state);
  stepInto(compiled, next, at, record, index);
  return next;
}

/**
 * {@link stepClock} on a draft this module owns, changed in place (the batch evaluator keeps one draft
 * and one condition input for the whole timeline). Accrual is deferred while neither the status nor the target changes, so a
 * run of entries that change other fields costs no calendar call.
 */
export function stepInto(
  compiled: CompiledPolicy,
  next: Draft,
  at: number,
  record: Readonly<Record<string, unknown>>,
  index: EntryIndex,
  input: ConditionInput = createConditionInput(compiled.fields.length),
): void {
  if (next.lastEntryAt !== null && at < next.lastEntryAt) throw outOfOrder(index, next.lastEntryAt);
  const status = next.status;
  next.entries += 1;
  next.lastEntryAt = at;
  if (status === 'stopped' || status === 'cancelled') return; // final: later entries change nothing
  loadConditionInput(input, record, compiled.fields, watchedKeysOf(compiled, record, index), next.watchedKeys);
  next.watchedKeys = input.keys;
  const targetMs = compiled.targetOf(input.values);
  if (status === 'not_started') {
    if (!compiled.start(input)) {
      next.targetMs = targetMs;
      return;
    }
    const startedAt = compiled.retroactiveField === null ? at : retroactiveInstant(compiled.retroactiveField, record, at, index);
    restart(next, startedAt, targetMs, compiled);
    accrueInto(compiled, next, at);
    classify(next, statusFor(compiled, input), at);
    return;
  }
  const reset = compiled.resetOn !== null && compiled.resetOn(input);
  const nextStatus = statusFor(compiled, input);
  if (!reset && nextStatus === status && targetMs === next.targetMs) return;
  accrueInto(compiled, next, at);
  if (reset) restart(next, at, targetMs, compiled);
  else if (targetMs !== next.targetMs) retarget(next, targetMs, at, compiled);
  classify(next, nextStatus, at);
}

/**
 * The state brought up to `to`: elapsed (while running) or paused time (while paused) accrued, and the
 * instant each not-yet-reached level is reached recorded. One `businessTimeBetween` per segment, plus
 * one `addBusinessTime` per level crossed: the cost does not grow with the time spanned.
 */
export function accrue(compiled: CompiledPolicy, state: SlaState, to: number): SlaState {
  if (state.since === null || state.since === to || (state.status !== 'running' && state.status !== 'paused')) return state;
  const next = draftOf(state);
  accrueInto(compiled, next, to);
  return next;
}

function accrueInto(compiled: CompiledPolicy, state: Draft, to: number): void {
  const since = state.since;
  if (since === null || since === to || (state.status !== 'running' && state.status !== 'paused')) return;
  state.since = to;
  if (state.status === 'paused') {
    state.pauseUnmeasured = true; // measured once, when a result is read (see `pausedMsOf`)
    return;
  }
  const span = compiled.calendar.between(since, to);
  const before = state.elapsedMs;
  const after = before + span;
  state.elapsedMs = after;
  if (state.targetMs === null) return;
  // Levels ascend and are reached in order, so the unreached ones are a suffix of `reachedAt`.
  const levels = compiled.levels(state.targetMs);
  let k = state.reachedAt.indexOf(null);
  if (k < 0 || (levels[k] as number) > after) return;
  const reachedAt = state.reachedAt.slice();
  for (; k < levels.length && (levels[k] as number) <= after; k++) {
    reachedAt[k] = compiled.calendar.add(since, (levels[k] as number) - before);
  }
  state.reachedAt = reachedAt;
}

/**
 * The business time a clock has spent paused, up to `since`: running and paused stretches tile the
 * time from the (re)start to `since`, so it is that business time minus elapsed (one calendar call
 * for any number of pauses), or the measured `pausedMs` when no pause is left unmeasured.
 */
export function pausedMsOf(compiled: CompiledPolicy, state: SlaState): number {
  if (state.pauseUnmeasured !== true || state.startedAt === null || state.since === null) return state.pausedMs;
  return compiled.calendar.between(state.startedAt, state.since) - state.elapsedMs;
}

/** The status an entry puts a started clock in: cancel, else stop, else pause, else running. */
function statusFor(compiled: CompiledPolicy, input: ConditionInput): SlaClockStatus {
  if (compiled.cancel?.(input)) return 'cancelled';
  if (compiled.stop?.(input)) return 'stopped';
  if (compiled.pause?.(input)) return 'paused';
  return 'running';
}

function classify(state: Draft, status: SlaClockStatus, at: number): void {
  state.status = status;
  state.stoppedAt = status === 'stopped' || status === 'cancelled' ? at : null;
}

/** Starts (or restarts, on `resetOn`) the clock from zero at `at`. */
function restart(state: Draft, at: number, targetMs: number | null, compiled: CompiledPolicy): void {
  state.status = 'running';
  state.since = at;
  state.elapsedMs = 0;
  state.pausedMs = 0;
  state.pauseUnmeasured = false;
  state.startedAt = at;
  state.stoppedAt = null;
  state.targetMs = targetMs;
  state.targetSince = at;
  state.reachedAt = targetMs === null ? [] : compiled.levels(targetMs).map(() => null);
}

/**
 * A new target from `at` on, elapsed kept: every level elapsed already reaches counts as reached at
 * `at` (so a priority raise past the target breaches at the instant of the raise).
 */
function retarget(state: Draft, targetMs: number | null, at: number, compiled: CompiledPolicy): void {
  const elapsed = state.elapsedMs;
  state.targetMs = targetMs;
  state.targetSince = at;
  state.reachedAt = targetMs === null ? [] : compiled.levels(targetMs).map((level) => (elapsed >= level ? at : null));
}

const NO_KEYS: ReadonlyArray<string | null> = Object.freeze([]);

function watchedKeysOf(compiled: CompiledPolicy, record: Readonly<Record<string, unknown>>, index: EntryIndex): ReadonlyArray<string | null> {
  if (compiled.watched.length === 0) return NO_KEYS;
  return compiled.watched.map((segments) => {
    const key = valueKey(readField(record, segments));
    if (key === undefined) {
      throw ItsmValidationError.at(TIMELINE_SUBJECT, [...entryPath(index), 'record', ...segments], 'is too large to compare for `changed` (at most 4,096 characters serialized)', 'too_big');
    }
    return key;
  });
}

function retroactiveInstant(field: string, record: Readonly<Record<string, unknown>>, at: number, index: EntryIndex): number {
  const fieldPath = [...entryPath(index), 'record', field].join('.');
  const instant = toEpochMs(readField(record, field.split('.')), fieldPath, TIMELINE_SUBJECT);
  if (instant > at) throw ItsmValidationError.at(TIMELINE_SUBJECT, fieldPath.split('.'), "must not be after the entry's at (the clock cannot start in the future)");
  return instant;
}
