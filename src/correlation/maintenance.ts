import { z } from 'zod';
import { parseOrThrow } from '../_lib/zod-issues';
import type { Alert } from '../models/alert';
import type { Change, ChangeInput } from '../models/change';
import { ChangeSchema } from '../models/change';
import type { MaintenanceWindow } from './config-schema';
import type { CompiledMatcher } from './matchers';
import { compileMatchers } from './matchers';

/** A recurring schedule: the end of the active interval containing `t`, or null when inactive at `t`. */
export type ActiveUntil = (t: number) => number | null;

/** Builds a recurring schedule from a window's `calendar` definition (wired by createCorrelator). */
export type ScheduleFactory = (calendar: unknown, path: ReadonlyArray<string | number>) => ActiveUntil;

/** A maintenance window compiled once. */
export interface CompiledWindow {
  readonly id: string;
  readonly matches: CompiledMatcher | undefined;
  readonly ciIds: ReadonlySet<string> | undefined;
  readonly start: number;
  readonly end: number;
  readonly recurring: ActiveUntil | undefined;
}

/** Compiles maintenance windows. */
export function compileWindows(windows: readonly MaintenanceWindow[], schedule: ScheduleFactory): CompiledWindow[] {
  return windows.map((w, i) => ({
    id: w.id,
    matches: w.match ? compileMatchers(w.match, ['maintenance', i, 'match']) : undefined,
    ciIds: w.ciIds ? new Set(w.ciIds) : undefined,
    start: w.start ? Date.parse(w.start) : -Infinity,
    end: w.end ? Date.parse(w.end) : Infinity,
    recurring: w.calendar === undefined ? undefined : schedule(w.calendar, ['maintenance', i, 'calendar']),
  }));
}

/** The first window (in config order) covering the alert at `t`, with the instant it ends. */
export function activeMaintenance(windows: readonly CompiledWindow[], alert: Alert, fp: string, t: number): { windowId: string; until: number } | undefined {
  for (const w of windows) {
    if (t < w.start || t >= w.end) continue;
    if (w.ciIds && (alert.ciId === undefined || !w.ciIds.has(alert.ciId))) continue;
    if (w.matches && !w.matches(alert, fp)) continue;
    if (!w.recurring) return { windowId: w.id, until: w.end };
    const until = w.recurring(t);
    if (until !== null) return { windowId: w.id, until: Math.min(until, w.end) };
  }
  return undefined;
}

const ACTIVE_CHANGE_STATES: ReadonlySet<Change['state']> = new Set(['scheduled', 'implement']);

/**
 * Maintenance windows from changes: one per `scheduled` or `implement` change with affected CIs and a
 * planned window (`plannedStart`..`plannedEnd`), covering alerts on those CIs. Other changes are
 * skipped. Changes are validated (throws ItsmValidationError naming the field).
 *
 * @example
 * maintenanceFromChanges([{ id: 'chg-1', number: 'CHG1', type: 'normal', state: 'scheduled', risk: 'low',
 *   shortDescription: 'Patch db', requestedBy: 'u1', ciIds: ['db-1'],
 *   plannedStart: '2026-11-23T22:00:00Z', plannedEnd: '2026-11-24T00:00:00Z',
 *   openedAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z' }])
 * //=> [{ id: 'change:chg-1', ciIds: ['db-1'], start: '2026-11-23T22:00:00Z', end: '2026-11-24T00:00:00Z' }]
 */
export function maintenanceFromChanges(changes: readonly ChangeInput[]): MaintenanceWindow[] {
  const parsed = parseOrThrow(z.array(ChangeSchema).max(100_000), 'changes', changes);
  const out: MaintenanceWindow[] = [];
  for (const c of parsed) {
    if (!ACTIVE_CHANGE_STATES.has(c.state) || c.ciIds.length === 0 || !c.plannedStart || !c.plannedEnd) continue;
    out.push({ id: `change:${c.id}`.slice(0, 128), ciIds: [...c.ciIds], start: c.plannedStart, end: c.plannedEnd });
  }
  return out;
}
