import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import type { BusinessTimeOption } from './business-time';
import { measureFor } from './business-time';
import { foldRecords, type GroupOption, type Grouped } from './grouping';
import { inPeriod, resolvePeriod, type ReportingPeriod } from './period';
import { assertArray, assertRecord, readInstant } from './record-fields';
import { summarizeOwned, type DurationStats } from './summary';

/**
 * Which records a duration metric counts: `'end'` (default) counts a record when the event that ends
 * the measured interval (acknowledgement, resolution) lies in the period; `'start'` counts it when it
 * was opened in the period and the ending event has happened (at any time).
 *
 * @example
 * const m: PeriodMembership = 'end';
 */
export type PeriodMembership = 'end' | 'start';

/**
 * Options of {@link mtta} and {@link mttr}.
 *
 * @example
 * const options: TimeToEventOptions<{ openedAt: string; priority: number }> = {
 *   period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'priority',
 * };
 */
export interface TimeToEventOptions<R> extends GroupOption<R> {
  /** The reporting period `[from, to)`. */
  readonly period: ReportingPeriod;
  /** Which records count; see {@link PeriodMembership}. Default `'end'`. */
  readonly membership?: PeriodMembership;
  /**
   * Count business time instead of wall-clock time: a calendar from `itsm-kit/calendar` or any object
   * with `businessTimeBetween(from, to)`.
   */
  readonly calendar?: BusinessTimeOption;
}

/**
 * The result type of a groupable metric: `Grouped<T>` when the options certainly carry `groupBy`, `T`
 * when they certainly do not, and `T | Grouped<T>` for an options value whose `groupBy` is optional.
 *
 * @example
 * type A = ResultFor<{ groupBy: 'priority' }, number>; //=> Grouped<number>
 * type B = ResultFor<{ period: ReportingPeriod }, number>; //=> number
 */
export type ResultFor<O, T> = O extends { readonly groupBy: unknown } ? Grouped<T> : 'groupBy' extends keyof O ? T | Grouped<T> : T;

/** A record with an opening instant. @example const r: OpenedRecord = { openedAt: '2026-11-23T08:00:00Z' }; */
export interface OpenedRecord {
  readonly openedAt: InstantInput;
}

/** Internal: summarises `openedAt -> endField` over records (see {@link mtta}, {@link mttr}). */
export function timeToEvent<R extends OpenedRecord>(
  records: readonly R[],
  options: TimeToEventOptions<R>,
  endField: string,
  subject: string,
): DurationStats | Grouped<DurationStats> {
  assertArray(records, 'records', subject);
  if (typeof options !== 'object' || options === null) throw ItsmValidationError.at(subject, ['options'], 'must be an object');
  const period = resolvePeriod(options.period, subject);
  const measure = measureFor(options.calendar, 'calendar', subject);
  const membership = options.membership ?? 'end';
  if (membership !== 'end' && membership !== 'start') throw ItsmValidationError.at(subject, ['membership'], "must be 'end' or 'start'");
  return foldRecords<R, number, number[], DurationStats>(
    records,
    {
      extract(record, i) {
        assertRecord(record, 'records', i, subject);
        const endMs = readInstant(record, endField, 'records', i, subject);
        if (endMs === undefined) return undefined;
        const openedMs = readInstant(record, 'openedAt', 'records', i, subject);
        if (openedMs === undefined) throw ItsmValidationError.at(subject, ['records', i, 'openedAt'], 'required');
        if (!inPeriod(membership === 'end' ? endMs : openedMs, period)) return undefined;
        if (endMs < openedMs) throw ItsmValidationError.at(subject, ['records', i, endField], 'must not be before openedAt');
        return measure(openedMs, endMs);
      },
      create: () => [],
      add: (acc, ms) => void acc.push(ms),
      finish: (acc) => summarizeOwned(Float64Array.from(acc)),
    },
    options.groupBy,
    subject,
  );
}
