import { expectTypeOf, test } from 'vitest';
import { type TimeToEventOptions, backlogAge, changeSuccessRate, changesCausingIncidents, firstTimeFixRate, mtta, mttr, outagesFromIncidents, slaCompliance, availability, type BacklogAgeResult, type ChangeSuccessResult, type DurationStats, type Grouped, type SlaComplianceResult, type AvailabilityResult } from 'itsm-kit/metrics';
import type { Incident } from 'itsm-kit/models';
import { aChange, anIncident, aProblem } from 'itsm-kit/testing';

const period = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

test('parsed model records are accepted; groupBy switches the result to Grouped', () => {
  const incidents: Incident[] = [anIncident({ state: 'resolved' })];
  expectTypeOf(mttr(incidents, { period })).toEqualTypeOf<DurationStats>();
  expectTypeOf(mttr(incidents, { period, groupBy: 'priority' })).toEqualTypeOf<Grouped<DurationStats>>();
  expectTypeOf(slaCompliance([{ status: 'stopped', breached: false, policyId: 'p' }], { groupBy: 'policyId' })).toEqualTypeOf<Grouped<SlaComplianceResult>>();
  expectTypeOf(availability([{ start: 0 }], { period })).toEqualTypeOf<AvailabilityResult>();
  expectTypeOf(mtta(incidents, { period, groupBy: 'assignmentGroup' }).groups[0]!.value).toEqualTypeOf<DurationStats>();
  expectTypeOf(firstTimeFixRate(incidents, { period }).withoutReassignmentCount).toBeNumber();
  expectTypeOf(availability(outagesFromIncidents(incidents), { period, groupBy: 'ciId' })).toEqualTypeOf<Grouped<AvailabilityResult>>();
  const changes = [aChange({ state: 'closed' })];
  expectTypeOf(changeSuccessRate(changes, { period, groupBy: 'type' })).toEqualTypeOf<Grouped<ChangeSuccessResult>>();
  expectTypeOf(changesCausingIncidents(changes, incidents, { period }).changeIds).toEqualTypeOf<readonly string[]>();
  expectTypeOf(backlogAge([aProblem(), ...incidents], { period })).toEqualTypeOf<BacklogAgeResult>();
  expectTypeOf(slaCompliance([{ status: 'stopped', breached: false }])).toEqualTypeOf<SlaComplianceResult>();
  // An options value whose groupBy is optional may give either shape, and says so.
  const wide: TimeToEventOptions<Incident> = { period, groupBy: 'priority' };
  expectTypeOf(mttr(incidents, wide)).toEqualTypeOf<DurationStats | Grouped<DurationStats>>();
  // @ts-expect-error: not a field of Incident
  mttr(incidents, { period, groupBy: 'nope' });
});
