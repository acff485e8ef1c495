import type { Impact, Priority, Urgency } from '../models/levels';

/**
 * Fields every decision carries: the alerts and the rule behind it, and the instant it refers to.
 *
 * @example
 * const ids: DecisionBase['alertIds'] = ['a-1'];
 */
export interface DecisionBase {
  /** The ids of the alerts behind the decision (empty only for `rejected` input without an id). */
  readonly alertIds: readonly string[];
  /** The correlation rule behind the decision, or null when none is involved (e.g. maintenance). */
  readonly ruleId: string | null;
  /** The instant (epoch ms) the decision refers to: an alert's own time, or the tick's `now`. */
  readonly at: number;
}

/**
 * Open an incident for an alert group.
 *
 * @example
 * const d: OpenIncidentDecision['type'] = 'open-incident';
 */
export interface OpenIncidentDecision extends DecisionBase {
  readonly type: 'open-incident';
  readonly incidentKey: string;
  readonly ruleId: string;
  readonly title: string;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
  /** The group's CIs, sorted. */
  readonly ciIds: readonly string[];
  /** The most upstream CI with a firing alert, or null when the group has no CI. */
  readonly rootCauseCiId: string | null;
}

/** Attach an alert to an open incident. @example const d: AttachAlertDecision['type'] = 'attach-alert'; */
export interface AttachAlertDecision extends DecisionBase {
  readonly type: 'attach-alert';
  readonly incidentKey: string;
  readonly ruleId: string;
  readonly alertId: string;
}

/**
 * A notification for an alert already known in that status (or a late copy of an older one):
 * `count` is how many notifications the fingerprint has had.
 *
 * @example
 * const d: DeduplicatedDecision['type'] = 'deduplicated';
 */
export interface DeduplicatedDecision extends DecisionBase {
  readonly type: 'deduplicated';
  readonly alertId: string;
  readonly fingerprint: string;
  readonly count: number;
  /** True when the notification is older than what is already known (out of order), so it changed nothing. */
  readonly stale: boolean;
  /** The incidents (open or pending) the fingerprint is attached to. */
  readonly incidentKeys: readonly string[];
}

/** Why an alert was suppressed. @example const r: SuppressionReason = 'maintenance'; */
export type SuppressionReason = 'inhibited' | 'maintenance' | 'flapping' | 'paused';

/** What caused a suppression. @example const c: SuppressionCause = { kind: 'maintenance', windowId: 'patch' }; */
export type SuppressionCause =
  | { readonly kind: 'inhibited'; readonly inhibitRuleId: string; readonly sourceAlertId: string; readonly sourceFingerprint: string }
  | { readonly kind: 'maintenance'; readonly windowId: string }
  | { readonly kind: 'flapping'; readonly changes: number }
  | { readonly kind: 'paused'; readonly ruleId: string };

/**
 * An alert held back and recorded (never dropped): `until` is when it is looked at again (null while
 * an inhibiting source fires). Its resolution still resolves what it belongs to.
 *
 * @example
 * const d: SuppressedDecision['reason'] = 'inhibited';
 */
export interface SuppressedDecision extends DecisionBase {
  readonly type: 'suppressed';
  readonly alertId: string;
  readonly fingerprint: string;
  readonly reason: SuppressionReason;
  readonly cause: SuppressionCause;
  readonly until: number | null;
}

/** A suppressed alert is released (its cause ended) and correlated again. @example const d: ReleasedDecision['type'] = 'released'; */
export interface ReleasedDecision extends DecisionBase {
  readonly type: 'released';
  readonly alertId: string;
  readonly fingerprint: string;
  readonly reason: SuppressionReason;
}

/** An incident's priority changes. @example const d: UpdatePriorityDecision['to'] = 1; */
export interface UpdatePriorityDecision extends DecisionBase {
  readonly type: 'update-priority';
  readonly incidentKey: string;
  readonly ruleId: string;
  readonly from: Priority;
  readonly to: Priority;
  readonly impact: Impact;
  readonly urgency: Urgency;
}

