import type { CiCounts } from './ci-counts';
import type { FingerprintTable } from './fp-table';
import { EMPTY_FINGERPRINTS } from './fp-table';
import type { ParkedAlert } from './parked';
import type { BucketTable } from './table';
import { EMPTY_TABLE } from './table';

/**
 * A group of alerts: pending (0), open (1) or resolved (2).
 *
 * @example
 * const st: GroupRecord['st'] = 1;
 */
export interface GroupRecord {
  /** Rule index. */
  readonly r: number;
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
  /** Alert ids while pending (bounded by maxAlertsPerIncident); absent (or undefined) once open. */
  readonly a?: readonly string[] | undefined;
  /** `[ciId, firing alerts on it, ...]` (bounded by maxAlertsPerIncident CIs). */
  readonly ci: CiCounts;
  readonly root: string | null;
  /** Resolve at (resolveAfter pending), resolved at. */
  readonly ra: number | null;
  readonly rt: number | null;
  /** 1 once the alerts-per-incident storm limit was announced. */
  readonly sx?: 1 | undefined;
  /** 1 once the host closed the incident (`closeIncident`): it is never reopened. */
  readonly cl?: 1 | undefined;
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
  readonly v: 2;
  /** Incident key counter. */
  readonly seq: number;
  /** Pending and open groups. */
  readonly open: number;
  /** Fingerprints tracked. */
  readonly tracked: number;
  /** Earliest instant worth a tick (a hint: ticking earlier is harmless). */
  readonly next: number | null;
  readonly fps: FingerprintTable;
  readonly groups: BucketTable<GroupRecord>;
  readonly index: BucketTable<string>;
  readonly inhibit: BucketTable<InhibitEntry>;
  readonly parked: BucketTable<ParkedAlert>;
  readonly cis: BucketTable<string>;
}

/** An empty state. */
export function emptyState(): CorrelatorState {
  return { v: 2, seq: 0, open: 0, tracked: 0, next: null, fps: EMPTY_FINGERPRINTS, groups: EMPTY_TABLE, index: EMPTY_TABLE, inhibit: EMPTY_TABLE, parked: EMPTY_TABLE, cis: EMPTY_TABLE };
}
