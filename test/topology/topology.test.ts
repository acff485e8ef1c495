import { describe, expect, it } from 'vitest';
import { isItsmValidationError } from 'itsm-kit/models';
import type { Relationship } from 'itsm-kit/models';
import { createTopology, TOPOLOGY_LIMITS } from 'itsm-kit/topology';

const ci = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, ciClass: 'server', ...extra });
const cis = (...ids: string[]) => ids.map((id) => ci(id));
const rel = (from: string, type: Relationship['type'], to: string): Relationship => ({ from, to, type });
const ids = (rs: ReadonlyArray<{ ciId: string }>) => rs.map((r) => r.ciId);

function thrown(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (isItsmValidationError(e)) return e.issues.map(({ path, message }) => ({ path, message }));
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('createTopology: a diamond', () => {
  // app depends on api-a and api-b, both depend on db.
  const topo = createTopology({
    cis: cis('app', 'api-b', 'api-a', 'db'),
    relationships: [rel('app', 'depends_on', 'api-b'), rel('app', 'depends_on', 'api-a'), rel('api-a', 'depends_on', 'db'), rel('api-b', 'runs_on', 'db')],
  });

  it('impactedBy lists each dependant once, by hops then id, with a shortest path', () => {
    const r = topo.impactedBy('db');
    expect(ids(r)).toEqual(['api-a', 'api-b', 'app']);
    expect(r.map((x) => x.hops)).toEqual([1, 1, 2]);
    // app is reached through the smaller-id parent of the previous level.
    expect(r[2]!.path).toEqual(['db', 'api-a', 'app']);
    expect(r[2]!.via).toEqual(['depends_on', 'depends_on']);
    expect(r[1]!.via).toEqual(['runs_on']);
  });

  it('dependenciesOf walks the other way', () => {
    expect(ids(topo.dependenciesOf('app'))).toEqual(['api-a', 'api-b', 'db']);
    expect(topo.dependenciesOf('db')).toEqual([]);
  });

  it('filters relationship types', () => {
    expect(ids(topo.impactedBy('db', { types: ['runs_on'] }))).toEqual(['api-b']);
    expect(ids(topo.impactedBy('db', { types: ['depends_on'] }))).toEqual(['api-a', 'app']);
  });

  it('hasPath follows dependencies upstream only', () => {
    expect(topo.hasPath('app', 'db')).toBe(true);
    expect(topo.hasPath('db', 'app')).toBe(false);
    expect(topo.hasPath('api-a', 'api-b')).toBe(false);
    expect(topo.hasPath('app', 'db', { hops: 1 })).toBe(false);
    expect(topo.hasPath('db', 'db', { hops: 0 })).toBe(true);
  });

  it('rootCauseCandidates names the most upstream CI first', () => {
    expect(topo.rootCauseCandidates(['app', 'api-a', 'db'])).toEqual([{ ciId: 'db', impactedCiIds: ['api-a', 'app'] }]);
    // Two siblings with nothing of the set upstream are both candidates, ranked by id.
    expect(ids(topo.rootCauseCandidates(['api-b', 'app', 'api-a']))).toEqual(['api-a', 'api-b']);
    // Unknown CIs are isolated candidates.
    expect(topo.rootCauseCandidates(['zzz', 'db', 'app'])).toEqual([
      { ciId: 'db', impactedCiIds: ['app'] },
      { ciId: 'zzz', impactedCiIds: [] },
    ]);
  });
});

describe('createTopology: cycles and chains', () => {
  it('terminates on a cycle and does not return the start', () => {
    const topo = createTopology({ cis: cis('a', 'b', 'c'), relationships: [rel('a', 'depends_on', 'b'), rel('b', 'depends_on', 'c'), rel('c', 'depends_on', 'a')] });
    expect(ids(topo.impactedBy('a'))).toEqual(['c', 'b']);
    expect(ids(topo.dependenciesOf('a'))).toEqual(['b', 'c']);
    // Members of one cycle never rule each other out.
    expect(topo.rootCauseCandidates(['a', 'b', 'c'])).toEqual([
      { ciId: 'a', impactedCiIds: ['b', 'c'] },
      { ciId: 'b', impactedCiIds: ['a', 'c'] },
      { ciId: 'c', impactedCiIds: ['a', 'b'] },
    ]);
  });

  it('limits a chain by hops', () => {
    const chain = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5'];
    const topo = createTopology({ cis: cis(...chain), relationships: chain.slice(1).map((id, i) => rel(id, 'hosted_on', chain[i]!)) });
    expect(ids(topo.impactedBy('n0'))).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(ids(topo.impactedBy('n0', { hops: 2 }))).toEqual(['n1', 'n2']);
    expect(topo.impactedBy('n0', { hops: 0 })).toEqual([]);
    expect(topo.impactedBy('n0', { hops: 5 }).at(-1)!.path).toEqual(chain);
    expect(ids(topo.rootCauseCandidates(['n5', 'n0'], { hops: 4 }))).toEqual(['n0', 'n5']);
    expect(ids(topo.rootCauseCandidates(['n5', 'n0'], { hops: 5 }))).toEqual(['n0']);
  });

  it('follows connected_to both ways', () => {
    const topo = createTopology({ cis: cis('sw1', 'sw2', 'host'), relationships: [rel('sw1', 'connected_to', 'sw2'), rel('host', 'connected_to', 'sw1')] });
    expect(ids(topo.impactedBy('sw2'))).toEqual(['sw1', 'host']);
    expect(ids(topo.dependenciesOf('sw2'))).toEqual(['sw1', 'host']);
    expect(topo.hasPath('sw1', 'sw2') && topo.hasPath('sw2', 'sw1')).toBe(true);
  });

  it('returns nothing for a CI it does not know', () => {
    const topo = createTopology({ cis: cis('a'), relationships: [] });
    expect(topo.has('nope')).toBe(false);
    expect(topo.impactedBy('nope')).toEqual([]);
    expect(topo.dependenciesOf('nope')).toEqual([]);
    expect(topo.hasPath('nope', 'a')).toBe(false);
    expect(topo.impactedServices('nope')).toEqual([]);
  });
});

describe('impactedServices', () => {
  it('collects serviceIds and service-class CIs downstream', () => {
    const topo = createTopology({
      cis: [ci('db', { serviceIds: ['svc-data'] }), ci('app', { serviceIds: ['svc-shop'] }), ci('checkout', { ciClass: 'business_service' }), ci('other')],
      relationships: [rel('app', 'depends_on', 'db'), rel('checkout', 'depends_on', 'app')],
    });
    expect(topo.impactedServices('db')).toEqual(['checkout', 'svc-data', 'svc-shop']);
    expect(topo.impactedServices('db', { hops: 1 })).toEqual(['svc-data', 'svc-shop']);
    expect(topo.impactedServices('db', { serviceClasses: [] })).toEqual(['svc-data', 'svc-shop']);
    expect(topo.impactedServices('other')).toEqual([]);
  });
});

describe('validation', () => {
  it('names an unknown CI of a relationship', () => {
    expect(thrown(() => createTopology({ cis: cis('a', 'b'), relationships: [rel('a', 'depends_on', 'b'), rel('a', 'runs_on', 'x')] }))).toEqual([
      { path: 'relationships.1.to', message: 'unknown CI "x"' },
    ]);
    expect(thrown(() => createTopology({ cis: cis('a'), relationships: [rel('y', 'runs_on', 'a')] }))[0]!.path).toBe('relationships.0.from');
  });

  it('names a duplicate CI id', () => {
    expect(thrown(() => createTopology({ cis: cis('a', 'b', 'a'), relationships: [] }))).toEqual([{ path: 'cis.2.id', message: 'duplicate CI id "a"' }]);
  });

  it('rejects self-relationships, unknown fields and bad CIs through the models', () => {
    expect(thrown(() => createTopology({ cis: cis('a'), relationships: [rel('a', 'runs_on', 'a')] }))[0]!.path).toBe('relationships.0.to');
    expect(thrown(() => createTopology({ cis: [{ id: 'a', name: 'a' }] } as never))[0]!.path).toBe('cis.0.ciClass');
    expect(thrown(() => createTopology({ cis: [], extra: 1 } as never))[0]!.message).toMatch(/unknown field/);
  });

  it('caps the reported issues and documents the size limits', () => {
    const many = Array.from({ length: 500 }, (_, i) => rel('a', 'runs_on', `x${i}`));
    expect(thrown(() => createTopology({ cis: cis('a'), relationships: many }))).toHaveLength(TOPOLOGY_LIMITS.reportedIssues);
    expect(TOPOLOGY_LIMITS.cis).toBe(1_000_000);
  });

  it('checks query options', () => {
    const topo = createTopology({ cis: cis('a'), relationships: [] });
    expect(thrown(() => topo.impactedBy('a', { hops: -1 }))[0]!.path).toBe('options.hops');
    expect(thrown(() => topo.impactedBy('a', { hops: 1.5 }))[0]!.path).toBe('options.hops');
    expect(thrown(() => topo.dependenciesOf('a', { types: ['runs_on', 'owns' as never] }))[0]!.path).toBe('options.types.1');
    expect(thrown(() => topo.impactedBy(42 as never))[0]!.path).toBe('ciId');
    expect(thrown(() => topo.rootCauseCandidates(['a', 7 as never]))[0]!.path).toBe('ciIds.1');
    expect(topo.impactedBy('a', { hops: Infinity })).toEqual([]);
  });

  it('never mutates its input and returns fresh arrays', () => {
    const def = { cis: cis('b', 'a'), relationships: [rel('b', 'depends_on', 'a')] };
    const copy = JSON.parse(JSON.stringify(def));
    const topo = createTopology(def);
    expect(def).toEqual(copy);
    const first = topo.impactedBy('a');
    (first[0]!.path as string[]).push('junk');
    expect(topo.impactedBy('a')[0]!.path).toEqual(['a', 'b']);
  });
});
