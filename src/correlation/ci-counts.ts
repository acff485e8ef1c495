/**
 * A group's CIs with how many of its firing alerts are on each, as a flat `[ciId, count, ...]` array:
 * compact in memory and in JSON, and safe for any CI id (no object keys). At most
 * maxAlertsPerIncident entries.
 */
export type CiCounts = ReadonlyArray<string | number>;

/** The index of `ciId`'s count, or -1. */
export function ciSlot(counts: CiCounts, ciId: string): number {
  for (let j = 0; j < counts.length; j += 2) if (counts[j] === ciId) return j + 1;
  return -1;
}

/** The CI first counted, or null. */
export function firstCiId(counts: CiCounts): string | null {
  return counts.length === 0 ? null : (counts[0] as string);
}

/** Every CI id, sorted. */
export function ciIdsOf(counts: CiCounts): string[] {
  const out: string[] = [];
  for (let j = 0; j < counts.length; j += 2) out.push(counts[j] as string);
  return out.sort();
}

/** The CI ids with at least one firing alert, sorted. */
export function firingCiIds(counts: CiCounts): string[] {
  const out: string[] = [];
  for (let j = 0; j < counts.length; j += 2) if ((counts[j + 1] as number) > 0) out.push(counts[j] as string);
  return out.sort();
}
