import { foldAvailability, type AvailabilityOptions, type AvailabilityResult } from './availability';
import type { Grouped } from './grouping';
import type { OutageWindow } from './outages';
import type { ResultFor } from './time-to-event';

/**
 * Mean time between failures over a period.
 *
 * @example
 * const m: MtbfResult = { failures: 2, uptimeMs: 86_000_000, mtbfMs: 43_000_000 };
 */
export interface MtbfResult {
  /** Merged outage windows that began inside the period. */
  readonly failures: number;
  /** Scheduled time minus downtime in the period (ms). */
  readonly uptimeMs: number;
  /** `uptimeMs / failures`; `null` without failures. */
  readonly mtbfMs: number | null;
}

function toMtbf(a: AvailabilityResult): MtbfResult {
  return { failures: a.failures, uptimeMs: a.uptimeMs, mtbfMs: a.failures === 0 ? null : a.uptimeMs / a.failures };
}

/**
 * Mean time between failures per CI or service (group by `ciId`, `service` or a key function).
 *
 * Definition: outages are clipped to the period and merged exactly as in {@link availability};
 * a failure is a merged window that began inside the period (an outage already running at the period
 * start is downtime but not a new failure). `mtbfMs = uptime / failures`, where uptime is the
 * period (or its service hours with `serviceHours`) minus downtime; `null` when there was no failure.
 *
 * @example
 * mtbf(
 *   [{ start: '2026-11-23T06:00:00Z', end: '2026-11-23T07:00:00Z', ciId: 'db-1' },
 *    { start: '2026-11-23T18:00:00Z', end: '2026-11-23T19:00:00Z', ciId: 'db-1' }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' }, groupBy: 'ciId' },
 * ).groups[0] //=> { key: 'db-1', value: { failures: 2, uptimeMs: 79200000, mtbfMs: 39600000 } }
 */
export function mtbf<R extends OutageWindow, const O extends AvailabilityOptions<R>>(outages: readonly R[], options: O): ResultFor<O, MtbfResult> {
  const result = foldAvailability(outages, options, 'mtbf input');
  if ('overall' in result) {
    const grouped: Grouped<MtbfResult> = { overall: toMtbf(result.overall), groups: result.groups.map((g) => ({ key: g.key, value: toMtbf(g.value) })) };
    return grouped as ResultFor<O, MtbfResult>;
  }
  return toMtbf(result) as ResultFor<O, MtbfResult>;
}
