/** Public types of `itsm-kit/topology`. */
import { describe, expectTypeOf, it } from 'vitest';
import { createTopology, type ReachedCi, type RootCauseCandidate, type Topology, type TopologyDefinitionInput } from 'itsm-kit/topology';
import type { ConfigurationItem, RelationshipType } from 'itsm-kit/models';

const topology = createTopology({ cis: [] });

describe('itsm-kit/topology types', () => {
  it('types the walk results', () => {
    expectTypeOf(topology).toEqualTypeOf<Topology>();
    expectTypeOf(createTopology).parameter(0).toEqualTypeOf<TopologyDefinitionInput>();
    expectTypeOf(topology.size).toBeNumber();
    expectTypeOf(topology.ci('db')).toEqualTypeOf<ConfigurationItem | undefined>();
    expectTypeOf(topology.impactedBy('db', { hops: 2 })).toEqualTypeOf<ReachedCi[]>();
    expectTypeOf(topology.dependenciesOf('app')).toEqualTypeOf<ReachedCi[]>();
    expectTypeOf(topology.hasPath('app', 'db')).toEqualTypeOf<boolean>();
    expectTypeOf(topology.rootCauseCandidates(['app', 'db'])).toEqualTypeOf<RootCauseCandidate[]>();
    expectTypeOf(topology.impactedServices('db', { serviceClasses: ['service'] })).toEqualTypeOf<string[]>();
    expectTypeOf<ReachedCi['path']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<ReachedCi['via']>().toEqualTypeOf<readonly RelationshipType[]>();
    expectTypeOf<ReachedCi['hops']>().toBeNumber();
    expectTypeOf<RootCauseCandidate['impactedCiIds']>().toEqualTypeOf<readonly string[]>();
    // Walks may be restricted to relationship types.
    topology.impactedBy('db', { types: ['runs_on'] });
    // @ts-expect-error not a relationship type
    topology.impactedBy('db', { types: ['likes'] });
  });

  it('rejects malformed calls at compile time', () => {
    // @ts-expect-error a definition needs its CIs
    createTopology({ relationships: [] });
    // @ts-expect-error hops is a number
    topology.impactedBy('db', { hops: 'all' });
    // @ts-expect-error root-cause candidates take a list of CI ids
    topology.rootCauseCandidates('db');
  });
});
