import { ItsmValidationError } from '../../_lib/errors';
import { toEpochMs, type InstantInput } from '../../_lib/instant';
import type { SlaPolicy } from '../policy';
import type { SlaResult } from '../result';
import type { SlaTimelineEntry } from '../timeline';

/**
 * One clock (one lane of the picture): its result, its policy, and optionally its own timeline and
 * label (defaults: the options' `timeline`, and the policy's `name` or `id`).
 *
 * @example
 * const lane: SlaTimelineLane = { result: evaluateSla(response, timeline, now), policy: response, label: 'Response' };
 */
export interface SlaTimelineLane {
  /** The clock's result (from `evaluateSla` or `slaStatus`): its warnings, breach, due and stop become markers. */
  readonly result: SlaResult;
  /** The policy the result was evaluated under (its calendar cuts the segments). */
  readonly policy: SlaPolicy;
  /** This clock's timeline, when it differs from the options' `timeline`. */
  readonly timeline?: readonly SlaTimelineEntry[];
  /** The lane's label (any text, escaped). Default: the policy's `name`, else its `id`. */
  readonly label?: string;
}

/**
 * Options of {@link slaTimelineSvg}. The segments are recomputed from `policy` (or each lane's),
 * `timeline` and `now` through the public SLA functions; markers come from the result.
 *
 * @example
 * const options: SlaTimelineSvgOptions = { policy, timeline, now: '2026-11-23T17:00:00Z', title: 'INC0010001', width: 1000 };
 */
export interface SlaTimelineSvgOptions {
  /** The policy of a single result (required then; lanes carry their own). */
  readonly policy?: SlaPolicy;
  /** The record's history, as given to `evaluateSla` (lanes may carry their own). */
  readonly timeline?: readonly SlaTimelineEntry[];
  /** The evaluation point the result was computed at. */
  readonly now: InstantInput;
  /** Start of the axis. Default: the earliest of the first timeline entry and every clock's start. */
  readonly from?: InstantInput;
  /** End of the axis. Default: `now`. At most 366 days after `from`. */
  readonly to?: InstantInput;
  /** Width in pixels (the viewBox width), 320 to 4,000. Default 960. */
  readonly width?: number;
  /** The title (shown, and the accessible name). Any text: it is escaped. Default `SLA clocks`. */
  readonly title?: string;
  /** The label of a single result's lane. */
  readonly label?: string;
  /** IANA zone of the axis labels. Default: the first policy calendar's zone, else UTC. */
  readonly timeZone?: string;
  /** Prefix of the element ids (`<prefix>-title`, `<prefix>-desc`), unique per page. Default `sla-timeline`. */
  readonly idPrefix?: string;
}

/** Validated options (internal). */
export interface ResolvedOptions {
  readonly lanes: ReadonlyArray<Required<Pick<SlaTimelineLane, 'result' | 'policy' | 'timeline' | 'label'>>>;
  readonly now: number;
  readonly from: number;
  readonly to: number;
  readonly width: number;
  readonly title: string;
  readonly timeZone: string;
  readonly idPrefix: string;
}

export const SVG_SUBJECT = 'slaTimelineSvg';
const MAX_LANES = 20;
const MAX_SPAN_MS = 366 * 86_400_000;
const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const fail = (path: ReadonlyArray<string | number>, reason: string): never => {
  throw ItsmValidationError.at(SVG_SUBJECT, path, reason);
};

function checkResult(result: unknown, path: ReadonlyArray<string | number>): SlaResult {
  const r = result as Partial<SlaResult> | null;
  if (typeof r !== 'object' || r === null || typeof r.status !== 'string' || !Array.isArray(r.warnings)) fail(path, 'must be an SLA result from evaluateSla or slaStatus');
  return result as SlaResult;
}

function checkPolicy(policy: unknown, path: ReadonlyArray<string | number>): SlaPolicy {
  const p = policy as Partial<SlaPolicy> | null;
  if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || typeof p.calendar !== 'object' || typeof p.definition !== 'object') fail(path, 'must be a policy from createSlaPolicy');
  return policy as SlaPolicy;
}

function checkText(value: unknown, path: ReadonlyArray<string | number>, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value as string;
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return fail(['timeZone'], 'must be an IANA time zone the runtime knows');
  }
}

/** Validates the arguments of slaTimelineSvg and fills in the defaults (internal). */
export function resolveOptions(subject: SlaResult | readonly SlaTimelineLane[], options: SlaTimelineSvgOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail(['options'], 'must be an object');
  const rawLanes: readonly SlaTimelineLane[] = Array.isArray(subject)
    ? (subject as readonly SlaTimelineLane[])
    : [{ result: subject as SlaResult, policy: checkPolicy(options.policy, ['policy']), ...(options.label === undefined ? {} : { label: options.label }) }];
  if (rawLanes.length === 0 || rawLanes.length > MAX_LANES) fail(['lanes'], `must have 1 to ${MAX_LANES} clocks`);
  const lanes = rawLanes.map((lane, i) => {
    const policy = checkPolicy(lane?.policy, ['lanes', i, 'policy']);
    const timeline = lane.timeline ?? options.timeline;
    if (!Array.isArray(timeline)) fail(Array.isArray(subject) ? ['lanes', i, 'timeline'] : ['timeline'], 'must be an array of { at, record } entries');
    return {
      result: checkResult(lane.result, Array.isArray(subject) ? ['lanes', i, 'result'] : ['result']),
      policy,
      timeline: timeline as readonly SlaTimelineEntry[],
      label: checkText(lane.label, Array.isArray(subject) ? ['lanes', i, 'label'] : ['label'], policy.definition.name ?? policy.id),
    };
  });
  const now = toEpochMs(options.now, 'now', SVG_SUBJECT);
  const from = options.from === undefined ? defaultFrom(lanes, now) : toEpochMs(options.from, 'from', SVG_SUBJECT);
  const to = options.to === undefined ? Math.max(now, from + 60_000) : toEpochMs(options.to, 'to', SVG_SUBJECT);
  if (to <= from) fail(['to'], 'must be after from');
  if (to - from > MAX_SPAN_MS) fail(['to'], 'must be at most 366 days after from');
  const width = options.width ?? 960;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 320 || width > 4_000) fail(['width'], 'must be an integer from 320 to 4000');
  const idPrefix = checkText(options.idPrefix, ['idPrefix'], 'sla-timeline');
  if (!ID_PREFIX.test(idPrefix)) fail(['idPrefix'], 'must start with a letter and hold at most 64 letters, digits, _ or -');
  const zone = checkText(options.timeZone, ['timeZone'], lanes[0]?.policy.definition.calendar?.timeZone ?? 'UTC');
  return { lanes, now, from, to, width, title: checkText(options.title, ['title'], 'SLA clocks'), timeZone: checkTimeZone(zone), idPrefix };
}

function defaultFrom(lanes: ResolvedOptions['lanes'], now: number): number {
  let from = now;
  for (const lane of lanes) {
    const first = lane.timeline[0];
    if (first !== undefined) from = Math.min(from, toEpochMs(first.at, 'timeline.0.at', SVG_SUBJECT));
    if (lane.result.startedAt !== null) from = Math.min(from, lane.result.startedAt.getTime());
  }
  return from === now ? now - 3_600_000 : from;
}
