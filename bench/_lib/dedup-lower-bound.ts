import type { Alert } from '../../src/models';
import { checkAlert, timeMemo } from '../../src/correlation/validate-alert';

/**
 * Two reference points for the correlation benchmark, measured on the same alerts as the correlator
 * and the floor, to show where the floor ratio's budget goes before any correlation happens:
 * - `checkOnly`: the correlator's own alert check (validation of the untrusted alert and its
 *   fingerprint) and nothing else;
 * - `checkAndDedup`: that check plus deduplication in a mutable `Map`, one decision object per alert,
 *   with no rules, no groups and no immutable state. No correlator can do less and meet the issue.
 */
export function dedupLowerBound(): { checkOnly: (alerts: readonly Alert[]) => number; checkAndDedup: (alerts: readonly Alert[]) => unknown[] } {
  const memo = timeMemo();
  const seen = new Map<string, { s: 0 | 1; t: number; c: number }>();
  return {
    checkOnly(alerts) {
      let sum = 0;
      for (const a of alerts) {
        const checked = checkAlert(a, memo);
        if (!Array.isArray(checked)) sum += checked.fingerprint.length;
      }
      return sum;
    },
    checkAndDedup(alerts) {
      const out: unknown[] = [];
      for (const a of alerts) {
        const checked = checkAlert(a, memo);
        if (Array.isArray(checked)) continue;
        const { alert, fingerprint, startsAt, endsAt } = checked;
        const s = alert.status === 'firing' ? 1 : 0;
        const t = s === 1 ? startsAt : (endsAt ?? startsAt);
        const known = seen.get(fingerprint);
        if (known !== undefined && (known.s === s || t < known.t)) {
          known.c++;
          if (t > known.t) known.t = t;
          out.push({ type: 'deduplicated', alertId: alert.id, fingerprint, count: known.c, stale: known.s !== s, incidentKeys: [], ruleId: null, alertIds: [alert.id], at: t });
        } else {
          seen.set(fingerprint, { s, t, c: (known?.c ?? 0) + 1 });
          out.push({ type: 'changed', alertId: alert.id, fingerprint, ruleId: null, alertIds: [alert.id], at: t });
        }
      }
      return out;
    },
  };
}
