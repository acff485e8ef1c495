import type { Topology } from '../../topology';

/**
 * How a CI of another change relates to a CI of the change being scheduled: the same CI, upstream of
 * it (a CI it depends on) or downstream (a CI that depends on it), and how many hops away.
 *
 * @example
 * const m: CiRelation = { ciId: 'app', otherCiId: 'db', relation: 'upstream', hops: 1 };
 */
export interface CiRelation {
  /** The CI of the change being scheduled. */
  readonly ciId: string;
  /** The CI of the other change. */
  readonly otherCiId: string;
  readonly relation: 'same' | 'upstream' | 'downstream';
  readonly hops: number;
}

/**
 * Every CI related to one of `ciIds` (sorted, unique) within `hops`, each with its closest relation
 * (fewest hops; then same, upstream, downstream; then the first of `ciIds`). Without a topology only
 * the CIs themselves are related.
 */
export function relatedCis(ciIds: readonly string[], topology: Topology | undefined, hops: number): Map<string, CiRelation> {
  const related = new Map<string, CiRelation>();
  const offer = (m: CiRelation) => {
    const known = related.get(m.otherCiId);
    if (!known || m.hops < known.hops) related.set(m.otherCiId, m);
  };
  for (const ciId of ciIds) offer({ ciId, otherCiId: ciId, relation: 'same', hops: 0 });
  if (topology === undefined || hops === 0) return related;
  for (const ciId of ciIds) {
    for (const r of topology.dependenciesOf(ciId, { hops })) offer({ ciId, otherCiId: r.ciId, relation: 'upstream', hops: r.hops });
  }
  for (const ciId of ciIds) {
    for (const r of topology.impactedBy(ciId, { hops })) offer({ ciId, otherCiId: r.ciId, relation: 'downstream', hops: r.hops });
  }
  return related;
}
