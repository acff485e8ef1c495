/**
 * What the correlator needs from a CMDB topology: the shape of `itsm-kit/topology`'s `Topology`
 * (`createTopology({ cis, relationships })`), so any object with these methods works.
 *
 * @example
 * const correlator = createCorrelator(config, { topology: createTopology({ cis, relationships }) });
 */
export interface CorrelationTopology {
  /** CIs `ciId` depends on (upstream), nearest first. */
  dependenciesOf(ciId: string, options?: { hops?: number }): ReadonlyArray<{ readonly ciId: string }>;
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

  /** CIs near `ciId` within `hops`: upstream first (nearest first), then downstream. */
  neighbours(ciId: string, hops: number): readonly string[] {
    const key = `${hops}\u0000${ciId}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const up = this.topology.dependenciesOf(ciId, { hops }).map((r) => r.ciId);
      const down = this.topology.impactedBy(ciId, { hops }).map((r) => r.ciId);
      hit = [...up, ...down];
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
