import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  aChange, aCi, aConfigurationItem, aKnownError, alertStorm, anActor, anAlert, anIncident, aProblem, aRelationship, createBuilders, createRandom,
  flappingAlerts, lateAlerts, steadyAlerts, withLateArrivals,
} from 'itsm-kit/testing';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, mutateDeep } from './fuzz-harness';

const RUNS = 20;
const builders: Array<[string, (...args: never[]) => unknown]> = Object.entries({ aChange, aCi, aConfigurationItem, aKnownError, anActor, anAlert, anIncident, aProblem, aRelationship });
const small = { seed: 1, count: 20 };

describe('fuzzing the testing builders', () => {
  it.each(builders)('%s survives hostile overrides', (_name, build) => {
    fuzzCall(build, [hostileValue], RUNS);
    fuzzBigValues(build, [{ id: 'x' }]);
  });

  it('createBuilders and createRandom survive hostile options and seeds', () => {
    fuzzEachArgument(createBuilders, [{ seed: 1 }], RUNS);
    fuzzCall(createRandom, [hostileValue], RUNS);
  });

  it('the alert streams survive hostile options', () => {
    fuzzEachArgument(steadyAlerts, [small], RUNS);
    fuzzEachArgument(flappingAlerts, [small], RUNS);
    fuzzEachArgument(lateAlerts, [small], RUNS);
    fuzzEachArgument(alertStorm, [{ seed: 1, upstreamCiId: 'db', topology: [{ from: 'app', to: 'db' }, { from: 'db', to: 'app' }] }], RUNS);
    const stream = steadyAlerts(small);
    fuzzCall(withLateArrivals, [fc.oneof(fc.constant(stream), mutateDeep(stream.slice(0, 3)), hostileValue), fc.oneof(fc.constant({ seed: 2 }), hostileValue)], RUNS);
  });
});
