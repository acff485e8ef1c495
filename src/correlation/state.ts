import type { Alert } from '../models/alert';
import type { CiCounts } from './ci-counts';
import type { SuppressionCause, SuppressionReason } from './decisions';
import type { BucketTable } from './table';
import { EMPTY_TABLE } from './table';

/**
 * What the correlator remembers of one alert fingerprint (compact field names keep state small).
 *
 * @example
 * const r: FingerprintRecord = { s: 1, t: 0, c: 1, a: 'a-1', g: ['svc#1'] };
 */
export interface FingerprintRecord {
  /** 1 firing, 0 resolved. */
  readonly s: 0 | 1;
  /** The alert's own time of the latest applied notification (epoch ms). */
  readonly t: number;
  /** Notifications seen. */
  readonly c: number;
  /** Latest alert id. */
  readonly a: string;
  /** Keys of the groups it is attached to while firing. */
  readonly g: readonly string[];
  /** Times of its recent state changes (flapping detection), bounded by the threshold + 1. */
  readonly h?: readonly number[];
  /** Flapping until this instant unless it changes again. */
  readonly fu?: number;
}

/**
 * A group of alerts: pending (0), open (1) or resolved (2).
 *
 * @example
 * const st: GroupRecord['st'] = 1;
 */
export interface GroupRecord {
  /** Rule index. */
  readonly r: number;
  /** Group identity (rule and groupBy values), for the index. */
  readonly i: string;
  readonly st: 0 | 1 | 2;
  /** First and last alert time. */
  readonly f: number;
  readonly l: number;
  /** Distinct alerts attached, and how many of them fire. */
  readonly n: number;
  readonly fc: number;
  /** Highest severity rank seen (0 critical .. 4 info). */
  readonly sv: number;
  /** Priority announced (0 while pending). */
  readonly p: number;
  readonly title: string;
  /** Alert ids while pending (bounded by maxAlertsPerIncident); emptied once open. */
  readonly a: readonly string[];
  /** `[ciId, firing alerts on it, ...]` (bounded by maxAlertsPerIncident CIs). */
  readonly ci: CiCounts;
  readonly root: string | null;
  /** Resolve at (resolveAfter pending), resolved at. */
  readonly ra: number | null;
  readonly rt: number | null;
  /** 1 once the alerts-per-incident storm limit was announced. */
  readonly sx?: 1;
}

/**
 * A suppressed firing alert, kept to be released and correlated once its cause ends.
 *
 * @example
 * const r: ParkedAlert['reason'] = 'maintenance';
 */
export interface ParkedAlert {
  readonly alert: Alert;
  readonly reason: SuppressionReason;
  readonly cause: SuppressionCause;
  /** When to look at it again (null: when its inhibiting source resolves). */
  readonly u: number | null;
}

/**
 * Firing inhibition sources for one rule and `equal` values, and the targets they hold.
 *
 * @example
 * const e: InhibitEntry = { src: { fp1: 'a-1' }, tg: { fp2: 1 } };
 */
export interface InhibitEntry {
  /** Source fingerprint -> alert id. */
  readonly src: Readonly<Record<string, string>>;
  /** Inhibited target fingerprints (value 1), in the order they were inhibited. */
  readonly tg: Readonly<Record<string, 1>>;
}

/**
 * The correlator's state: plain JSON, safe to persist and parse back between any two calls. Treat it
 * as opaque; its layout is versioned by `v`.
 *
 * @example
 * const s: CorrelatorState = correlator.initialState();
 * JSON.parse(JSON.stringify(s)) // a valid state too
 */
export interface CorrelatorState {
  readonly v: 1;
  /** Incident key counter. */
  readonly seq: number;
  /** Pending and open groups. */
  readonly open: number;
  /** Fingerprints tracked. */
  readonly tracked: number;
  /** Earliest instant worth a tick (a hint: ticking earlier is harmless). */
  readonly next: number | null;
  readonly fps: BucketTable<FingerprintRecord>;
  readonly groups: BucketTable<GroupRecord>;
  readonly index: BucketTable<string>;
  readonly inhibit: BucketTable<InhibitEntry>;
  readonly parked: BucketTable<ParkedAlert>;
  readonly cis: BucketTable<string>;
}

/** An empty state. */
export function emptyState(): CorrelatorState {
  return { v: 1, seq: 0, open: 0, tracked: 0, next: null, fps: EMPTY_TABLE, groups: EMPTY_TABLE, index: EMPTY_TABLE, inhibit: EMPTY_TABLE, parked: EMPTY_TABLE, cis: EMPTY_TABLE };
}
