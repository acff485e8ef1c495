import type { RelationshipType } from '../models/relationship';
import { RELATIONSHIP_TYPES } from '../models/relationship';
import type { CiGraph } from './graph';
import type { Walker } from './walk';

/**
 * A CI reached by a topology walk, with the path that reached it.
 *
 * @example
 * const r: ReachedCi = { ciId: 'app', hops: 2, path: ['db', 'vm', 'app'], via: ['runs_on', 'hosted_on'] };
 */
export interface ReachedCi {
  /** The CI reached. */
  readonly ciId: string;
  /** How many relationships away from the queried CI (at least 1). */
  readonly hops: number;
  /** CI ids from the queried CI to this one, both included (`hops + 1` entries); a shortest path. */
  readonly path: readonly string[];
  /** The relationship type of each step of `path` (`hops` entries). */
  readonly via: readonly RelationshipType[];
}

/** Turns the walker's latest walk (of `count` nodes, start first) into results with their paths. */
export function collectReached(graph: CiGraph, walker: Walker, count: number): ReachedCi[] {
  const { order, parent, parentType, depth } = walker;
  const { ids } = graph;
  const out: ReachedCi[] = new Array<ReachedCi>(count - 1);
  for (let q = 1; q < count; q++) {
    const v = order[q]!;
    const hops = depth[v]!;
    const path = new Array<string>(hops + 1);
    const via = new Array<RelationshipType>(hops);
    for (let k = hops, u = v; k >= 0; k--, u = parent[u]!) {
      path[k] = ids[u]!;
      if (k > 0) via[k - 1] = RELATIONSHIP_TYPES[parentType[u]!]!;
    }
    out[q - 1] = { ciId: ids[v]!, hops, path, via };
  }
  return out;
}
