import { z } from 'zod';
import { toEpochMs, toIso } from '../../_lib/instant';
import type { InstantInput } from '../../_lib/instant';
import { ItsmValidationError } from '../../_lib/errors';
import { parseOrThrow } from '../../_lib/zod-issues';
import type { ChangeInput } from '../../models/change';
import type { PreparedSchedule, ScheduleContext } from './context';
import { prepareSchedule } from './context';
import type { Interval } from './intervals';
import { intersectIntervals, mergeIntervals, subtractIntervals } from './intervals';
import { plannedWindowOf } from './occupancy';
import { unionIn } from './window-intervals';
import { SCHEDULING_LIMITS } from './windows';

const DAY_MS = 86_400_000;

/**
 * The search settings of `findChangeSlots` (besides the schedule and `from`): how far to look
 * (`horizonMs`, default 90 days like ServiceNow's "next available", at most 2 years), how many
 * suggestions (`limit`, default 100, at most 1,000), the grid of candidate starts (`stepMs`, default
 * 15 minutes: starts are whole multiples of it since the Unix epoch, so quarter hours in every zone),
 * and the length of the change (`durationMs`, default the change's planned duration).
 *
 * @example
 * ChangeSlotSearchSchema.parse({ horizonMs: 7 * 86_400_000, limit: 5, stepMs: 3_600_000 })
 */
export const ChangeSlotSearchSchema = z.strictObject({
  horizonMs: z.number().int().positive().max(SCHEDULING_LIMITS.horizonMs).default(90 * DAY_MS),
  limit: z.number().int().positive().max(SCHEDULING_LIMITS.slots).default(100),
  stepMs: z.number().int().min(1_000).max(DAY_MS).default(15 * 60_000),
  durationMs: z.number().int().positive().max(SCHEDULING_LIMITS.horizonMs).optional(),
});

/**
 * Options of {@link findChangeSlots}: the schedule of `detectConflicts`, where to start looking, and
 * the search settings of {@link ChangeSlotSearchSchema}.
 *
 * @example
 * const options: FindChangeSlotsOptions = { changes: [], blackouts: [], maintenanceWindows: [], from: '2026-11-23T08:00:00Z', limit: 5 };
 */
export type FindChangeSlotsOptions = ScheduleContext & z.input<typeof ChangeSlotSearchSchema> & { readonly from: InstantInput };

/**
 * A conflict-free window for a change, ready to spread into it: `{ ...change, ...slot }`.
 *
 * @example
 * const slot: ChangeSlot = { plannedStart: '2026-11-29T02:00:00.000Z', plannedEnd: '2026-11-29T04:00:00.000Z' };
 */
export interface ChangeSlot {
  readonly plannedStart: string;
  readonly plannedEnd: string;
}

const SEARCH_KEYS = ['from', 'horizonMs', 'limit', 'stepMs', 'durationMs'] as const;

/**
 * The earliest conflict-free windows for `change` (each one `durationMs` long, by default its planned
 * duration), for which {@link detectConflicts} would report nothing. Slots start on the `stepMs` grid
 * at or after `from`, lie entirely within `[from, from + horizonMs]`, do not overlap one another, and
 * are sorted: the first is the earliest possible start, and each next one is the earliest start at or
 * after the previous one's end. At most `limit` of them; fewer (or none) when the horizon runs out.
 * Computed by interval arithmetic over the busy, blackout and maintenance intervals, never by stepping
 * through time.
 *
 * @example
 * findChangeSlots(change, {
 *   changes: [], maintenanceWindows: [],
 *   blackouts: [{ id: 'xmas', start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' }],
 *   from: '2026-12-23T23:00:00Z', durationMs: 2 * 3_600_000, limit: 1,
 * }) //=> [{ plannedStart: '2026-12-27T00:00:00.000Z', plannedEnd: '2026-12-27T02:00:00.000Z' }]
 */
export function findChangeSlots(change: ChangeInput, options: FindChangeSlotsOptions): ChangeSlot[] {
  const schedule = prepareSchedule(change, options, SEARCH_KEYS);
  const from = toEpochMs(options.from, 'from', 'change schedule');
  const search = parseOrThrow(ChangeSlotSearchSchema, 'change schedule', {
    horizonMs: options.horizonMs, limit: options.limit, stepMs: options.stepMs, durationMs: options.durationMs,
  });
  const planned = plannedWindowOf(schedule.change);
  const durationMs = search.durationMs ?? (planned && planned.end - planned.start);
  if (durationMs === undefined) {
    throw ItsmValidationError.at('change schedule', ['durationMs'], 'required when the change has no planned window');
  }
  const horizon = { start: Math.ceil(from), end: Math.floor(from + search.horizonMs) };
  const starts = feasibleStarts(schedule, horizon, durationMs);
  return pickSlots(starts, durationMs, search.stepMs, search.limit);
}

/**
 * The merged set of start instants `t` (as `[lo, hi)` intervals of integer ms) for which
 * `[t, t + d)` fits the horizon, lies inside every constrained CI's maintenance windows, and overlaps
 * no blackout and no rival change.
 */
function feasibleStarts(schedule: PreparedSchedule, horizon: Interval, d: number): Interval[] {
  // [t, t + d) within the horizon  <=>  horizon.start <= t <= horizon.end - d
  let starts: Interval[] = horizon.end - d >= horizon.start ? [{ start: horizon.start, end: horizon.end - d + 1 }] : [];
  for (const { windows } of schedule.maintenance) {
    // [t, t + d) inside an open interval [a, b)  <=>  a <= t <= b - d
    const allowed = unionIn(windows, horizon).flatMap((m) => (m.end - m.start >= d ? [{ start: m.start, end: m.end - d + 1 }] : []));
    starts = intersectIntervals(starts, allowed);
  }
  // [t, t + d) overlaps a busy [a, b)  <=>  a - d < t < b
  const busy = [
    ...schedule.blackouts.flatMap(({ window }) => window.intervalsIn(horizon)),
    ...schedule.rivals.map((r) => r.window),
  ];
  const blocked = mergeIntervals(busy.map((b) => ({ start: b.start - d + 1, end: b.end })));
  return subtractIntervals(starts, blocked);
}

/** Greedy, earliest first: the first grid point of the feasible set at or after the cursor, repeatedly. */
function pickSlots(starts: readonly Interval[], d: number, step: number, limit: number): ChangeSlot[] {
  const slots: ChangeSlot[] = [];
  let cursor = -Infinity;
  for (const { start, end } of starts) {
    let t = Math.ceil(Math.max(start, cursor) / step) * step;
    while (t < end && slots.length < limit) {
      slots.push({ plannedStart: toIso(t), plannedEnd: toIso(t + d) });
      cursor = t + d;
      t = Math.ceil(cursor / step) * step;
    }
    if (slots.length >= limit) break;
  }
  return slots;
}
