import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs, type InstantInput } from '../_lib/instant';
import { parseOrThrow } from '../_lib/zod-issues';
import { INCREMENTAL_ENTRY, initialState, stepClock } from './clock';
import { compiledPolicy, createSlaPolicy, type CompiledPolicy, type SlaPolicy } from './policy';
import type { SlaPolicyDefinitionInput } from './policy-schema';
import { clockResult, type SlaResult } from './result';
import type { SlaState } from './state';
import { SlaStateSchema } from './state-schema';
import { readEntryAt, type SlaTimelineEntry } from './timeline';

const STATE_SUBJECT = 'SLA state';
/** States this module produced (frozen, consistent): not re-validated. */
const trusted = new WeakSet<SlaState>();

/**
 * Starts an incremental SLA clock: a plain-JSON state that {@link advanceSla} moves entry by entry and
 * {@link slaStatus} reads at any `now`, giving exactly what `evaluateSla` gives on the same entries.
 *
 * @example
 * let state = startSla(policy);
 * state = advanceSla(state, { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 1 } });
 * slaStatus(state, '2026-11-23T09:00:00Z').elapsedMs //=> 3600000
 */
export function startSla(policy: SlaPolicy | SlaPolicyDefinitionInput): SlaState {
  return trust(initialState(compiledPolicy(policy)));
}

/**
 * Applies the next entry (the whole record as it stands from `at` on) and returns the new state; the
 * given state is not changed. Entries must come in time order (equal instants allowed); a state
 * restored from storage is validated once. Throws {@link ItsmValidationError} naming `entry.at`,
 * `entry.record...` or the bad state field.
 *
 * @example
 * const next = advanceSla(state, { at: Date.parse('2026-11-23T10:00:00Z'), record: { state: 'on_hold', priority: 1 } });
 */
export function advanceSla(state: SlaState, entry: SlaTimelineEntry): SlaState {
  const { compiled, checked } = resolveState(state);
  const at = readEntryAt(entry, INCREMENTAL_ENTRY);
  return trust(stepClock(compiled, checked, at, entry.record, INCREMENTAL_ENTRY));
}

/**
 * The clock's result at `now` (not before the last entry advanced): the same fields, with the same
 * values, as `evaluateSla` over the same entries.
 *
 * @example
 * const r = slaStatus(state, '2026-11-23T12:00:00Z');
 * r.status //=> 'running'
 */
export function slaStatus(state: SlaState, now: InstantInput): SlaResult {
  const { compiled, checked } = resolveState(state);
  const nowMs = toEpochMs(now, 'now', STATE_SUBJECT);
  if (checked.lastEntryAt !== null && nowMs < checked.lastEntryAt) {
    throw ItsmValidationError.at(STATE_SUBJECT, ['now'], `must not be before the last entry advanced (${new Date(checked.lastEntryAt).toISOString()})`);
  }
  return clockResult(compiled, checked, nowMs);
}

function trust(state: SlaState): SlaState {
  Object.freeze(state.reachedAt);
  Object.freeze(state.watchedKeys);
  trusted.add(Object.freeze(state));
  return state;
}

function resolveState(state: SlaState): { compiled: CompiledPolicy; checked: SlaState } {
  if (trusted.has(state)) return { compiled: compiledPolicy(state.policy), checked: state };
  const parsed = parseOrThrow(SlaStateSchema, STATE_SUBJECT, state);
  const policy = createSlaPolicy(parsed.policy);
  const compiled = compiledPolicy(policy);
  checkConsistency(compiled, parsed);
  return { compiled, checked: trust({ ...parsed, policy: policy.definition }) };
}

function checkConsistency(compiled: CompiledPolicy, s: SlaState): void {
  const fail = (field: string, why: string): never => {
    throw ItsmValidationError.at(STATE_SUBJECT, [field], why);
  };
  const levels = s.targetMs === null || s.status === 'not_started' ? 0 : compiled.levels(s.targetMs).length;
  if (s.reachedAt.length !== levels) fail('reachedAt', `must have ${levels} entries for this policy and target`);
  const firstUnreached = s.reachedAt.indexOf(null);
  if (firstUnreached >= 0 && s.reachedAt.slice(firstUnreached).some((r) => r !== null)) fail('reachedAt', 'levels are reached in ascending order');
  if (s.watchedKeys.length !== compiled.watched.length) fail('watchedKeys', `must have ${compiled.watched.length} entries for this policy`);
  const started = s.status !== 'not_started';
  if (started !== (s.startedAt !== null && s.since !== null)) fail('startedAt', 'must be set exactly when the clock has started');
  const final = s.status === 'stopped' || s.status === 'cancelled';
  if (final !== (s.stoppedAt !== null)) fail('stoppedAt', 'must be set exactly when the clock is stopped or cancelled');
  if (s.entries > 0 !== (s.lastEntryAt !== null)) fail('lastEntryAt', 'must be set exactly when entries were advanced');
}
