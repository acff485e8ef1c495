/**
 * The reference model's CMDB topology and what the correlator does with it, kept apart from the model
 * itself (`reference-correlator.ts`) and written from the guides, not from `itsm-kit/topology` or the
 * engine: walks re-scan the relationship list at every step, and a group keeps its CIs in a plain Map.
 *
 * - A relationship reads `from <type> to`: `to` is upstream of `from` (its failure impacts `from`);
 *   `connected_to` is followed both ways. Walks are breadth-first and cycle-safe, and list CIs by hops,
 *   then by id.
 * - "Near" a CI, for a topology rule, means within `hops` relationships: what it depends on (nearest
 *   first), what depends on it, then its siblings through a shared dependency, the hops up and down
 *   counted together.
 * - The root cause among CIs is the first of the candidates: CIs with no other CI of the set upstream
 *   of them (except one that is also downstream, as in a cycle), the ones impacting most of the set
 *   first, then by id. A CI the topology does not know is a candidate impacting nothing.
 */

/** A relationship as the model reads it. */
export interface ReferenceRelationship {
  readonly from: string;
  readonly to: string;
  readonly type: 'depends_on' | 'hosted_on' | 'connected_to';
}

/** A CI reached by a walk, with its distance in relationships. */
interface Reached {
  readonly ciId: string;
  readonly hops: number;
}

/** The CMDB graph, read the slow way. */
export class ReferenceTopology {
  constructor(private readonly relationships: readonly ReferenceRelationship[]) {}

  /** CIs one relationship away from `ciId`, upstream (`up`) or downstream. */
  private step(ciId: string, up: boolean): string[] {
    const out: string[] = [];
    for (const r of this.relationships) {
      const forward = up ? r.from === ciId : r.to === ciId;
      const backward = r.type === 'connected_to' && (up ? r.to === ciId : r.from === ciId);
      if (forward) out.push(up ? r.to : r.from);
      if (backward) out.push(up ? r.from : r.to);
    }
    return out;
  }

  /** Everything within `hops` of `ciId` in one direction, by hops, then by id (the start excluded). */
  walk(ciId: string, hops: number, up: boolean): Reached[] {
    const seen = new Set([ciId]);
    const out: Reached[] = [];
    let level = [ciId];
    for (let d = 1; d <= hops && level.length > 0; d++) {
      const next = [...new Set(level.flatMap((c) => this.step(c, up)))].filter((c) => !seen.has(c)).sort();
      for (const c of next) {
        seen.add(c);
        out.push({ ciId: c, hops: d });
      }
      level = next;
    }
    return out;
  }

  /** CIs near `ciId` within `hops`, in the order a topology rule looks for their groups. */
  near(ciId: string, hops: number): string[] {
    const upstream = this.walk(ciId, hops, true);
    const siblings = upstream.flatMap((u) => this.walk(u.ciId, hops - u.hops, false).map((r) => r.ciId));
    const all = [...upstream.map((r) => r.ciId), ...this.walk(ciId, hops, false).map((r) => r.ciId), ...siblings];
    return [...new Set(all)].filter((c) => c !== ciId);
  }

  /** The root cause among `ciIds` (null for none). */
  rootOf(ciIds: readonly string[]): string | null {
    const downstreamOf = (c: string) => this.walk(c, Infinity, false).map((r) => r.ciId);
    const upstreamOf = (c: string) => this.walk(c, Infinity, true).map((r) => r.ciId);
    const candidates = ciIds.filter((c) => !ciIds.some((x) => x !== c && upstreamOf(c).includes(x) && !downstreamOf(c).includes(x)));
    const impact = (c: string) => ciIds.filter((x) => x !== c && downstreamOf(c).includes(x)).length;
    return [...candidates].sort((a, b) => impact(b) - impact(a) || (a < b ? -1 : 1))[0] ?? null;
  }
}

/**
 * A group's CIs: each with how many of its attached alerts on it still fire, and the root cause. A
 * topology rule's group has the most upstream firing CI as its root; any other group keeps the CI of
 * the alert that started it, or the first CI one of its alerts was on.
 */
export class ReferenceGroupCis {
  private readonly firing = new Map<string, number>();
  root: string | null;

  constructor(
    first: string | undefined,
    private readonly topology: ReferenceTopology | undefined,
  ) {
    this.root = first ?? null;
  }

  /**
   * An alert on `ciId` joined: counted when the group lists it (at most the limit on alerts per
   * incident) or already has the CI; `newlyFiring` when the CI had no firing alert before (the root
   * may move).
   */
  add(ciId: string, listed: boolean): { counted: boolean; newlyFiring: boolean } {
    const before = this.firing.get(ciId);
    if (before === undefined && !listed) return { counted: false, newlyFiring: false };
    this.firing.set(ciId, (before ?? 0) + 1);
    return { counted: true, newlyFiring: (before ?? 0) === 0 };
  }

  /** An alert on `ciId` resolved. True when that left the root CI with no firing alert. */
  remove(ciId: string): boolean {
    const before = this.firing.get(ciId);
    if (before === undefined) return false;
    this.firing.set(ciId, Math.max(0, before - 1));
    return before <= 1 && ciId === this.root;
  }

  /** Every CI the group has had, sorted. */
  ids(): string[] {
    return [...this.firing.keys()].sort();
  }

  /** The CIs with a firing alert, sorted. */
  firingIds(): string[] {
    return this.ids().filter((c) => this.firing.get(c)! > 0);
  }

  /**
   * The root cause now: the most upstream firing CI (topology rules); else the root as it was, or the
   * first CI the group had when it had no root.
   */
  currentRoot(): string | null {
    const firing = this.firingIds();
    if (this.topology !== undefined && firing.length > 0) return this.topology.rootOf(firing);
    return this.root ?? [...this.firing.keys()][0] ?? null;
  }
}
