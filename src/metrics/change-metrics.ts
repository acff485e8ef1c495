import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import type { GroupOption } from './grouping';
import { inPeriod, type ReportingPeriod } from './period';
import { foldInPeriod } from './period-fold';
import { rateFold, type RateAcc, type RateResult } from './rate';
import { assertRecord, ownField, percentOf, readInstant } from './record-fields';
import type { ResultFor } from './time-to-event';

/**
 * Options of the change metrics.
 *
 * @example
 * const o: ChangeMetricOptions<{ type: string; assignmentGroup?: string }> = {
 *   period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'assignmentGroup',
 * };
 */
export interface ChangeMetricOptions<R> extends GroupOption<R> {
  /** The reporting period `[from, to)`. */
  readonly period: ReportingPeriod;
}

/** The change fields the change metrics read. @example const c: ChangeFields = { id: 'chg-1', type: 'normal', state: 'closed', closeCode: 'successful', openedAt: '2026-11-23T08:00:00Z' }; */
export interface ChangeFields {
  readonly id?: string | undefined;
  readonly type?: string | undefined;
  readonly state?: string | undefined;
  readonly closeCode?: string | undefined;
  readonly openedAt?: InstantInput | undefined;
  readonly closedAt?: InstantInput | undefined;
  readonly actualEnd?: InstantInput | undefined;
  readonly causedIncidentIds?: readonly string[] | undefined;
}

/**
 * Change success figures.
 *
 * @example
 * const r: ChangeSuccessResult = { closed: 4, successful: 2, successfulWithIssues: 1, unsuccessful: 1, withoutCloseCode: 0, successPct: 75, cleanSuccessPct: 50 };
 */
export interface ChangeSuccessResult {
  /** Changes closed in the period (cancelled ones are not closed). */
  readonly closed: number;
  /** Close code `successful`. */
  readonly successful: number;
  /** Close code `successful_with_issues`. */
  readonly successfulWithIssues: number;
  /** Close code `unsuccessful`. */
  readonly unsuccessful: number;
  /** Closed without a close code (excluded from the percentages). */
  readonly withoutCloseCode: number;
  /** `(successful + successfulWithIssues) / (closed - withoutCloseCode) x 100`. */
  readonly successPct: number | null;
  /** `successful / (closed - withoutCloseCode) x 100`. */
  readonly cleanSuccessPct: number | null;
}

const CLOSE_CODE_BUCKETS = { successful: 'successful', successful_with_issues: 'successfulWithIssues', unsuccessful: 'unsuccessful' } as const;
type SuccessBucket = (typeof CLOSE_CODE_BUCKETS)[keyof typeof CLOSE_CODE_BUCKETS] | 'withoutCloseCode';
type SuccessAcc = Record<SuccessBucket, number>;

/**
 * Change success rate from close codes.
 *
 * Definition: counted = changes with `state: 'closed'` whose `closedAt` lies in `[from, to)`
 * (cancelled changes are never counted). `successPct` counts `successful` and
 * `successful_with_issues` as a success (the change achieved its objective); `cleanSuccessPct` only
 * `successful`. Closed changes without a close code are reported in `withoutCloseCode` and left out
 * of both percentages, which are `null` when nothing is left.
 *
 * @example
 * changeSuccessRate(
 *   [{ state: 'closed', closeCode: 'successful', closedAt: '2026-11-23T09:00:00Z' },
 *    { state: 'closed', closeCode: 'unsuccessful', closedAt: '2026-11-23T10:00:00Z' }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ).successPct //=> 50
 */
export function changeSuccessRate<R extends ChangeFields, const O extends ChangeMetricOptions<R>>(changes: readonly R[], options: O): ResultFor<O, ChangeSuccessResult> {
  const subject = 'changeSuccessRate input';
  return foldInPeriod<R, SuccessBucket, SuccessAcc, ChangeSuccessResult>(changes, 'changes', options, subject, (period) => ({
    extract(c, i) {
      assertRecord(c, 'changes', i, subject);
      if (ownField(c, 'state') !== 'closed') return undefined;
      const closedAt = readInstant(c, 'closedAt', 'changes', i, subject);
      if (closedAt === undefined || !inPeriod(closedAt, period)) return undefined;
      const code = ownField(c, 'closeCode');
      if (code === undefined || code === null) return 'withoutCloseCode';
      if (typeof code !== 'string' || !Object.hasOwn(CLOSE_CODE_BUCKETS, code)) {
        throw ItsmValidationError.at(subject, ['changes', i, 'closeCode'], `must be one of ${Object.keys(CLOSE_CODE_BUCKETS).join(', ')}`);
      }
      return CLOSE_CODE_BUCKETS[code as keyof typeof CLOSE_CODE_BUCKETS];
    },
    create: () => ({ successful: 0, successfulWithIssues: 0, unsuccessful: 0, withoutCloseCode: 0 }),
    add: (acc, bucket) => void acc[bucket]++,
    finish(acc) {
      const coded = acc.successful + acc.successfulWithIssues + acc.unsuccessful;
      return {
        closed: coded + acc.withoutCloseCode,
        ...acc,
        successPct: percentOf(acc.successful + acc.successfulWithIssues, coded),
        cleanSuccessPct: percentOf(acc.successful, coded),
      };
    },
  })) as ResultFor<O, ChangeSuccessResult>;
}

/**
 * Emergency-change ratio: the share of changes opened in the period whose `type` is `emergency`.
 *
 * Definition: counted = every change whose `openedAt` lies in `[from, to)`, whatever its state
 * (cancelled included: an emergency request is raised even when later withdrawn); matching =
 * `type: 'emergency'`. `ratePct` is `null` when no change was opened.
 *
 * @example
 * emergencyChangeRatio(
 *   [{ type: 'emergency', openedAt: '2026-11-23T09:00:00Z' }, { type: 'normal', openedAt: '2026-11-23T10:00:00Z' }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ) //=> { total: 2, matching: 1, ratePct: 50 }
 */
export function emergencyChangeRatio<R extends ChangeFields, const O extends ChangeMetricOptions<R>>(changes: readonly R[], options: O): ResultFor<O, RateResult> {
  const subject = 'emergencyChangeRatio input';
  return foldInPeriod<R, boolean, RateAcc, RateResult>(changes, 'changes', options, subject, (period) => ({
    extract(c, i) {
      assertRecord(c, 'changes', i, subject);
      const openedAt = readInstant(c, 'openedAt', 'changes', i, subject);
      if (openedAt === undefined) throw ItsmValidationError.at(subject, ['changes', i, 'openedAt'], 'required');
      return inPeriod(openedAt, period) ? ownField(c, 'type') === 'emergency' : undefined;
    },
    ...rateFold,
  })) as ResultFor<O, RateResult>;
}