/** An open incident's root cause CI changes (topology re-rooting, or the first CI named for an incident without topology). @example const d: UpdateRootCauseDecision['type'] = 'update-root-cause'; */
export interface UpdateRootCauseDecision extends DecisionBase {
  readonly type: 'update-root-cause';
  readonly incidentKey: string;
  readonly ruleId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * Resolve an incident: its alerts resolved it (per the rule's `resolveWhen`), or, with `by: 'host'`,
 * the host did (`resolveIncident`, `closeIncident`), which needs no action on the ticket.
 *
 * @example const d: ResolveIncidentDecision['type'] = 'resolve-incident';
 */
export interface ResolveIncidentDecision extends DecisionBase {
  readonly type: 'resolve-incident';
  readonly incidentKey: string;
  readonly ruleId: string;
  /** Present when the host resolved the incident, not its alerts. */
  readonly by?: 'host';
}

/**
 * Reopen a resolved incident: an alert fired again within `reopenWithin`, or (`by: 'host'`) the host
 * reopened it (`reopenIncident`), which needs no action on the ticket.
 *
 * @example const d: ReopenIncidentDecision['type'] = 'reopen-incident';
 */
export interface ReopenIncidentDecision extends DecisionBase {
  readonly type: 'reopen-incident';
  readonly incidentKey: string;
  readonly ruleId: string;
  /** Present when the host reopened the incident, not an alert. */
  readonly by?: 'host';
}

/**
 * The correlator forgets an open incident nothing will resolve: its rule never resolves
 * (`resolveWhen: 'never'`) or the host reopened it (`reopenIncident`), none of its alerts fires, and
 * `retention` passed since the last (or since the reopen). Later alerts of its identity open a new
 * incident; the ticket, if still open, is the host's to close.
 *
 * @example const d: ForgetIncidentDecision['type'] = 'forget-incident';
 */
export interface ForgetIncidentDecision extends DecisionBase {
  readonly type: 'forget-incident';
  readonly incidentKey: string;
  readonly ruleId: string;
}

/**
 * The correlator discards a pending group that never opened: all its alerts resolved before it was
 * ready (within its `groupWait`, or short of `minAlerts`), and `window` passed since the last. No
 * incident opens for it; a later alert of its identity starts a new group. `alertIds` lists the
 * alerts it held (as its `pending` decisions did, up to `storm.maxAlertsPerIncident`).
 *
 * @example const d: DiscardPendingDecision['type'] = 'discard-pending';
 */
export interface DiscardPendingDecision extends DecisionBase {
  readonly type: 'discard-pending';
  readonly ruleId: string;
  /** The key its `pending` decisions named. */
  readonly groupKey: string;
}

/** Which storm limit was reached. @example const l: StormLimit = 'open-groups'; */
export type StormLimit = 'open-groups' | 'alerts-per-incident' | 'tracked-alerts';

/**
 * A storm limit was reached: from now on the rule groups coarser (one storm group per rule) or stops
 * listing alerts on the incident. `count` is the figure that reached the limit.
 *
 * @example
 * const d: StormDetectedDecision['limit'] = 'open-groups';
 */
export interface StormDetectedDecision extends DecisionBase {
  readonly type: 'storm-detected';
  readonly ruleId: string;
  readonly count: number;
  readonly limit: StormLimit;
  /** The group concerned (its incident key once it opens; the coarse storm group for `open-groups`). */
  readonly groupKey: string;
}

/** An alert joined a group that has not opened its incident yet. @example const d: PendingDecision['waitingFor'] = 'group-wait'; */
export interface PendingDecision extends DecisionBase {
  readonly type: 'pending';
  readonly alertId: string;
  readonly ruleId: string;
  /** The key the incident will have when it opens. */
  readonly groupKey: string;
  readonly waitingFor: 'group-wait' | 'min-alerts';
}

/** An alert resolved (its incidents may resolve too, in their own decisions). @example const d: AlertResolvedDecision['type'] = 'alert-resolved'; */
export interface AlertResolvedDecision extends DecisionBase {
  readonly type: 'alert-resolved';
  readonly alertId: string;
  readonly fingerprint: string;
  readonly incidentKeys: readonly string[];
}

/** A firing alert no rule matched (recorded for dedup and inhibition only). @example const d: UnmatchedDecision['type'] = 'unmatched'; */
export interface UnmatchedDecision extends DecisionBase {
  readonly type: 'unmatched';
  readonly alertId: string;
  readonly fingerprint: string;
}

/**
 * An input that is not a valid alert: nothing was recorded. `index` is its position in the batch;
 * `issues` name the fields and the reasons.
 *
 * @example
 * const d: RejectedDecision['issues'][number]['path'] = 'startsAt';
 */
export interface RejectedDecision extends DecisionBase {
  readonly type: 'rejected';
  readonly alertId: string | null;
  readonly index: number;
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

/**
 * Everything the correlator decides: a discriminated union on `type`.
 *
 * @example
 * for (const d of out.decisions) if (d.type === 'open-incident') console.log(d.title, d.priority);
 */
export type Decision =
  | OpenIncidentDecision
  | AttachAlertDecision
  | DeduplicatedDecision
  | SuppressedDecision
  | ReleasedDecision
  | UpdatePriorityDecision
  | UpdateRootCauseDecision
  | ResolveIncidentDecision
  | ReopenIncidentDecision
  | ForgetIncidentDecision
  | DiscardPendingDecision
  | StormDetectedDecision
  | PendingDecision
  | AlertResolvedDecision
  | UnmatchedDecision
  | RejectedDecision;

/** A decision type name. @example const t: DecisionType = 'open-incident'; */
export type DecisionType = Decision['type'];
