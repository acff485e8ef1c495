import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Relationship } from 'itsm-kit/models';
import { RELATIONSHIP_TYPES } from 'itsm-kit/models';
import { createTopology } from 'itsm-kit/topology';
import type { ReachedCi } from 'itsm-kit/topology';
import { cmp, edgeList, naiveDistances, naiveRootCauses, type Edge } from './reference';

/** Random graphs of up to 14 CIs (ids in random order, so interning is exercised) and up to 30 relationships. */
const graphArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      ids: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `ci-${String.fromCharCode(97 + ((i * 7) % 26))}${i}`),
        { minLength: n, maxLength: n },
      ),
      rels: fc.array(
        fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), type: fc.constantFrom(...RELATIONSHIP_TYPES) }),
        { maxLength: 30 },
      ),
    }),
  )
  .map(({ ids, rels }) => ({
    ids,
    relationships: rels.filter((r) => r.from !== r.to).map((r): Relationship => ({ from: ids[r.from]!, to: ids[r.to]!, type: r.type })),
  }));

const hopsArb = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
const typesArb = fc.option(fc.subarray([...RELATIONSHIP_TYPES]), { nil: undefined });

function build(g: { ids: string[]; relationships: Relationship[] }) {
  return createTopology({ cis: g.ids.map((id) => ({ id, name: id, ciClass: 'server' })), relationships: g.relationships });
}

/** Every step of the path is a real edge of the right type and direction; order is (hops, id). */
function checkReached(reached: ReachedCi[], edges: Edge[], start: string, direction: 'up' | 'down') {
  for (const r of reached) {
    expect(r.path[0]).toBe(start);
    expect(r.path.at(-1)).toBe(r.ciId);
    expect(r.path).toHaveLength(r.hops + 1);
    expect(r.via).toHaveLength(r.hops);
    for (let k = 0; k < r.hops; k++) {
      const [a, b] = [r.path[k]!, r.path[k + 1]!];
      const ok = edges.some((e) => e.type === r.via[k] && (direction === 'up' ? e.from === a && e.to === b : e.from === b && e.to === a));
      expect(ok).toBe(true);
    }
  }
  const sorted = [...reached].sort((x, y) => x.hops - y.hops || cmp(x.ciId, y.ciId));
  expect(reached.map((r) => r.ciId)).toEqual(sorted.map((r) => r.ciId));
}

describe('topology against a naive reference', () => {
  it('impactedBy and dependenciesOf reach exactly the CIs at their shortest hop distance', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), hopsArb, typesArb, (g, pick, hops, types) => {
        const topo = build(g);
        const edges = edgeList(g.relationships);
        const start = g.ids[pick % g.ids.length]!;
        const options = { ...(hops === undefined ? {} : { hops }), ...(types === undefined ? {} : { types }) };
        for (const [direction, reached] of [['down', topo.impactedBy(start, options)], ['up', topo.dependenciesOf(start, options)]] as const) {
          const expected = naiveDistances(edges, start, direction, hops ?? Infinity, types);
          expect(new Map(reached.map((r) => [r.ciId, r.hops]))).toEqual(expected);
          expect(reached).toHaveLength(expected.size);
          checkReached(reached, edges, start, direction);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('hasPath agrees with reachability, and impactedBy is the mirror of dependenciesOf', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.nat(), hopsArb, (g, i, j, hops) => {
        const topo = build(g);
        const [a, b] = [g.ids[i % g.ids.length]!, g.ids[j % g.ids.length]!];
        const options = hops === undefined ? undefined : { hops };
        const expected = a === b || naiveDistances(edgeList(g.relationships), a, 'up', hops ?? Infinity).has(b);
        expect(topo.hasPath(a, b, options)).toBe(expected);
        if (a !== b) expect(topo.impactedBy(b, options).some((r) => r.ciId === a)).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('connected_to is symmetric: swapping its ends changes no answer', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), (g, pick) => {
        const swapped = g.relationships.map((r) => (r.type === 'connected_to' ? { ...r, from: r.to, to: r.from } : r));
        const [t1, t2] = [build(g), build({ ids: g.ids, relationships: swapped })];
        const start = g.ids[pick % g.ids.length]!;
        expect(t2.impactedBy(start)).toEqual(t1.impactedBy(start));
        expect(t2.dependenciesOf(start)).toEqual(t1.dependenciesOf(start));
      }),
      { numRuns: 500 },
    );
  });

  it('rootCauseCandidates follows its documented definition', () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), hopsArb, (g, picks, withUnknown, hops) => {
        const topo = build(g);
        const set = picks.map((p) => g.ids[p % g.ids.length]!).concat(withUnknown ? ['zz-unknown'] : []);
        const options = hops === undefined ? undefined : { hops };
        expect(topo.rootCauseCandidates(set, options)).toEqual(naiveRootCauses(edgeList(g.relationships), set, hops ?? Infinity));
        // Unlimited, reachability is transitive, so some CI of a non-empty set has none strictly upstream.
        // Within a hop limit a cycle longer than the limit can leave none (each has one upstream in reach).
        if (set.length > 0 && hops === undefined) expect(topo.rootCauseCandidates(set).length).toBeGreaterThan(0);
      }),
      { numRuns: 800 },
    );
  });

  it('answers do not depend on the order of the input', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), (g, pick) => {
        const reversed = { ids: [...g.ids].reverse(), relationships: [...g.relationships].reverse() };
        const start = g.ids[pick % g.ids.length]!;
        expect(build(reversed).impactedBy(start)).toEqual(build(g).impactedBy(start));
        expect(build(reversed).rootCauseCandidates(g.ids)).toEqual(build(g).rootCauseCandidates(g.ids));
      }),
      { numRuns: 300 },
    );
  });
});
