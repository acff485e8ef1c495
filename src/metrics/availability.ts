import { ItsmValidationError } from '../_lib/errors';
import { measureFor, type BusinessTimeOption, type Measure } from './business-time';
import { foldRecords, type GroupOption, type Grouped } from './grouping';
import { clipOutage, mergeIntervals, type ClippedOutage, type OutageWindow } from './outages';
import { resolvePeriod, type PeriodMs, type ReportingPeriod } from './period';
import { assertArray, percentOf } from './record-fields';
import type { ResultFor } from './time-to-event';

/**
 * Options of {@link availability} and {@link mtbf}.
 *
 * @example
 * const o: AvailabilityOptions<{ start: string; ciId: string }> = {
 *   period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'ciId',
 * };
 */
export interface AvailabilityOptions<R> extends GroupOption<R> {
  /** The reporting period `[from, to)`. */
  readonly period: ReportingPeriod;
  /**
   * Count only service hours: a calendar from `itsm-kit/calendar` or any object with
   * `businessTimeBetween(from, to)`. Without it the whole period is scheduled time.
   */
  readonly serviceHours?: BusinessTimeOption;
}

/**
 * Availability over a period.
 *
 * @example
 * const a: AvailabilityResult = { availabilityPct: 99.9, scheduledMs: 1e6, downtimeMs: 1e3, uptimeMs: 999e3, downtimeMinutes: 1 / 60, outages: 1, failures: 1 };
 */
export interface AvailabilityResult {
  /** `uptimeMs / scheduledMs x 100`, in [0, 100]; `null` when no time was scheduled (e.g. no service hours in the period). */
  readonly availabilityPct: number | null;
  /** The period's length, or its service hours with `serviceHours` (ms). */
  readonly scheduledMs: number;
  /** Merged outage time inside the period (within service hours with `serviceHours`), ms. */
  readonly downtimeMs: number;
  /** `scheduledMs - downtimeMs`. */
  readonly uptimeMs: number;
  /** `downtimeMs / 60,000`. */
  readonly downtimeMinutes: number;
  /** Merged outage windows overlapping the period (with or without service hours in them). */
  readonly outages: number;
  /** Merged windows that began inside the period (an outage carried over from before is not a new failure). */
  readonly failures: number;
}

/** Computes the {@link AvailabilityResult} of one group's clipped outages (internal). */
function availabilityOf(intervals: ClippedOutage[], period: PeriodMs, measure: Measure): AvailabilityResult {
  const merged = mergeIntervals(intervals, period.fromMs);
  const scheduledMs = measure(period.fromMs, period.toMs);
  let downtimeMs = 0;
  let failures = 0;
  for (const w of merged) {
    downtimeMs += measure(w.start, w.end);
    if (!w.carriedOver) failures++;
  }
  const uptimeMs = scheduledMs - downtimeMs;
  return {
    availabilityPct: percentOf(uptimeMs, scheduledMs),
    scheduledMs,
    downtimeMs,
    uptimeMs,
    downtimeMinutes: downtimeMs / 60_000,
    outages: merged.length,
    failures,
  };
}

/** Internal: availability of every group (shared with {@link mtbf}). */
export function foldAvailability<R extends OutageWindow>(
  outages: readonly R[],
  options: AvailabilityOptions<R>,
  subject: string,
): AvailabilityResult | Grouped<AvailabilityResult> {
  assertArray(outages, 'outages', subject);
  if (typeof options !== 'object' || options === null) throw ItsmValidationError.at(subject, ['options'], 'must be an object');
  const period = resolvePeriod(options.period, subject);
  const measure = measureFor(options.serviceHours, 'serviceHours', subject);
  return foldRecords<R, ClippedOutage, ClippedOutage[], AvailabilityResult>(
    outages,
    {
      extract: (o, i) => clipOutage(o, i, period, subject),
      create: () => [],
      add: (acc, w) => void acc.push(w),
      finish: (acc) => availabilityOf(acc, period, measure),
    },
    options.groupBy,
    subject,
  );
}

/**
 * Availability (%) over a period from outage windows, with downtime in ms and minutes.
 *
 * Definition: each outage is clipped to the period `[from, to)`; an open one (no `end`) runs to the
 * period end; overlapping or touching outages are merged so that no minute is counted twice. Downtime
 * is the merged outage time; with `serviceHours`, only the time inside service hours counts, both as
 * downtime and as scheduled time. `availabilityPct = (scheduled - downtime) / scheduled x 100`; no
 * outages gives 100; no scheduled time gives `null`. Grouped (by `ciId`, `service`...), each group is
 * merged on its own; a CI with no outage has no group (its availability is 100).
 *
 * @example
 * availability(
 *   [{ start: '2026-11-23T10:00:00Z', end: '2026-11-23T10:30:00Z' }, { start: '2026-11-23T10:15:00Z', end: '2026-11-23T11:00:00Z' }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ).downtimeMinutes //=> 60 (availabilityPct 95.83...)
 */
export function availability<R extends OutageWindow, const O extends AvailabilityOptions<R>>(outages: readonly R[], options: O): ResultFor<O, AvailabilityResult> {
  return foldAvailability(outages, options, 'availability input') as ResultFor<O, AvailabilityResult>;
}
