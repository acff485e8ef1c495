import type { Adjacency } from './graph';

/**
 * Breadth-first walks over one {@link Adjacency}, with scratch arrays allocated once per topology and
 * reused (a generation stamp marks visited nodes, so a walk costs only what it visits). Not observable
 * from outside: every public call runs a whole walk and copies what it returns.
 *
 * Order: level by level (hops), each level sorted by node number (= CI id order). A node's parent is
 * the first node of the previous level that reaches it, so paths are deterministic too.
 */
export class Walker {
  private readonly stamp: Uint32Array;
  private epoch = 0;
  /** Parent node of each visited node (-1 for a start). */
  readonly parent: Int32Array;
  /** Relationship type code of the edge from the parent. */
  readonly parentType: Uint8Array;
  /** Hops from the start. */
  readonly depth: Int32Array;
  /** Visit order: the starts first, then each level in ascending node order. */
  readonly order: Int32Array;
  /** Scratch per node for callers (e.g. result positions); valid for visited nodes only. */
  readonly slot: Int32Array;

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
    this.parent = new Int32Array(n);
    this.parentType = new Uint8Array(n);
    this.depth = new Int32Array(n);
    this.order = new Int32Array(n);
    this.slot = new Int32Array(n);
  }

  /** True when `node` was visited by the latest walk. */
  visited(node: number): boolean {
    return this.stamp[node] === this.epoch;
  }

  /**
   * Walks from `start` up to `maxHops` hops along edges whose type bit is set in `typeMask`, stopping
   * early once `stopAt` is visited, or once `wantedCount` nodes marked in `wanted` are. Returns how many
   * nodes of {@link order} were visited (the start included, at position 0).
   */
  walk(adj: Adjacency, start: number, maxHops: number, typeMask: number, stopAt = -1, wanted?: Uint8Array, wantedCount = 0): number {
    this.nextEpoch();
    const { offsets, targets, types } = adj;
    const { stamp, parent, parentType, depth, order } = this;
    const epoch = this.epoch;
    stamp[start] = epoch;
    parent[start] = -1;
    depth[start] = 0;
    order[0] = start;
    if (start === stopAt) return 1;
    let found = 0;
    let end = 1;
    let levelStart = 0;
    for (let hops = 1; hops <= maxHops && levelStart < end; hops++) {
      const levelEnd = end;
      for (let q = levelStart; q < levelEnd; q++) {
        const v = order[q]!;
        for (let k = offsets[v]!, last = offsets[v + 1]!; k < last; k++) {
          const w = targets[k]!;
          if (stamp[w] === epoch || ((typeMask >> types[k]!) & 1) === 0) continue;
          stamp[w] = epoch;
          parent[w] = v;
          parentType[w] = types[k]!;
          depth[w] = hops;
          order[end++] = w;
          if (w === stopAt || (wanted !== undefined && wanted[w] === 1 && ++found === wantedCount)) return end;
        }
      }
      if (end - levelEnd > 1) order.subarray(levelEnd, end).sort();
      levelStart = levelEnd;
    }
    return end;
  }

  private nextEpoch(): void {
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
  }
}
