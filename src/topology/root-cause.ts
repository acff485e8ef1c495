import { ItsmValidationError } from '../_lib/errors';
import type { CiGraph } from './graph';
import type { WalkLimits } from './options';
import type { Walker } from './walk';

/**
 * The most CI ids `rootCauseCandidates` accepts in one call (more throws ItsmValidationError at `ciIds`).
 *
 * @example
 * ROOT_CAUSE_MAX_CI_IDS //=> 10000
 */
export const ROOT_CAUSE_MAX_CI_IDS = 10_000;

/**
 * A root-cause candidate among a set of CIs (e.g. the CIs of an alert group).
 *
 * @example
 * const c: RootCauseCandidate = { ciId: 'db', impactedCiIds: ['app', 'vm'] };
 */
export interface RootCauseCandidate {
  /** The candidate CI. */
  readonly ciId: string;
  /** The other CIs of the set that it impacts (transitively, within the hops limit), sorted by id. */
  readonly impactedCiIds: readonly string[];
}

/**
 * Candidates among `ciIds`: the CIs with no CI of the set strictly upstream of them (upstream but not
 * also downstream, so members of one cycle or `connected_to` pair do not rule each other out), ranked
 * by how many CIs of the set they impact (most first), then by id. CIs unknown to the topology have no
 * relationships: each is a candidate of its own that impacts nothing.
 */
export function rankRootCauses(graph: CiGraph, walker: Walker, ciIds: readonly string[], limits: WalkLimits, subject: string): RootCauseCandidate[] {
  if (!Array.isArray(ciIds)) throw ItsmValidationError.at(subject, ['ciIds'], 'must be an array of CI ids');
  if (ciIds.length > ROOT_CAUSE_MAX_CI_IDS) throw ItsmValidationError.at(subject, ['ciIds'], `at most ${ROOT_CAUSE_MAX_CI_IDS} CI ids`);
  const known = new Set<number>();
  const unknown = new Set<string>();
  ciIds.forEach((id: unknown, i) => {
    if (typeof id !== 'string') throw ItsmValidationError.at(subject, ['ciIds', i], 'must be a string');
    const node = graph.indexOf.get(id);
    if (node === undefined) unknown.add(id);
    else known.add(node);
  });
  const members = Int32Array.from(known).sort();
  const position = new Map<number, number>();
  members.forEach((node, i) => position.set(node, i));

  const isMember = new Uint8Array(graph.ids.length);
  for (const node of members) isMember[node] = 1;
  const impacts = Array.from(members, (node) => {
    isMember[node] = 0; // a walk never revisits its start: count only the others
    const found = impactedMembers(graph, walker, node, position, limits, isMember, members.length - 1);
    isMember[node] = 1;
    return found;
  });
  const ruledOut = new Uint8Array(members.length);
  impacts.forEach((down, m) => {
    for (const r of down) if (!includes(impacts[r]!, m)) ruledOut[r] = 1;
  });

  const candidates: RootCauseCandidate[] = [];
  members.forEach((node, i) => {
    if (ruledOut[i]) return;
    candidates.push({ ciId: graph.ids[node]!, impactedCiIds: Array.from(impacts[i]!, (p) => graph.ids[members[p]!]!) });
  });
  for (const id of unknown) candidates.push({ ciId: id, impactedCiIds: [] });
  return candidates.sort(
    (a, b) => b.impactedCiIds.length - a.impactedCiIds.length || (a.ciId < b.ciId ? -1 : a.ciId > b.ciId ? 1 : 0),
  );
}

/** Positions (sorted) of the other members reached downstream from `node` (the walk stops once all are). */
function impactedMembers(
  graph: CiGraph, walker: Walker, node: number, position: ReadonlyMap<number, number>, limits: WalkLimits, isMember: Uint8Array, others: number,
): Int32Array {
  if (others === 0) return new Int32Array(0);
  const count = walker.walk(graph.downstream, node, limits.maxHops, limits.typeMask, -1, isMember, others);
  const found: number[] = [];
  for (let q = 1; q < count; q++) {
    const p = position.get(walker.order[q]!);
    if (p !== undefined) found.push(p);
  }
  return Int32Array.from(found).sort();
}

function includes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
