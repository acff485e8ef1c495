/**
 * The reference model's maintenance windows (`reference-correlator.ts`), written from the guide: a
 * window covers a firing alert that passes its `match` and is on one of its `ciIds` (each when given),
 * within its fixed `start`..`end` (when given) and, for a recurring window, within one of the active
 * intervals of its calendar, until that interval ends (or the window does, whichever is first).
 */
import type { Alert } from 'itsm-kit/models';
import { matches, type ReferenceMatcher } from './reference-inhibition';

/** A maintenance window as the model reads it; a recurring one lists its active intervals (epoch ms, in order). */
export interface ReferenceWindow {
  readonly id: string;
  readonly match?: ReferenceMatcher[];
  readonly ciIds?: string[];
  readonly start?: string;
  readonly end?: string;
  readonly recurring?: ReadonlyArray<{ readonly from: number; readonly to: number }>;
}

/** The first window (in order) covering the alert at `time`, with the instant it stops covering it. */
export function maintenanceHold(windows: readonly ReferenceWindow[], alert: Alert, time: number): { windowId: string; until: number } | undefined {
  for (const w of windows) {
    const start = w.start === undefined ? -Infinity : Date.parse(w.start);
    const end = w.end === undefined ? Infinity : Date.parse(w.end);
    if (time < start || time >= end) continue;
    if (w.ciIds !== undefined && (alert.ciId === undefined || !w.ciIds.includes(alert.ciId))) continue;
    if (!matches(w.match ?? [], alert.labels)) continue;
    if (w.recurring === undefined) return { windowId: w.id, until: end };
    const active = w.recurring.find((i) => time >= i.from && time < i.to);
    if (active !== undefined) return { windowId: w.id, until: Math.min(active.to, end) };
  }
  return undefined;
}
