import { ALERT_SEVERITIES, type AlertSeverity } from '../models/alert';
import { ciIdsOf, firingCiIds } from './ci-counts';
import type { GroupRecord } from './state';

/**
 * What the state holds about one group (an incident, or a group still waiting to open), read by
 * `correlator.getGroup`: the state's layout is opaque, this is its readable form.
 *
 * @example
 * const g: CorrelationGroup | null = correlator.getGroup(state, 'db#1');
 * if (g?.status === 'open') console.log(g.firingCount, g.rootCauseCiId);
 */
export interface CorrelationGroup {
  /** The group key: the `incidentKey` of its incident, the `groupKey` of its `pending` decisions. */
  readonly key: string;
  readonly ruleId: string;
  /** `closed` is resolved and closed by the host (`closeIncident`): it never reopens. */
  readonly status: 'pending' | 'open' | 'resolved' | 'closed';
  /**
   * The own times (epoch ms) of its earliest and latest alert. A host reopen (`reopenIncident`) moves
   * the latest to the reopen's `now`, from which the rule's `window` runs.
   */
  readonly firstAlertAt: number;
  readonly lastAlertAt: number;
  /** Alerts that joined it (an alert that resolved and fired again counts again). */
  readonly alertCount: number;
  /** How many of them still fire. */
  readonly firingCount: number;
  /** The highest severity among its alerts. */
  readonly severity: AlertSeverity;
  /** The priority announced (`open-incident`, `update-priority`); null while pending. */
  readonly priority: 1 | 2 | 3 | 4 | 5 | null;
  /** Every CI its alerts were on (at most `storm.maxAlertsPerIncident`), sorted; and those with a firing alert. */
  readonly ciIds: readonly string[];
  readonly firingCiIds: readonly string[];
  /** The root cause announced (`open-incident`, `update-root-cause`); null while pending. */
  readonly rootCauseCiId: string | null;
  /** While pending, the alerts waiting in it (up to `storm.maxAlertsPerIncident`); empty once open (`open-incident` listed them). */
  readonly pendingAlertIds: readonly string[];
  /** When it resolves if no alert fires before (`resolveAfter` running), or null. */
  readonly resolveAt: number | null;
  /** When it resolved, or null. */
  readonly resolvedAt: number | null;
}

const STATUSES = ['pending', 'open', 'resolved'] as const;

/** The readable form of group record `g` stored at `key` under rule `ruleId`. */
export function groupView(key: string, ruleId: string, g: GroupRecord): CorrelationGroup {
  return {
    key,
    ruleId,
    status: g.cl === undefined ? STATUSES[g.st] : 'closed',
    firstAlertAt: g.f,
    lastAlertAt: g.l,
    alertCount: g.n,
    firingCount: g.fc,
    severity: ALERT_SEVERITIES[g.sv]!,
    priority: g.st === 0 ? null : (g.p as 1 | 2 | 3 | 4 | 5),
    ciIds: ciIdsOf(g.ci),
    firingCiIds: firingCiIds(g.ci),
    rootCauseCiId: g.st === 0 ? null : g.root,
    pendingAlertIds: g.st === 0 ? [...(g.a ?? [])] : [],
    resolveAt: g.ra,
    resolvedAt: g.rt,
  };
}
