import { businessIntervals } from '../../calendar';
import { ItsmValidationError } from '../../_lib/errors';
import { toEpochMs, type InstantInput } from '../../_lib/instant';
import { evaluateSla } from '../evaluate';
import { advanceSla, slaStatus, startSla } from '../incremental';
import { SLA_LIMITS } from '../limits';
import type { SlaPolicy } from '../policy';
import type { SlaTimelineEntry } from '../timeline';

/**
 * What an SLA clock was doing during a stretch of time, as the timeline picture draws it:
 * `running` (counting toward the target, in business time), `overdue` (running after the breach),
 * `paused` (in business time, counted as paused) and `outside-hours` (started and not final, but the
 * calendar is closed, so nothing counts).
 *
 * @example
 * const kind: SlaSegmentKind = 'outside-hours';
 */
export type SlaSegmentKind = 'running' | 'overdue' | 'paused' | 'outside-hours';

/**
 * All segment kinds, in drawing and legend order.
 *
 * @example
 * SLA_SEGMENT_KINDS //=> ['running', 'overdue', 'paused', 'outside-hours']
 */
export const SLA_SEGMENT_KINDS: readonly SlaSegmentKind[] = Object.freeze(['running', 'overdue', 'paused', 'outside-hours']);

/**
 * One stretch of an SLA clock's life, half-open `[start, end)`.
 *
 * @example
 * const s: SlaClockSegment = { kind: 'paused', start: new Date('2026-11-23T10:00:00Z'), end: new Date('2026-11-23T11:00:00Z') };
 */
export interface SlaClockSegment {
  readonly kind: SlaSegmentKind;
  readonly start: Date;
  readonly end: Date;
}

const SUBJECT = 'slaClockSegments';

/**
 * The segments of an SLA clock from its start to its stop (or `now`): the clock's status between
 * timeline entries, replayed through {@link startSla} / {@link advanceSla} / {@link slaStatus}, then
 * cut by the policy calendar's business intervals. Running time after the breach is `overdue`.
 * Segments are sorted, never overlap, and adjacent ones always differ in kind. Entries after `now`
 * are ignored, as `evaluateSla` ignores them.
 *
 * @param policy - The policy the clock runs under.
 * @param timeline - The record's history (`{ at, record }` in time order), as for `evaluateSla`.
 * @param now - The evaluation point.
 *
 * @example
 * const policy = createSlaPolicy({ id: 'resp', start: { field: 'state', op: 'eq', value: 'new' }, target: { durationMs: 3_600_000 } });
 * slaClockSegments(policy, [{ at: '2026-11-23T08:00:00Z', record: { state: 'new' } }], '2026-11-23T10:00:00Z')
 * //=> [{ kind: 'running', start: 08:00Z, end: 09:00Z }, { kind: 'overdue', start: 09:00Z, end: 10:00Z }]
 */
export function slaClockSegments(policy: SlaPolicy, timeline: readonly SlaTimelineEntry[], now: InstantInput): SlaClockSegment[] {
  const nowMs = toEpochMs(now, 'now', SUBJECT);
  const breachedAt = evaluateSla(policy, timeline, nowMs).breachedAt;
  return clockSegments(policy, timeline, nowMs, breachedAt === null ? null : breachedAt.getTime());
}

/** A stretch in which the clock had one started, non-final status (internal). */
interface StatusSpan {
  readonly status: 'running' | 'paused';
  readonly start: number;
  readonly end: number;
}

/** The segments given the breach instant to split running time at (internal: the SVG passes its result's). */
export function clockSegments(policy: SlaPolicy, timeline: readonly SlaTimelineEntry[], nowMs: number, breachedAtMs: number | null): SlaClockSegment[] {
  const out: MsSegment[] = [];
  for (const span of statusSpans(policy, timeline, nowMs)) {
    let cursor = span.start;
    for (const interval of businessIntervals(policy.calendar, span.start, span.end)) {
      push(out, 'outside-hours', cursor, interval.start.getTime());
      addBusiness(out, span.status, interval.start.getTime(), interval.end.getTime(), breachedAtMs);
      cursor = interval.end.getTime();
    }
    push(out, 'outside-hours', cursor, span.end);
  }
  return out.map((s) => ({ kind: s.kind, start: new Date(s.start), end: new Date(s.end) }));
}

interface MsSegment {
  kind: SlaSegmentKind;
  start: number;
  end: number;
}

function addBusiness(out: MsSegment[], status: StatusSpan['status'], start: number, end: number, breachedAtMs: number | null): void {
  if (status === 'paused') return push(out, 'paused', start, end);
  const split = breachedAtMs === null ? end : Math.min(end, Math.max(start, breachedAtMs));
  push(out, 'running', start, split);
  push(out, 'overdue', split, end);
}

/** Appends a non-empty segment, extending the last one when it is of the same kind and touches it. */
function push(out: MsSegment[], kind: SlaSegmentKind, start: number, end: number): void {
  if (end <= start) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === kind && last.end === start) last.end = end;
  else out.push({ kind, start, end });
}

/** The clock's running and paused stretches, from the start (a retroactive one included) to the stop or `now`. */
function statusSpans(policy: SlaPolicy, timeline: readonly SlaTimelineEntry[], nowMs: number): StatusSpan[] {
  if (!Array.isArray(timeline)) throw ItsmValidationError.at(SUBJECT, ['timeline'], 'must be an array of { at, record } entries');
  if (timeline.length > SLA_LIMITS.timelineEntries) throw ItsmValidationError.at(SUBJECT, ['timeline'], `must have at most ${SLA_LIMITS.timelineEntries} entries`);
  const spans: StatusSpan[] = [];
  let state = startSla(policy);
  let open: { status: StatusSpan['status']; since: number } | null = null;
  for (const [i, entry] of timeline.entries()) {
    const at = toEpochMs(entry?.at, `timeline.${i}.at`, SUBJECT);
    if (at > nowMs) break;
    const wasStarted = state.status !== 'not_started';
    state = advanceSla(state, entry);
    const result = slaStatus(state, at);
    const status = result.status;
    // A retroactive start counts as running from the instant it names up to this entry.
    if (!wasStarted && result.startedAt !== null && result.startedAt.getTime() < at) open = { status: 'running', since: result.startedAt.getTime() };
    if (open !== null && open.status !== status) {
      spans.push({ status: open.status, start: open.since, end: at });
      open = null;
    }
    if (status === 'stopped' || status === 'cancelled') return spans;
    if ((status === 'running' || status === 'paused') && open === null) open = { status, since: at };
  }
  if (open !== null) spans.push({ status: open.status, start: open.since, end: nowMs });
  return spans;
}
