import { foldRecords, type GroupBy, type Grouped, type MetricFold } from './grouping';
import { resolvePeriod, type PeriodMs, type ReportingPeriod } from './period';
import { assertArray } from './record-fields';

/**
 * Folds the records of a metric over a reporting period (internal): checks that `records` (named `list`)
 * is an array, resolves `options.period`, then folds with the fold built for that period, grouped by
 * `options.groupBy`. Errors name `subject`.
 *
 * @example
 * foldInPeriod(changes, 'changes', options, 'emergencyChangeRatio input', (period) => ({
 *   extract: (c) => (inPeriod(Date.parse(c.openedAt), period) ? c.type === 'emergency' : undefined),
 *   ...rateFold,
 * }))
 */
export function foldInPeriod<R, V, A, T>(
  records: readonly R[],
  list: string,
  options: { readonly period: ReportingPeriod; readonly groupBy?: GroupBy<R> },
  subject: string,
  foldFor: (period: PeriodMs) => MetricFold<R, V, A, T>,
): T | Grouped<T> {
  assertArray(records, list, subject);
  const period = resolvePeriod(options?.period, subject);
  return foldRecords(records, foldFor(period), options.groupBy, subject);
}
