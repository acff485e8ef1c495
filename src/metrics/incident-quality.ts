import type { InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import type { GroupOption } from './grouping';
import { inPeriod, type PeriodMs, type ReportingPeriod } from './period';
import { foldInPeriod } from './period-fold';
import { rateFold, type RateAcc, type RateResult } from './rate';
import { assertRecord, ownField, percentOf, readInstant } from './record-fields';
import type { ResultFor } from './time-to-event';

/**
 * Options of {@link reopenRate} and {@link firstTimeFixRate}.
 *
 * @example
 * const o: IncidentRateOptions<{ resolvedAt?: string; assignmentGroup?: string }> = {
 *   period: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'assignmentGroup',
 * };
 */
export interface IncidentRateOptions<R> extends GroupOption<R> {
  /** The reporting period `[from, to)`; an incident counts when its `resolvedAt` lies in it. */
  readonly period: ReportingPeriod;
}

/** The incident fields {@link reopenRate} and {@link firstTimeFixRate} read. @example const r: ResolvedIncidentFields = { resolvedAt: '2026-11-23T09:00:00Z', reopenCount: 0 }; */
export interface ResolvedIncidentFields {
  readonly resolvedAt?: InstantInput | null | undefined;
  readonly state?: string | undefined;
  readonly reopenCount?: number | undefined;
  readonly reassignmentCount?: number | undefined;
}

function countField(r: object, field: string, i: number, subject: string): number | undefined {
  const v = ownField(r, field);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw ItsmValidationError.at(subject, ['incidents', i, field], 'must be a non-negative integer');
  return v;
}

/** Reads a counted incident (resolved in the period, not cancelled), or `undefined` (internal). */
function resolvedInPeriod(r: unknown, i: number, period: PeriodMs, subject: string): r is object {
  assertRecord(r, 'incidents', i, subject);
  if (ownField(r, 'state') === 'canceled') return false;
  const resolvedAt = readInstant(r, 'resolvedAt', 'incidents', i, subject);
  return resolvedAt !== undefined && inPeriod(resolvedAt, period);
}

/**
 * Reopen rate: the share of incidents resolved in the period that were reopened at least once.
 *
 * Definition: counted = incidents whose `resolvedAt` lies in `[from, to)`, cancelled ones
 * (`state: 'canceled'`) excepted; matching = `reopenCount > 0` (a missing `reopenCount` is 0).
 * `ratePct` is `null` when nothing was resolved in the period.
 *
 * @example
 * reopenRate(
 *   [{ resolvedAt: '2026-11-23T09:00:00Z', reopenCount: 1 }, { resolvedAt: '2026-11-23T10:00:00Z', reopenCount: 0 }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ) //=> { total: 2, matching: 1, ratePct: 50 }
 */
export function reopenRate<R extends ResolvedIncidentFields, const O extends IncidentRateOptions<R>>(incidents: readonly R[], options: O): ResultFor<O, RateResult> {
  const subject = 'reopenRate input';
  return foldInPeriod<R, boolean, RateAcc, RateResult>(incidents, 'incidents', options, subject, (period) => ({
    extract: (r, i) => (resolvedInPeriod(r, i, period, subject) ? (countField(r, 'reopenCount', i, subject) ?? 0) > 0 : undefined),
    ...rateFold,
  })) as ResultFor<O, RateResult>;
}

/**
 * First-time fix rate, with how many incidents had no reassignment data.
 *
 * @example
 * const r: FirstTimeFixResult = { total: 4, matching: 3, ratePct: 75, withoutReassignmentCount: 0 };
 */
export interface FirstTimeFixResult extends RateResult {
  /** Counted incidents without a `reassignmentCount` (treated as never reassigned). */
  readonly withoutReassignmentCount: number;
}

interface FtfAcc extends RateAcc {
  unknown: number;
}

/**
 * First-time fix rate: the share of incidents resolved in the period that were fixed by the first
 * group they were assigned to and stayed fixed.
 *
 * Definition: counted = incidents whose `resolvedAt` lies in `[from, to)`, cancelled ones excepted;
 * matching = `reopenCount` is 0 (or missing) **and** `reassignmentCount` is 0. `reassignmentCount`
 * (an optional Incident field, maintained by the host or the lifecycle) counts the times the
 * assignment group changed after the first assignment; when it is missing the incident is taken as
 * never reassigned and counted in `withoutReassignmentCount`, so a report can say how much of the
 * rate rests on that assumption. `ratePct` is `null` when nothing was resolved in the period.
 *
 * @example
 * firstTimeFixRate(
 *   [{ resolvedAt: '2026-11-23T09:00:00Z', reopenCount: 0, reassignmentCount: 0 },
 *    { resolvedAt: '2026-11-23T10:00:00Z', reopenCount: 0, reassignmentCount: 2 }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ) //=> { total: 2, matching: 1, ratePct: 50, withoutReassignmentCount: 0 }
 */
export function firstTimeFixRate<R extends ResolvedIncidentFields, const O extends IncidentRateOptions<R>>(incidents: readonly R[], options: O): ResultFor<O, FirstTimeFixResult> {
  const subject = 'firstTimeFixRate input';
  return foldInPeriod<R, { fixed: boolean; known: boolean }, FtfAcc, FirstTimeFixResult>(incidents, 'incidents', options, subject, (period) => ({
    extract(r, i) {
      if (!resolvedInPeriod(r, i, period, subject)) return undefined;
      const reassignments = countField(r, 'reassignmentCount', i, subject);
      const reopens = countField(r, 'reopenCount', i, subject) ?? 0;
      return { fixed: reopens === 0 && (reassignments ?? 0) === 0, known: reassignments !== undefined };
    },
    create: () => ({ total: 0, matching: 0, unknown: 0 }),
    add(acc, v) {
      rateFold.add(acc, v.fixed);
      if (!v.known) acc.unknown++;
    },
    finish: (acc) => ({ total: acc.total, matching: acc.matching, ratePct: percentOf(acc.matching, acc.total), withoutReassignmentCount: acc.unknown }),
  })) as ResultFor<O, FirstTimeFixResult>;
}
