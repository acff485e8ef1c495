import type { Alert } from '../../src/models';
import { EMPTY_FINGERPRINTS, FingerprintWriter, type FingerprintTable } from '../../src/correlation/fp-table';
import { checkAlert, timeMemo, type CheckedAlert } from '../../src/correlation/validate-alert';

/** What a reference point does with each checked alert: dedup it, and return its one decision. */
type Dedup = (checked: CheckedAlert, s: 0 | 1, t: number) => object;

/** The three reference points (each returns a figure to consume, so that nothing is optimized away). */
export interface DedupLowerBound {
  /** The correlator's own alert check and nothing else. */
  checkOnly(alerts: readonly Alert[]): number;
  /** The check plus deduplication in a mutable `Map`, one decision object per alert. */
  checkAndDedup(alerts: readonly Alert[]): unknown[];
  /**
   * The check plus deduplication in the correlator's own copy-on-write fingerprint table, a new table
   * per batch (the input one untouched), one decision object per alert: what keeping the state
   * immutable and compact costs before any rule or group.
   */
  checkAndImmutableDedup(alerts: readonly Alert[]): unknown[];
}

/**
 * Reference points for the correlation benchmark, measured on the same alerts as the correlator and
 * the floor, to show where the floor ratio's budget goes before any correlation happens (see
 * {@link DedupLowerBound}). The two dedups decide alike: a notification with the status already
 * known, or older than what is known, is a duplicate (its count bumped, its time moved when later);
 * any other is a change. No correlator can do less than the `Map` one and meet the issue, nor less
 * than the table one and keep its state immutable, plain and under 1 KB per group.
 */
export function dedupLowerBound(): DedupLowerBound {
  const memo = timeMemo();
  const checkedEach = (alerts: readonly Alert[], dedup: Dedup): unknown[] => {
    const out: unknown[] = [];
    for (const a of alerts) {
      const checked = checkAlert(a, memo);
      if (Array.isArray(checked)) continue;
      const s = checked.alert.status === 'firing' ? 1 : 0;
      out.push(dedup(checked, s, s === 1 ? checked.startsAt : (checked.endsAt ?? checked.startsAt)));
    }
    return out;
  };
  const decision = (checked: CheckedAlert, t: number, count: number | null, stale: boolean): object =>
    count === null
      ? { type: 'changed', alertId: checked.alert.id, fingerprint: checked.fingerprint, ruleId: null, alertIds: [checked.alert.id], at: t }
      : { type: 'deduplicated', alertId: checked.alert.id, fingerprint: checked.fingerprint, count, stale, incidentKeys: [], ruleId: null, alertIds: [checked.alert.id], at: t };

  const seen = new Map<string, { s: 0 | 1; t: number; c: number }>();
  const inMap: Dedup = (checked, s, t) => {
    const known = seen.get(checked.fingerprint);
    if (known !== undefined && (known.s === s || t < known.t)) {
      known.c++;
      if (t > known.t) known.t = t;
      return decision(checked, t, known.c, known.s !== s);
    }
    seen.set(checked.fingerprint, { s, t, c: (known?.c ?? 0) + 1 });
    return decision(checked, t, null, false);
  };

  let table: FingerprintTable = EMPTY_FINGERPRINTS;
  let writer = new FingerprintWriter(table);
  const inTable: Dedup = (checked, s, t) => {
    const known = writer.find(checked.fingerprint);
    if (known && (writer.foundStatus() === s || t < writer.foundTime())) {
      const stale = writer.foundStatus() !== s;
      return decision(checked, t, writer.bumpFound(t, stale), stale);
    }
    const c = known ? writer.foundRecord().c + 1 : 1;
    writer.set(checked.fingerprint, { s, t, c, g: [], h: [] });
    return decision(checked, t, null, false);
  };

  return {
    checkOnly(alerts) {
      let sum = 0;
      for (const a of alerts) {
        const checked = checkAlert(a, memo);
        if (!Array.isArray(checked)) sum += checked.fingerprint.length;
      }
      return sum;
    },
    checkAndDedup: (alerts) => checkedEach(alerts, inMap),
    checkAndImmutableDedup(alerts) {
      writer = new FingerprintWriter(table);
      const out = checkedEach(alerts, inTable);
      table = writer.result();
      return out;
    },
  };
}
