/**
 * The reference model's groups (`reference-correlator.ts`): what one holds, and the rules read off
 * it alone: which alerts it takes, when it next needs a tick, its identity, and its readable view.
 */
import type { CorrelationGroup } from 'itsm-kit/correlation';
import type { AlertSeverity } from 'itsm-kit/models';
import type { ReferenceRule } from './reference-correlator';
import type { ReferenceGroupCis } from './reference-topology';

/** A group of alerts: pending, an open incident, or a resolved one. */
export interface Group {
  readonly key: string;
  readonly rule: ReferenceRule;
  readonly title: string;
  status: 'pending' | 'open' | 'resolved';
  first: number;
  last: number;
  /** Alerts attached, ever. */
  alerts: number;
  /** Attached alerts still firing. */
  firing: number;
  /** Alert ids listed while pending (up to the limit). */
  listed: string[];
  severity: AlertSeverity;
  priority: number;
  resolveAt: number | null;
  resolvedAt: number | null;
  stormAnnounced: boolean;
  /** Closed by the host: never reopened. */
  closed: boolean;
  /** Its CIs, their firing alerts and the root cause. */
  readonly cis: ReferenceGroupCis;
}

/** An unresolved group takes an alert within the window of its alerts, and not past its maximum age. */
export function accepts(group: Group, time: number): boolean {
  const { window, maxGroupAge } = group.rule;
  if (group.status === 'resolved') return false;
  return time >= group.first - window && time <= group.last + window && time - group.first <= maxGroupAge && group.last - time <= maxGroupAge;
}

/** When group `group` next needs a tick (`retention` the settings' retention), or null. */
export function dueAt(group: Group, retention: number): number | null {
  const { rule } = group;
  if (group.status === 'pending') {
    if (group.firing === 0) return group.last + rule.window; // forgotten: nothing left to open
    return group.alerts >= rule.minAlerts ? group.first + rule.groupWait : null;
  }
  if (group.status === 'open') {
    if (group.resolveAt !== null) return group.resolveAt;
    // None firing and no resolve under way: a rule that never resolves, or an incident the host reopened.
    return group.firing === 0 ? group.last + retention : null;
  }
  return group.resolvedAt! + Math.max(retention, rule.reopenWithin);
}

/** The identity of an alert's group under `rule`: its `groupBy` values (a missing label: one group of the rule). */
export function identityOf(rule: ReferenceRule, labels: Record<string, string>): string {
  if (rule.groupBy.some((name) => labels[name] === undefined)) return `${rule.id} missing`;
  return JSON.stringify([rule.id, ...rule.groupBy.map((name) => labels[name])]);
}

/** What the model holds about group `g`, in the shape of `correlator.getGroup`. */
export function viewOf(g: Group): CorrelationGroup {
  const pending = g.status === 'pending';
  return {
    key: g.key,
    ruleId: g.rule.id,
    status: g.closed ? 'closed' : g.status,
    firstAlertAt: g.first,
    lastAlertAt: g.last,
    alertCount: g.alerts,
    firingCount: g.firing,
    severity: g.severity,
    priority: pending ? null : (g.priority as 1 | 2 | 3 | 4 | 5),
    ciIds: g.cis.ids(),
    firingCiIds: g.cis.firingIds(),
    rootCauseCiId: pending ? null : g.cis.root,
    pendingAlertIds: pending ? [...g.listed] : [],
    resolveAt: g.resolveAt,
    resolvedAt: g.resolvedAt,
  };
}
