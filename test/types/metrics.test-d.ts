/** Public types of `itsm-kit/metrics`: result shapes, grouping and composition with other modules. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  backlogAge, emergencyChangeRatio, mergeOutages, mtbf, mttr, percentile, reopenRate, slaCompliance, summarizeDurations,
  type BacklogAgeResult, type DurationStats, type GroupKey, type Grouped, type MergedOutage, type MtbfResult, type RateResult,
  type ResultFor, type SlaComplianceResult,
} from 'itsm-kit/metrics';
import { evaluateSla, type SlaResult } from 'itsm-kit/sla';
import { anIncident } from 'itsm-kit/testing';

const period = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

describe('itsm-kit/metrics types', () => {
  it('gives null for statistics of nothing, numbers for counts', () => {
    const stats = summarizeDurations([1, 2, 3]);
    expectTypeOf(stats).toEqualTypeOf<DurationStats>();
    expectTypeOf(stats.count).toEqualTypeOf<number>();
    expectTypeOf(stats.mean).toEqualTypeOf<number | null>();
    expectTypeOf(stats.p99).toEqualTypeOf<number | null>();
    expectTypeOf(percentile([1], 90)).toEqualTypeOf<number | null>();
    expectTypeOf<RateResult>().toEqualTypeOf<{ readonly total: number; readonly matching: number; readonly ratePct: number | null }>();
    expectTypeOf<MtbfResult['mtbfMs']>().toEqualTypeOf<number | null>();
    expectTypeOf<SlaComplianceResult['compliancePct']>().toEqualTypeOf<number | null>();
  });

  it('switches to Grouped results exactly when groupBy is given', () => {
    expectTypeOf<ResultFor<{ period: typeof period }, number>>().toEqualTypeOf<number>();
    expectTypeOf<ResultFor<{ groupBy: 'x' }, number>>().toEqualTypeOf<Grouped<number>>();
    expectTypeOf<Grouped<number>['groups'][number]>().toEqualTypeOf<{ readonly key: GroupKey; readonly value: number }>();
    expectTypeOf<GroupKey>().toEqualTypeOf<string | number | boolean | null>();
    const incidents = [anIncident()];
    expectTypeOf(mttr(incidents, { period, groupBy: (i) => i.priority })).toEqualTypeOf<Grouped<DurationStats>>();
    expectTypeOf(reopenRate(incidents, { period })).toEqualTypeOf<RateResult>();
    expectTypeOf(emergencyChangeRatio([], { period, groupBy: 'type' })).toEqualTypeOf<Grouped<RateResult>>();
    expectTypeOf(backlogAge(incidents, { period, groupBy: 'assignmentGroup' }).overall).toEqualTypeOf<BacklogAgeResult>();
    expectTypeOf(mtbf([{ start: 0, end: 1 }], { period })).toEqualTypeOf<MtbfResult>();
    expectTypeOf(mergeOutages([{ start: 0, end: 1 }], { period })).toEqualTypeOf<MergedOutage[]>();
    // @ts-expect-error a groupBy function returns a group key, not an object
    mttr(incidents, { period, groupBy: (i) => ({ p: i.priority }) });
    // @ts-expect-error a period is required
    mttr(incidents, {});
  });

  it('accepts SLA results from itsm-kit/sla as they are', () => {
    const results: SlaResult[] = [evaluateSla({ id: 'p', start: { field: 'state', op: 'exists' } }, [], 0)];
    expectTypeOf(slaCompliance(results)).toEqualTypeOf<SlaComplianceResult>();
  });
});
