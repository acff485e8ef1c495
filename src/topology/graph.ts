import type { ConfigurationItem } from '../models/configuration-item';
import type { Relationship, RelationshipType } from '../models/relationship';
import { RELATIONSHIP_TYPES } from '../models/relationship';

/** One direction of the graph in compressed sparse rows: node `i`'s neighbours are `targets[offsets[i] .. offsets[i+1])`. */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into {@link RELATIONSHIP_TYPES} of the relationship behind each target. */
  readonly types: Uint8Array;
}

/**
 * The interned CMDB graph. CI ids are sorted once and numbered in that order, so integer order is id
 * order and every walk is deterministic without comparing strings. Built once; read-only afterwards.
 */
export interface CiGraph {
  readonly ids: readonly string[];
  readonly cis: readonly ConfigurationItem[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** node -> the CIs it depends on (its failure is caused by theirs). */
  readonly upstream: Adjacency;
  /** node -> the CIs that depend on it (impacted by its failure). */
  readonly downstream: Adjacency;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the graph from validated CIs (unique ids) and relationships (known CIs). */
export function buildCiGraph(cis: readonly ConfigurationItem[], relationships: readonly Relationship[]): CiGraph {
  const sorted = [...cis].sort((a, b) => compareIds(a.id, b.id));
  const ids = sorted.map((c) => c.id);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) indexOf.set(ids[i]!, i);

  // Directed edges node -> upstream node; connected_to yields both directions.
  const edgeCount = relationships.reduce((n, r) => n + (r.type === 'connected_to' ? 2 : 1), 0);
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const type = new Uint8Array(edgeCount);
  let e = 0;
  for (const r of relationships) {
    const f = indexOf.get(r.from)!;
    const t = indexOf.get(r.to)!;
    const code = typeCode(r.type);
    from[e] = f;
    to[e] = t;
    type[e++] = code;
    if (r.type === 'connected_to') {
      from[e] = t;
      to[e] = f;
      type[e++] = code;
    }
  }
  return {
    ids,
    cis: sorted,
    indexOf,
    upstream: compress(ids.length, from, to, type),
    downstream: compress(ids.length, to, from, type),
  };
}

/** Index of a relationship type in {@link RELATIONSHIP_TYPES}. */
export function typeCode(t: RelationshipType): number {
  return RELATIONSHIP_TYPES.indexOf(t);
}

/** Counting sort of the edges by source, then each row sorted by (target, type). */
function compress(n: number, src: Int32Array, dst: Int32Array, type: Uint8Array): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < src.length; i++) offsets[src[i]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const keys = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) keys[fill[src[i]!]!++] = dst[i]! * 8 + type[i]!;
  const targets = new Int32Array(src.length);
  const types = new Uint8Array(src.length);
  for (let v = 0; v < n; v++) {
    const row = keys.subarray(offsets[v]!, offsets[v + 1]!);
    row.sort();
    for (let k = 0; k < row.length; k++) {
      targets[offsets[v]! + k] = Math.floor(row[k]! / 8);
      types[offsets[v]! + k] = row[k]! % 8;
    }
  }
  return { offsets, targets, types };
}
