/** Public types of `itsm-kit/sla`: the result shape, the clock state and the policy input. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  advanceSla, createSlaPolicy, evaluateSla, incidentResolutionPolicy, slaStatus, startSla, INCIDENT_RESPONSE_PRESET,
  SlaPolicyDefinitionSchema, type SlaClockStatus, type SlaPolicy, type SlaPolicyDefinitionInput, type SlaResult,
  type SlaState, type SlaTimelineEntry, type SlaWarning,
} from 'itsm-kit/sla';
import type { InstantInput } from 'itsm-kit/models';
import type { z } from 'zod';

const policy = createSlaPolicy({ id: 'resp', start: { field: 'state', op: 'eq', value: 'new' }, target: { durationMs: 900_000 } });

describe('itsm-kit/sla types', () => {
  it('describes the result: a status union, Date | null instants and number | null amounts', () => {
    expectTypeOf<SlaClockStatus>().toEqualTypeOf<'not_started' | 'running' | 'paused' | 'stopped' | 'cancelled'>();
    expectTypeOf<SlaResult['status']>().toEqualTypeOf<SlaClockStatus>();
    expectTypeOf<SlaResult['breached']>().toEqualTypeOf<boolean>();
    expectTypeOf<SlaResult['startedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<SlaResult['stoppedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<SlaResult['dueAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<SlaResult['breachedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<SlaResult['nextEvaluationAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<SlaResult['targetMs']>().toEqualTypeOf<number | null>();
    expectTypeOf<SlaResult['remainingMs']>().toEqualTypeOf<number | null>();
    expectTypeOf<SlaResult['percentage']>().toEqualTypeOf<number | null>();
    expectTypeOf<SlaResult['elapsedMs']>().toEqualTypeOf<number>();
    expectTypeOf<SlaResult['warnings']>().toEqualTypeOf<readonly SlaWarning[]>();
    expectTypeOf<SlaWarning>().toEqualTypeOf<{ readonly threshold: number; readonly at: Date }>();
  });

  it('evaluates a policy or a definition over a timeline', () => {
    expectTypeOf(createSlaPolicy).returns.toEqualTypeOf<SlaPolicy>();
    expectTypeOf(evaluateSla).parameters.toEqualTypeOf<[SlaPolicy | SlaPolicyDefinitionInput, readonly SlaTimelineEntry[], InstantInput]>();
    expectTypeOf(evaluateSla(INCIDENT_RESPONSE_PRESET, [], '2026-11-23T08:00:00Z')).toEqualTypeOf<SlaResult>();
    expectTypeOf(incidentResolutionPolicy()).toEqualTypeOf<SlaPolicyDefinitionInput>();
    expectTypeOf<SlaPolicyDefinitionInput>().toEqualTypeOf<z.input<typeof SlaPolicyDefinitionSchema>>();
    expectTypeOf<SlaTimelineEntry['at']>().toEqualTypeOf<InstantInput>();
    // @ts-expect-error a timeline entry needs a record
    evaluateSla(policy, [{ at: 0 }], 0);
    // @ts-expect-error `now` is an instant, not a record
    evaluateSla(policy, [], { at: 0 });
  });

  it('types the incremental clock as plain state', () => {
    const s = startSla(policy);
    expectTypeOf(s).toEqualTypeOf<SlaState>();
    expectTypeOf(advanceSla(s, { at: 0, record: { state: 'new' } })).toEqualTypeOf<SlaState>();
    expectTypeOf(slaStatus(s, 0)).toEqualTypeOf<SlaResult>();
    expectTypeOf(s.status).toEqualTypeOf<SlaClockStatus>();
    // State instants are epoch ms (JSON-serializable), results are Dates.
    expectTypeOf(s.startedAt).toEqualTypeOf<number | null>();
  });

  it('rejects malformed policies at compile time', () => {
    // @ts-expect-error an unknown operator
    createSlaPolicy({ id: 'p', start: { field: 'state', op: 'like', value: 'x' } });
    // @ts-expect-error a policy needs an id
    createSlaPolicy({ start: { field: 'state', op: 'exists' } });
  });
});
