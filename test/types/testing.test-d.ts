/** Public types of `itsm-kit/testing`: builders return the model types; generators return alert arrivals. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  aChange, aCi, aConfigurationItem, aKnownError, anActor, anAlert, anIncident, aProblem, aRelationship, alertStorm,
  createBuilders, createRandom, flappingAlerts, lateAlerts, steadyAlerts, withLateArrivals, type AlertArrival, type Builders,
  type SeededRandom,
} from 'itsm-kit/testing';
import type { Actor, Alert, Change, ConfigurationItem, Incident, KnownError, Problem, Relationship } from 'itsm-kit/models';

describe('itsm-kit/testing types', () => {
  it('builds the model types', () => {
    expectTypeOf(anIncident()).toEqualTypeOf<Incident>();
    expectTypeOf(anIncident({ state: 'on_hold', onHoldReason: 'awaiting_vendor' })).toEqualTypeOf<Incident>();
    expectTypeOf(aProblem()).toEqualTypeOf<Problem>();
    expectTypeOf(aKnownError()).toEqualTypeOf<KnownError>();
    expectTypeOf(aChange({ type: 'emergency' })).toEqualTypeOf<Change>();
    expectTypeOf(anAlert()).toEqualTypeOf<Alert>();
    expectTypeOf(aConfigurationItem()).toEqualTypeOf<ConfigurationItem>();
    expectTypeOf(aCi()).toEqualTypeOf<ConfigurationItem>();
    expectTypeOf(aRelationship()).toEqualTypeOf<Relationship>();
    expectTypeOf(anActor()).toEqualTypeOf<Actor>();
    expectTypeOf(createBuilders({ idPrefix: 't-' })).toEqualTypeOf<Builders>();
    // @ts-expect-error overrides are checked against the model: no such incident state
    anIncident({ state: 'open' });
    // @ts-expect-error no such field on a change
    aChange({ severity: 1 });
  });

  it('generates alert arrivals', () => {
    expectTypeOf(steadyAlerts({ count: 10 })).toEqualTypeOf<AlertArrival[]>();
    expectTypeOf(alertStorm({ upstreamCiId: 'db', topology: [] })).toEqualTypeOf<AlertArrival[]>();
    expectTypeOf(flappingAlerts()).toEqualTypeOf<AlertArrival[]>();
    expectTypeOf(lateAlerts()).toEqualTypeOf<AlertArrival[]>();
    expectTypeOf(withLateArrivals(steadyAlerts())).toEqualTypeOf<AlertArrival[]>();
    expectTypeOf<AlertArrival>().toEqualTypeOf<{ readonly receivedAt: string; readonly alert: Alert }>();
    const rnd = createRandom(1);
    expectTypeOf(rnd).toEqualTypeOf<SeededRandom>();
    expectTypeOf(rnd.pick(['a', 'b'] as const)).toEqualTypeOf<'a' | 'b'>();
    // @ts-expect-error a storm needs its upstream CI
    alertStorm({ topology: [] });
  });
});
