import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs, type InstantInput } from '../_lib/instant';
import { createConditionInput } from './condition';
import { initialState, type Draft, outOfOrder, stepInto, TIMELINE_SUBJECT } from './clock';
import { plainReadsAreOwn } from './field-path';
import { SLA_LIMITS } from './limits';
import { compiledPolicy, type SlaPolicy } from './policy';
import type { SlaPolicyDefinitionInput } from './policy-schema';
import { clockResult, type SlaResult } from './result';
import { readEntryAt, type SlaTimelineEntry } from './timeline';

/**
 * Evaluates an SLA policy over a record's history at `now`, replaying the timeline from scratch (so
 * a calendar edit or a missed event never leaves the clock wrong). Each entry is the whole record as it
 * stood from its `at` on; entries must be in time order (equal instants allowed: they are applied in
 * order, the later one last) and at most 100,000. Entries after `now` are validated but ignored.
 * Cost: linear in the number of entries, independent of the time spanned.
 *
 * Throws {@link ItsmValidationError} naming `timeline.<i>.at` (bad or out-of-order instant),
 * `timeline.<i>.record...` or `now`.
 *
 * @example
 * const policy = createSlaPolicy({ id: 'resp', target: { durationMs: 3_600_000 }, start: { field: 'state', op: 'eq', value: 'new' },
 *   stop: { field: 'state', op: 'eq', value: 'resolved' } });
 * const r = evaluateSla(policy, [{ at: '2026-11-23T08:00:00Z', record: { state: 'new' } }], '2026-11-23T08:45:00Z');
 * r.elapsedMs //=> 2700000
 * r.percentage //=> 75
 * r.dueAt //=> 2026-11-23T09:00:00.000Z
 */
export function evaluateSla(policy: SlaPolicy | SlaPolicyDefinitionInput, timeline: readonly SlaTimelineEntry[], now: InstantInput): SlaResult {
  const compiled = compiledPolicy(policy);
  const nowMs = toEpochMs(now, 'now', TIMELINE_SUBJECT);
  if (!Array.isArray(timeline)) throw ItsmValidationError.at(TIMELINE_SUBJECT, ['timeline'], 'must be an array of { at, record }');
  if (timeline.length > SLA_LIMITS.timelineEntries) {
    throw ItsmValidationError.at(TIMELINE_SUBJECT, ['timeline'], `at most ${SLA_LIMITS.timelineEntries} entries`, 'too_big');
  }
  const state: Draft = initialState(compiled); // a fresh object, ours to change
  const input = createConditionInput(compiled.fields.length);
  input.plainOk = plainReadsAreOwn(compiled.readKeys);
  let previousAt = -Infinity;
  for (let i = 0; i < timeline.length; i++) {
    const entry = timeline[i] as SlaTimelineEntry;
    const at = readEntryAt(entry, i, input.plainOk);
    if (at < previousAt) throw outOfOrder(i, previousAt);
    previousAt = at;
    if (at <= nowMs) stepInto(compiled, state, at, entry.record, i, input);
  }
  return clockResult(compiled, state, nowMs);
}
