import { ItsmValidationError } from '../../_lib/errors';
import { toIso } from '../../_lib/instant';
import type { ChangeInput } from '../../models/change';
import type { ChangeConflict } from './conflict';
import type { PreparedSchedule, ScheduleContext } from './context';
import { prepareSchedule } from './context';
import type { Interval } from './intervals';
import { covers, overlaps, subtractIntervals } from './intervals';
import { plannedWindowOf } from './occupancy';
import { unionIn } from './window-intervals';

/**
 * Every reason `change` cannot run in its planned window `[plannedStart, plannedEnd)`, as data (an
 * empty list when it can). Checks, in this order: blackouts, maintenance windows of its CIs, other
 * changes overlapping on a related CI (the same CI, or with `topology` one within `dependencyHops`
 * upstream or downstream), and another change assigned to the same implementer. Only other changes in
 * an occupying state (`occupyingStates`, default `authorize`, `scheduled`, `implement`) with both
 * planned dates count, never the change itself (same `id`). Within a type, conflicts are sorted by
 * start, then id. Throws {@link ItsmValidationError} for invalid input or a change without a planned
 * window.
 *
 * @example
 * detectConflicts(
 *   { ...change, ciIds: ['db-1'], plannedStart: '2026-12-24T10:00:00Z', plannedEnd: '2026-12-24T12:00:00Z' },
 *   { changes: [], blackouts: [{ id: 'xmas', start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' }], maintenanceWindows: [] },
 * ).map((c) => c.type) //=> ['blackout']
 */
export function detectConflicts(change: ChangeInput, context: ScheduleContext): ChangeConflict[] {
  const prepared = prepareSchedule(change, context);
  const window = plannedWindowOf(prepared.change);
  if (window === undefined) {
    const missing = prepared.change.plannedStart === undefined ? 'plannedStart' : 'plannedEnd';
    throw ItsmValidationError.at('change', [missing], 'required to detect conflicts');
  }
  return conflictsIn(prepared, window);
}

/** The conflicts of the prepared change if it ran in `window`. */
export function conflictsIn(schedule: PreparedSchedule, window: Interval): ChangeConflict[] {
  return [...blackoutConflicts(schedule, window), ...maintenanceConflicts(schedule, window), ...changeConflicts(schedule, window)];
}

function blackoutConflicts({ blackouts }: PreparedSchedule, window: Interval): ChangeConflict[] {
  const out: ChangeConflict[] = [];
  for (const { window: blackout, ciIds } of blackouts) {
    const hit = blackout.intervalsIn(window);
    if (hit.length === 0) continue;
    const scope = ciIds.length === 0 ? '' : ` on ${ciIds.join(', ')}`;
    out.push({
      type: 'blackout', windowId: blackout.id, ciIds, ...span(hit),
      message: `the window overlaps blackout "${blackout.id}"${scope}`,
    });
  }
  return out.sort(byStartThen((c) => (c.type === 'blackout' ? c.windowId : '')));
}

function maintenanceConflicts({ maintenance }: PreparedSchedule, window: Interval): ChangeConflict[] {
  const out: ChangeConflict[] = [];
  for (const { ciId, windows } of maintenance) {
    const open = unionIn(windows, window);
    if (covers(open, window)) continue;
    const windowIds = [...new Set(windows.map((w) => w.id))].sort();
    out.push({
      type: 'outside-maintenance-window', ciId, windowIds, ...span(subtractIntervals([window], open)),
      message: `the window is outside the maintenance windows of ${ciId} (${windowIds.join(', ')})`,
    });
  }
  return out;
}

function changeConflicts({ rivals, change }: PreparedSchedule, window: Interval): ChangeConflict[] {
  const overlapsCi: ChangeConflict[] = [];
  const doubleBooked: ChangeConflict[] = [];
  for (const rival of rivals) {
    if (!overlaps(rival.window, window)) continue;
    const part = span([{ start: Math.max(window.start, rival.window.start), end: Math.min(window.end, rival.window.end) }]);
    const { id: changeId, number: changeNumber } = rival.change;
    for (const relation of rival.relations) {
      const how = relation.relation === 'same' ? `on ${relation.ciId}` : `on ${relation.otherCiId}, ${relation.relation} of ${relation.ciId} (${relation.hops} hop${relation.hops === 1 ? '' : 's'})`;
      overlapsCi.push({ type: 'ci-overlap', changeId, changeNumber, ...relation, ...part, message: `${changeNumber} is scheduled ${how} at the same time` });
    }
    if (rival.sameImplementer) {
      const assignedTo = change.assignedTo!;
      doubleBooked.push({
        type: 'implementer-double-booked', changeId, changeNumber, assignedTo, ...part,
        message: `${assignedTo} is also implementing ${changeNumber} at the same time`,
      });
    }
  }
  const key = (c: ChangeConflict) => (c.type === 'ci-overlap' ? `${c.changeId}\u0000${c.otherCiId}` : c.type === 'implementer-double-booked' ? c.changeId : '');
  return [...overlapsCi.sort(byStartThen(key)), ...doubleBooked.sort(byStartThen(key))];
}

/** ISO start of the first interval and end of the last. */
function span(intervals: readonly Interval[]): { start: string; end: string } {
  return { start: toIso(intervals[0]!.start), end: toIso(intervals[intervals.length - 1]!.end) };
}

function byStartThen(key: (c: ChangeConflict) => string) {
  return (a: ChangeConflict, b: ChangeConflict): number => {
    if (a.start !== b.start) return Date.parse(a.start) - Date.parse(b.start);
    const [ka, kb] = [key(a), key(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
