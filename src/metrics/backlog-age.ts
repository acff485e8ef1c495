import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { foldRecords, type GroupOption } from './grouping';
import { resolvePeriod, type ReportingPeriod } from './period';
import { assertArray, assertRecord, ownField, readInstant } from './record-fields';
import { summarizeOwned, type DurationStats } from './summary';
import type { ResultFor } from './time-to-event';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Default backlog age bucket boundaries: 1, 3, 7, 30 and 90 days (six buckets).
 *
 * @example
 * DEFAULT_BACKLOG_BOUNDARIES_MS[0] //=> 86400000
 */
export const DEFAULT_BACKLOG_BOUNDARIES_MS: readonly number[] = [DAY, 3 * DAY, 7 * DAY, 30 * DAY, 90 * DAY];

/** At most this many bucket boundaries. */
const MAX_BOUNDARIES = 100;

/**
 * Options of {@link backlogAge}.
 *
 * @example
 * const o: BacklogAgeOptions<{ openedAt: string; priority: number }> = {
 *   period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'priority',
 * };
 */
export interface BacklogAgeOptions<R> extends GroupOption<R> {
  /** The reporting period; the backlog is taken at its end (`to`). */
  readonly period: ReportingPeriod;
  /** Ascending, positive bucket boundaries in ms (at most 100). Default {@link DEFAULT_BACKLOG_BOUNDARIES_MS}. */
  readonly boundariesMs?: readonly number[];
}

/**
 * One backlog age bucket: ages in `[minMs, maxMs)` (`maxMs` null for the last, open-ended bucket).
 *
 * @example
 * const b: BacklogBucket = { label: '1d-3d', minMs: 86_400_000, maxMs: 259_200_000, count: 4 };
 */
export interface BacklogBucket {
  readonly label: string;
  readonly minMs: number;
  readonly maxMs: number | null;
  readonly count: number;
}

/**
 * The backlog at the period end.
 *
 * @example
 * const r: BacklogAgeResult = { open: 0, buckets: [], ages: summarizeDurations([]) };
 */
export interface BacklogAgeResult {
  /** Items open at the period end. */
  readonly open: number;
  /** Their ages, by bucket (every bucket listed, empty ones with count 0). */
  readonly buckets: readonly BacklogBucket[];
  /** Their ages (ms): count, mean, median, p90, p99, min, max (the oldest). */
  readonly ages: DurationStats;
}

/** The fields {@link backlogAge} reads. @example const r: BacklogRecordFields = { openedAt: '2026-11-20T08:00:00Z', state: 'in_progress' }; */
export interface BacklogRecordFields {
  readonly openedAt: InstantInput;
  readonly resolvedAt?: InstantInput | null | undefined;
  readonly closedAt?: InstantInput | null | undefined;
  readonly state?: string | undefined;
}

function formatAge(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms}ms`;
}

function validateBoundaries(b: unknown, subject: string): readonly number[] {
  if (b === undefined) return DEFAULT_BACKLOG_BOUNDARIES_MS;
  if (!Array.isArray(b) || b.length > MAX_BOUNDARIES) throw ItsmValidationError.at(subject, ['boundariesMs'], `must be an array of at most ${MAX_BOUNDARIES} numbers`);
  b.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (i > 0 && v <= (b[i - 1] as number))) {
      throw ItsmValidationError.at(subject, ['boundariesMs', i], 'must be a positive number greater than the previous boundary');
    }
  });
  return b as number[];
}

/**
 * Backlog age buckets: the items (incidents, problems, changes) still open at the period end, by age.
 *
 * Definition: the backlog is taken at `T = period.to`. An item is open at `T` when `openedAt < T` and
 * it was neither resolved nor closed before `T` (the earlier of `resolvedAt` and `closedAt`, when
 * present, is `>= T`). A cancelled item (`state: 'canceled'`) without either instant is taken as not
 * open (its cancellation instant is unknown). Age = `T - openedAt`; an age falls in the bucket
 * `[boundary[k-1], boundary[k])`, below the first boundary in the first bucket, at or above the last in
 * the open-ended last one. `ages` summarises the ages (the oldest is `ages.max`).
 *
 * @example
 * backlogAge(
 *   [{ openedAt: '2026-11-29T12:00:00Z', state: 'new' }, { openedAt: '2026-11-01T00:00:00Z', state: 'on_hold' }],
 *   { period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } },
 * ).buckets.map((b) => `${b.label}: ${b.count}`)
 * //=> ['<1d: 0', '1d-3d: 1', '3d-7d: 0', '7d-30d: 0', '30d-90d: 1', '>=90d: 0']
 */
export function backlogAge<R extends BacklogRecordFields, const O extends BacklogAgeOptions<R>>(records: readonly R[], options: O): ResultFor<O, BacklogAgeResult> {
  const subject = 'backlogAge input';
  assertArray(records, 'records', subject);
  const { toMs } = resolvePeriod(options?.period, subject);
  const bounds = validateBoundaries(options.boundariesMs, subject);
  const labels = bounds.map((b, k) => (k === 0 ? `<${formatAge(b)}` : `${formatAge(bounds[k - 1]!)}-${formatAge(b)}`));
  labels.push(bounds.length === 0 ? 'all' : `>=${formatAge(bounds[bounds.length - 1]!)}`);
  return foldRecords<R, number, { counts: number[]; ages: number[] }, BacklogAgeResult>(
    records,
    {
      extract(r, i) {
        assertRecord(r, 'records', i, subject);
        const openedAt = readInstant(r, 'openedAt', 'records', i, subject);
        if (openedAt === undefined) throw ItsmValidationError.at(subject, ['records', i, 'openedAt'], 'required');
        if (openedAt >= toMs) return undefined;
        const resolvedAt = readInstant(r, 'resolvedAt', 'records', i, subject);
        const closedAt = readInstant(r, 'closedAt', 'records', i, subject);
        const endedAt = Math.min(resolvedAt ?? Infinity, closedAt ?? Infinity);
        if (endedAt < toMs) return undefined;
        if (endedAt === Infinity && ownField(r, 'state') === 'canceled') return undefined;
        return toMs - openedAt;
      },
      create: () => ({ counts: new Array<number>(bounds.length + 1).fill(0), ages: [] }),
      add(acc, age) {
        let k = 0;
        while (k < bounds.length && age >= bounds[k]!) k++;
        acc.counts[k]!++;
        acc.ages.push(age);
      },
      finish: (acc) => ({
        open: acc.ages.length,
        buckets: acc.counts.map((count, k) => ({ label: labels[k]!, minMs: k === 0 ? 0 : bounds[k - 1]!, maxMs: bounds[k] ?? null, count })),
        ages: summarizeOwned(Float64Array.from(acc.ages)),
      }),
    },
    options.groupBy,
    subject,
  ) as ResultFor<O, BacklogAgeResult>;
}
