/**
 * What the correlator needs from a CMDB topology: the shape of `itsm-kit/topology`'s `Topology`
 * (`createTopology({ cis, relationships })`), so any object with these methods works.
 *
 * @example
 * const correlator = createCorrelator(config, { topology: createTopology({ cis, relationships }) });
 */
export interface CorrelationTopology {
  /** CIs `ciId` depends on (upstream), nearest first. */
  dependenciesOf(ciId: string, options?: { hops?: number }): ReadonlyArray<{ readonly ciId: string; readonly hops: number }>;
  /** CIs that depend on `ciId` (downstream), nearest first. */
  impactedBy(ciId: string, options?: { hops?: number }): ReadonlyArray<{ readonly ciId: string }>;
  /** The most upstream CIs among `ciIds`, best first. */
  rootCauseCandidates(ciIds: readonly string[], options?: { hops?: number }): ReadonlyArray<{ readonly ciId: string }>;
}

/** The most CI neighbourhoods remembered before starting afresh. */
const NEIGHBOURHOOD_CACHE_SIZE = 50_000;

/** Memoized neighbourhood walks over a static topology (the topology never changes under a correlator). */
export class TopologyCache {
  private cache = new Map<string, readonly string[]>();

  constructor(private readonly topology: CorrelationTopology) {}

  /**
   * CIs near `ciId` within `hops`: what it depends on (nearest first), what depends on it, then its
   * siblings, i.e. CIs that share a dependency with it, counting the hops up and down.
   */
  neighbours(ciId: string, hops: number): readonly string[] {
    const key = `${hops}\u0000${ciId}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const upstream = this.topology.dependenciesOf(ciId, { hops });
      const seen = new Set<string>([ciId]);
      const near: string[] = [];
      const add = (id: string) => {
        if (!seen.has(id)) {
          seen.add(id);
          near.push(id);
        }
      };
      for (const r of upstream) add(r.ciId);
      for (const r of this.topology.impactedBy(ciId, { hops })) add(r.ciId);
      for (const u of upstream) {
        const left = hops - u.hops;
        if (left > 0) for (const r of this.topology.impactedBy(u.ciId, { hops: left })) add(r.ciId);
      }
      hit = near;
      if (this.cache.size >= NEIGHBOURHOOD_CACHE_SIZE) this.cache = new Map();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** The most upstream CI among `ciIds` (null for none). */
  rootOf(ciIds: readonly string[]): string | null {
    if (ciIds.length === 0) return null;
    if (ciIds.length === 1) return ciIds[0]!;
    return this.topology.rootCauseCandidates(ciIds)[0]?.ciId ?? null;
  }
}
