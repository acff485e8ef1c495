/** Topology queries at their edges: hop-limited cycles, bad option shapes, unknown CIs, CI lookup. */
import { describe, expect, it } from 'vitest';
import type { Relationship } from 'itsm-kit/models';
import { createTopology, ROOT_CAUSE_MAX_CI_IDS } from 'itsm-kit/topology';
import { pathsOf } from '../_helpers/validation-paths';

const cis = (...ids: string[]) => ids.map((id) => ({ id, name: id, ciClass: 'server' }));
const rel = (from: string, type: Relationship['type'], to: string): Relationship => ({ from, to, type });


describe('root-cause candidates on a cycle', () => {
  // a depends on b, b on c, c on a.
  const topo = createTopology({ cis: cis('a', 'b', 'c'), relationships: [rel('a', 'depends_on', 'b'), rel('b', 'depends_on', 'c'), rel('c', 'depends_on', 'a')] });

  it('without a hop limit, every CI of the cycle impacts the others, so all are candidates', () => {
    expect(topo.rootCauseCandidates(['a', 'b', 'c'])).toEqual([
      { ciId: 'a', impactedCiIds: ['b', 'c'] },
      { ciId: 'b', impactedCiIds: ['a', 'c'] },
      { ciId: 'c', impactedCiIds: ['a', 'b'] },
    ]);
  });

  it('within 1 hop, each has another strictly upstream of it, so none is (the documented definition)', () => {
    expect(topo.rootCauseCandidates(['a', 'b', 'c'], { hops: 1 })).toEqual([]);
    // Two of them: the upstream one of the pair.
    expect(topo.rootCauseCandidates(['a', 'b'], { hops: 1 })).toEqual([{ ciId: 'b', impactedCiIds: ['a'] }]);
  });

  it('keeps unknown CIs as candidates impacting nothing, once each', () => {
    expect(topo.rootCauseCandidates(['zz', 'a', 'zz'])).toEqual([{ ciId: 'a', impactedCiIds: [] }, { ciId: 'zz', impactedCiIds: [] }]);
  });
});

describe('query input', () => {
  const topo = createTopology({ cis: cis('a', 'b'), relationships: [rel('a', 'runs_on', 'b')] });

  it('names options that are not an object, types that are not a list, and bad CI id lists', () => {
    expect(pathsOf(() => topo.impactedBy('a', 3 as never))).toEqual(['options']);
    expect(pathsOf(() => topo.impactedBy('a', { types: 'runs_on' as never }))).toEqual(['options.types']);
    expect(pathsOf(() => topo.impactedBy('a', { hops: '2' as never }))).toEqual(['options.hops']);
    expect(pathsOf(() => topo.rootCauseCandidates('a' as never))).toEqual(['ciIds']);
    expect(pathsOf(() => topo.rootCauseCandidates(Array.from({ length: ROOT_CAUSE_MAX_CI_IDS + 1 }, () => 'a')))).toEqual(['ciIds']);
    expect(pathsOf(() => topo.hasPath('a', null as never))).toEqual(['toCiId']);
    expect(pathsOf(() => topo.impactedServices(1 as never))).toEqual(['ciId']);
  });

  it('answers about unknown CIs without throwing', () => {
    expect(topo.hasPath('zz', 'zz')).toBe(true);
    expect(topo.hasPath('zz', 'a')).toBe(false);
    expect(topo.impactedServices('zz')).toEqual([]);
    expect(topo.ci('zz')).toBeUndefined();
    expect(topo.ci('b')).toMatchObject({ id: 'b', ciClass: 'server' });
    expect(topo.has('a') && !topo.has('zz')).toBe(true);
    expect(topo.size).toBe(2);
  });
});
