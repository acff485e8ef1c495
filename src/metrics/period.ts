import { ItsmValidationError } from '../_lib/errors';
import { toEpochMs, type InstantInput } from '../_lib/instant';

/**
 * A reporting period: the half-open interval `[from, to)`. Each bound is a `Date`, epoch milliseconds or
 * an ISO-8601 string with a zone; `to` must be after `from`.
 *
 * @example
 * const period: ReportingPeriod = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
 */
export interface ReportingPeriod {
  /** First instant inside the period. */
  readonly from: InstantInput;
  /** First instant after the period (exclusive). */
  readonly to: InstantInput;
}

/** A validated period in epoch milliseconds (internal). */
export interface PeriodMs {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * Validates a {@link ReportingPeriod} and converts it to epoch milliseconds; throws
 * `ItsmValidationError` naming `period.from` / `period.to` when a bound is bad or `to <= from`.
 */
export function resolvePeriod(period: unknown, subject: string): PeriodMs {
  if (typeof period !== 'object' || period === null) {
    throw ItsmValidationError.at(subject, ['period'], 'must be an object { from, to }');
  }
  const p = period as { from?: unknown; to?: unknown };
  const fromMs = toEpochMs(Object.hasOwn(p, 'from') ? p.from : undefined, 'period.from', subject);
  const toMs = toEpochMs(Object.hasOwn(p, 'to') ? p.to : undefined, 'period.to', subject);
  if (!(toMs > fromMs)) throw ItsmValidationError.at(subject, ['period', 'to'], 'must be after period.from');
  return { fromMs, toMs };
}

/** True when `ms` lies in the half-open period `[fromMs, toMs)`. */
export function inPeriod(ms: number, period: PeriodMs): boolean {
  return ms >= period.fromMs && ms < period.toMs;
}
