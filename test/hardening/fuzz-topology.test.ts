import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createTopology } from 'itsm-kit/topology';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument } from './fuzz-harness';

const definition = {
  cis: [
    { id: 'svc', name: 'checkout', ciClass: 'business_service' },
    { id: 'app', name: 'app', ciClass: 'application' },
    { id: 'db', name: 'db', ciClass: 'database' },
  ],
  // a cycle and a duplicate edge on purpose
  relationships: [{ from: 'svc', to: 'app', type: 'depends_on' }, { from: 'app', to: 'db', type: 'depends_on' }, { from: 'db', to: 'app', type: 'connected_to' }, { from: 'app', to: 'db', type: 'depends_on' }],
};
const topology = createTopology(definition as never);
const ciId = fc.oneof(fc.constantFrom('svc', 'app', 'db', '__proto__', 'constructor', ''), hostileValue);
const walk = fc.oneof(fc.constant(undefined), fc.record({ hops: hostileValue }), hostileValue);
const RUNS = 50;

describe('fuzzing the topology', () => {
  it('createTopology survives hostile definitions, duplicate ids and big values', () => {
    fuzzEachArgument(createTopology, [definition], RUNS);
    fuzzCall(createTopology, [fc.constant({ ...definition, cis: [...definition.cis, definition.cis[0]] })], 1);
    fuzzBigValues(createTopology, [definition]);
  });

  it('every query survives hostile ids and options', () => {
    fuzzCall((id: unknown) => topology.has(id as string), [ciId], RUNS);
    fuzzCall((id: unknown) => topology.ci(id as string), [ciId], RUNS);
    fuzzCall((id: unknown, o: unknown) => topology.impactedBy(id as string, o as never), [ciId, walk], RUNS);
    fuzzCall((id: unknown, o: unknown) => topology.dependenciesOf(id as string, o as never), [ciId, walk], RUNS);
    fuzzCall((a: unknown, b: unknown, o: unknown) => topology.hasPath(a as string, b as string, o as never), [ciId, ciId, walk], RUNS);
    fuzzCall((ids: unknown, o: unknown) => topology.rootCauseCandidates(ids as string[], o as never), [fc.oneof(fc.array(ciId, { maxLength: 8 }), hostileValue), walk], RUNS);
    fuzzCall((id: unknown, o: unknown) => topology.impactedServices(id as string, o as never), [ciId, fc.oneof(walk, fc.record({ serviceClasses: hostileValue }))], RUNS);
    fuzzBigValues((ids: unknown) => topology.rootCauseCandidates(ids as string[]), [['app']]);
  });
});
