/**
 * Slow, obviously-correct references for the topology tests: a plain edge list and hop distances by
 * repeated relaxation (Bellman-Ford with unit weights), no adjacency, no visited sets.
 */
import type { Relationship, RelationshipType } from 'itsm-kit/models';

export interface Edge {
  from: string; // the dependant
  to: string; // the upstream CI
  type: RelationshipType;
}

/** `a depends on b` edges, `connected_to` both ways. */
export function edgeList(relationships: readonly Relationship[]): Edge[] {
  const out: Edge[] = [];
  for (const r of relationships) {
    out.push({ from: r.from, to: r.to, type: r.type });
    if (r.type === 'connected_to') out.push({ from: r.to, to: r.from, type: r.type });
  }
  return out;
}

/** Hop distance from `start` to every CI reachable in `direction` within `hops`, start excluded. */
export function naiveDistances(
  edges: readonly Edge[],
  start: string,
  direction: 'up' | 'down',
  hops = Infinity,
  types?: readonly RelationshipType[],
): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of edges) {
      if (types && !types.includes(e.type)) continue;
      const [a, b] = direction === 'up' ? [e.from, e.to] : [e.to, e.from];
      const da = dist.get(a);
      if (da === undefined || da + 1 > hops) continue;
      const db = dist.get(b);
      if (db === undefined || da + 1 < db) {
        dist.set(b, da + 1);
        changed = true;
      }
    }
  }
  dist.delete(start);
  return dist;
}

/** Root-cause candidates by the documented definition, computed from naive reachability. */
export function naiveRootCauses(edges: readonly Edge[], ciIds: readonly string[], hops = Infinity): Array<{ ciId: string; impactedCiIds: string[] }> {
  const set = [...new Set(ciIds)];
  const impacts = new Map(set.map((c) => [c, set.filter((o) => o !== c && naiveDistances(edges, c, 'down', hops).has(o)).sort(cmp)]));
  const candidates = set.filter((c) =>
    set.every((m) => m === c || !impacts.get(m)!.includes(c) || impacts.get(c)!.includes(m)),
  );
  return candidates
    .map((ciId) => ({ ciId, impactedCiIds: impacts.get(ciId)! }))
    .sort((a, b) => b.impactedCiIds.length - a.impactedCiIds.length || cmp(a.ciId, b.ciId));
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
