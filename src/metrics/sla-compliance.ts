import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { foldRecords, type GroupOption } from './grouping';
import { inPeriod, resolvePeriod, type PeriodMs, type ReportingPeriod } from './period';
import { assertArray, assertRecord, ownField, percentOf, readInstant } from './record-fields';
import type { ResultFor } from './time-to-event';

/**
 * SLA clock statuses, as `evaluateSla` (`itsm-kit/sla`) reports them.
 *
 * @example
 * SLA_STATUSES.includes('paused') //=> true
 */
export const SLA_STATUSES = ['not_started', 'running', 'paused', 'stopped', 'cancelled'] as const;
/** An SLA clock status. @example const s: SlaStatusName = 'stopped'; */
export type SlaStatusName = (typeof SLA_STATUSES)[number];

/**
 * What {@link slaCompliance} reads from an SLA result: the fields of `evaluateSla`'s result that it
 * needs, plus an optional `policyId` to group by (add it: `{ ...evaluateSla(policy, timeline, now),
 * policyId: policy.id }`). Any other fields are ignored (and may be used by a key function).
 *
 * @example
 * const r: SlaOutcome = { policyId: 'incident-resolution', status: 'stopped', breached: false, startedAt: null, stoppedAt: null };
 */
export interface SlaOutcome {
  readonly policyId?: string | undefined;
  readonly status: SlaStatusName;
  readonly breached: boolean;
  readonly startedAt?: InstantInput | null | undefined;
  readonly stoppedAt?: InstantInput | null | undefined;
}

/**
 * SLA compliance counts and rates.
 *
 * @example
 * const c: SlaComplianceResult = { counted: 4, met: 2, breached: 1, inProgress: 1, cancelled: 0, notStarted: 0,
 *   metPct: 50, breachedPct: 25, inProgressPct: 25, compliancePct: 200 / 3 };
 */
export interface SlaComplianceResult {
  /** `met + breached + inProgress`. */
  readonly counted: number;
  /** Stopped and not breached. */
  readonly met: number;
  /** Breached (stopped, running or paused). */
  readonly breached: number;
  /** Running or paused and not (yet) breached. */
  readonly inProgress: number;
  /** Cancelled clocks (not counted). */
  readonly cancelled: number;
  /** Clocks that never started (not counted). */
  readonly notStarted: number;
  /** `met / counted x 100` (`null` when nothing counted). */
  readonly metPct: number | null;
  /** `breached / counted x 100`. */
  readonly breachedPct: number | null;
  /** `inProgress / counted x 100`. */
  readonly inProgressPct: number | null;
  /** `met / (met + breached) x 100`: the compliance of the clocks whose outcome is known. */
  readonly compliancePct: number | null;
}

/**
 * Options of {@link slaCompliance}.
 *
 * @example
 * const o: SlaComplianceOptions<SlaOutcome> = { groupBy: 'policyId' };
 */
export interface SlaComplianceOptions<R> extends GroupOption<R> {
  /**
   * Only results that belong to this period: stopped or cancelled clocks whose `stoppedAt` lies in it
   * (a cancelled one without `stoppedAt`: its `startedAt`), running or paused clocks started before
   * its end. Clocks that never started belong to no period. Without a period every result counts.
   */
  readonly period?: ReportingPeriod;
}

type Bucket = 'met' | 'breached' | 'inProgress' | 'cancelled' | 'notStarted';
type Counts = Record<Bucket, number>;

function bucketOf(r: object, i: number, period: PeriodMs | undefined, subject: string): Bucket | undefined {
  const status = ownField(r, 'status');
  const breached = ownField(r, 'breached');
  if (!(SLA_STATUSES as readonly unknown[]).includes(status)) {
    throw ItsmValidationError.at(subject, ['results', i, 'status'], `must be one of ${SLA_STATUSES.join(', ')}`);
  }
  if (typeof breached !== 'boolean') throw ItsmValidationError.at(subject, ['results', i, 'breached'], 'must be a boolean');
  if (period !== undefined) {
    const startedAt = readInstant(r, 'startedAt', 'results', i, subject);
    const stoppedAt = readInstant(r, 'stoppedAt', 'results', i, subject);
    const at = status === 'running' || status === 'paused' ? undefined : (stoppedAt ?? (status === 'cancelled' ? startedAt : undefined));
    const belongs =
      status === 'running' || status === 'paused' ? startedAt === undefined || startedAt < period.toMs : at !== undefined && inPeriod(at, period);
    if (!belongs) return undefined;
  }
  if (status === 'cancelled') return 'cancelled';
  if (status === 'not_started') return 'notStarted';
  if (breached) return 'breached';
  return status === 'stopped' ? 'met' : 'inProgress';
}

function finish(c: Counts): SlaComplianceResult {
  const counted = c.met + c.breached + c.inProgress;
  return {
    counted,
    ...c,
    metPct: percentOf(c.met, counted),
    breachedPct: percentOf(c.breached, counted),
    inProgressPct: percentOf(c.inProgress, counted),
    compliancePct: percentOf(c.met, c.met + c.breached),
  };
}

/**
 * SLA compliance from `evaluateSla` results: how many clocks were met, breached or are in progress,
 * as counts and percentages, overall and by policy (`groupBy: 'policyId'`) or any key.
 *
 * Definition: `met` = stopped and not breached; `breached` = breached, whatever the status (a running
 * clock past its target is already breached); `inProgress` = running or paused and not breached;
 * cancelled and never-started clocks are counted apart and excluded from every percentage.
 * `compliancePct = met / (met + breached)`; every percentage is `null` (never NaN) when its
 * denominator is 0. See {@link SlaComplianceOptions.period} for period membership.
 *
 * @example
 * slaCompliance([
 *   { policyId: 'p1-resolution', status: 'stopped', breached: false },
 *   { policyId: 'p1-resolution', status: 'stopped', breached: true },
 *   { policyId: 'p1-response', status: 'running', breached: false },
 * ], { groupBy: 'policyId' }).overall.compliancePct //=> 50
 */
export function slaCompliance<R extends SlaOutcome, const O extends SlaComplianceOptions<R> = {}>(results: readonly R[], options?: O): ResultFor<O, SlaComplianceResult> {
  const subject = 'slaCompliance input';
  assertArray(results, 'results', subject);
  const period = options?.period === undefined ? undefined : resolvePeriod(options.period, subject);
  return foldRecords<R, Bucket, Counts, SlaComplianceResult>(
    results,
    {
      extract(r, i) {
        assertRecord(r, 'results', i, subject);
        return bucketOf(r, i, period, subject);
      },
      create: () => ({ met: 0, breached: 0, inProgress: 0, cancelled: 0, notStarted: 0 }),
      add: (acc, bucket) => void acc[bucket]++,
      finish,
    },
    options?.groupBy,
    subject,
  ) as ResultFor<O, SlaComplianceResult>;
}
