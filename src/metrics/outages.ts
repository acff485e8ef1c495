import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { resolvePeriod, type PeriodMs, type ReportingPeriod } from './period';
import { assertArray, assertRecord, readInstant } from './record-fields';

/**
 * An outage window: from `start` to `end`; an outage with no `end` is still open. Any other fields
 * (`ciId`, `service`...) may be used to group.
 *
 * @example
 * const o: OutageWindow = { start: '2026-11-23T08:00:00Z', end: '2026-11-23T08:30:00Z', ciId: 'db-1' };
 */
export interface OutageWindow {
  readonly start: InstantInput;
  readonly end?: InstantInput | null | undefined;
}

/**
 * A merged outage window in epoch milliseconds, `[start, end)`.
 *
 * @example
 * const w: MergedOutage = { start: 1_000, end: 2_000 };
 */
export interface MergedOutage {
  readonly start: number;
  readonly end: number;
}

/** An outage clipped to a period (internal): `[start, end, originalStart]` in ms. */
export type ClippedOutage = [start: number, end: number, originalStart: number];

/** A merged window and whether it began before the period (internal). */
export interface MergedWindow extends MergedOutage {
  readonly carriedOver: boolean;
}

/**
 * Reads outage `i` clipped to the period (internal): `[start, end)` in ms, open ones to the period end;
 * `undefined` when it does not overlap the period or is empty.
 */
export function clipOutage(outage: unknown, i: number, period: PeriodMs, subject: string): ClippedOutage | undefined {
  assertRecord(outage, 'outages', i, subject);
  const start = readInstant(outage, 'start', 'outages', i, subject);
  if (start === undefined) throw ItsmValidationError.at(subject, ['outages', i, 'start'], 'required');
  const end = readInstant(outage, 'end', 'outages', i, subject);
  if (end !== undefined && end < start) throw ItsmValidationError.at(subject, ['outages', i, 'end'], 'must not be before start');
  const from = Math.max(start, period.fromMs);
  const to = Math.min(end ?? period.toMs, period.toMs);
  return to > from ? [from, to, start] : undefined;
}

/**
 * Sorts and merges clipped outages (internal): overlapping or touching windows become one, which is
 * `carriedOver` when any of its parts began before `periodFromMs`. The input array is reordered.
 */
export function mergeIntervals(intervals: ClippedOutage[], periodFromMs: number): MergedWindow[] {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<{ start: number; end: number; carriedOver: boolean }> = [];
  for (const [start, end, originalStart] of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last.end) {
      if (end > last.end) last.end = end;
      if (originalStart < periodFromMs) last.carriedOver = true;
    } else merged.push({ start, end, carriedOver: originalStart < periodFromMs });
  }
  return merged;
}

/**
 * Options of {@link mergeOutages}.
 *
 * @example
 * const o: MergeOutagesOptions = { period: { from: 0, to: 86_400_000 } };
 */
export interface MergeOutagesOptions {
  /** Windows are clipped to this period; open ones run to its end. */
  readonly period: ReportingPeriod;
}

/**
 * Merges outage windows inside a period: each window is clipped to `[from, to)` (an open one runs to
 * `to`), windows that overlap or touch become one, and the result is sorted by start. Merging an
 * already merged list returns it unchanged.
 *
 * @example
 * mergeOutages(
 *   [{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 30 }],
 *   { period: { from: 0, to: 40 } },
 * ) //=> [{ start: 0, end: 20 }, { start: 30, end: 40 }]
 */
export function mergeOutages(outages: readonly OutageWindow[], options: MergeOutagesOptions): MergedOutage[] {
  const subject = 'mergeOutages input';
  assertArray(outages, 'outages', subject);
  const period = resolvePeriod(options?.period, subject);
  const intervals: ClippedOutage[] = [];
  outages.forEach((o, i) => {
    const w = clipOutage(o, i, period, subject);
    if (w) intervals.push(w);
  });
  return mergeIntervals(intervals, period.fromMs).map(({ start, end }) => ({ start, end }));
}

/**
 * An outage derived from an incident by {@link outagesFromIncidents}.
 *
 * @example
 * const o: IncidentOutage = { start: '2026-11-23T08:00:00Z', incidentId: 'inc-1', ciId: 'db-1' };
 */
export interface IncidentOutage extends OutageWindow {
  readonly incidentId: string;
  readonly ciId?: string | undefined;
  readonly service?: string | undefined;
}

/**
 * Turns incidents into outage windows: `openedAt -> resolvedAt` (still open without `resolvedAt`),
 * keeping `ciId` and `service` for grouping. Filter the incidents first (e.g. only those with an
 * outage, or priority 1 and 2) when not every incident is an outage.
 *
 * @example
 * outagesFromIncidents([{ id: 'inc-1', openedAt: '2026-11-23T08:00:00Z', resolvedAt: '2026-11-23T09:00:00Z', ciId: 'db-1' }])
 * //=> [{ incidentId: 'inc-1', start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z', ciId: 'db-1' }]
 */
export function outagesFromIncidents(
  incidents: ReadonlyArray<{ readonly id: string; readonly openedAt: InstantInput; readonly resolvedAt?: InstantInput | undefined; readonly ciId?: string | undefined; readonly service?: string | undefined }>,
): IncidentOutage[] {
  assertArray(incidents, 'incidents', 'outagesFromIncidents input');
  return incidents.map((inc, i) => {
    assertRecord(inc, 'incidents', i, 'outagesFromIncidents input');
    return {
      incidentId: inc.id,
      start: inc.openedAt,
      ...(inc.resolvedAt !== undefined ? { end: inc.resolvedAt } : {}),
      ...(inc.ciId !== undefined ? { ciId: inc.ciId } : {}),
      ...(inc.service !== undefined ? { service: inc.service } : {}),
    };
  });
}
