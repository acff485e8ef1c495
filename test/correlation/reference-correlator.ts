/**
 * A slow, obviously-correct model of the correlator's core, written from the semantics in the guide
 * rather than from the engine: plain mutable Maps, one object per fingerprint and per group, no
 * copy-on-write, no packed records, no caches. It covers dedup by the alert's own times (stale copies
 * included), rules (first match wins, `continue`), matchers, `groupBy` (a missing label goes to one
 * group of the rule), `window`, `maxGroupAge`, opening at the first alert, severity-driven priority,
 * `resolveWhen` and `reopenWithin`. It leaves out what needs time-driven work or other inputs (group
 * wait, minimum alerts, resolve delays, flapping, inhibition, maintenance, topology, the limits on
 * open groups and tracked alerts): configs given to it must turn those off. Of the storm limits it
 * models the one on alerts per incident, announced once when an incident's alerts first exceed it.
 */
import { labelsFingerprint, type Decision } from 'itsm-kit/correlation';
import type { Alert, AlertSeverity } from 'itsm-kit/models';

/** The part of a rule the model understands. */
export interface ReferenceRule {
  readonly id: string;
  readonly match: Array<{ label: string; op: 'eq'; value: string } | { label: string; op: 'in'; values: string[] } | { label: string; op: 'regex'; value: string }>;
  readonly continue: boolean;
  readonly groupBy: string[];
  readonly window: number;
  readonly maxGroupAge: number;
  readonly resolveWhen: 'all' | 'first' | 'never';
  readonly reopenWithin: number;
  readonly template?: { readonly severityMapping: Readonly<Record<AlertSeverity, Levels>> };
}

type Levels = { readonly impact: 1 | 2 | 3; readonly urgency: 1 | 2 | 3 };

// The documented default mapping.
const DEFAULT_LEVELS: Readonly<Record<AlertSeverity, Levels>> = {
  critical: { impact: 1, urgency: 1 },
  major: { impact: 2, urgency: 1 },
  minor: { impact: 2, urgency: 2 },
  warning: { impact: 3, urgency: 2 },
  info: { impact: 3, urgency: 3 },
};

/** Impact, urgency and priority (the standard 3x3 matrix: impact + urgency - 1) of a severity under a rule. */
function levelsOf(rule: ReferenceRule, severity: AlertSeverity) {
  const { impact, urgency } = (rule.template?.severityMapping ?? DEFAULT_LEVELS)[severity];
  return { impact, urgency, priority: (impact + urgency - 1) as 1 | 2 | 3 | 4 | 5 };
}
const SEVERITY_ORDER: readonly AlertSeverity[] = ['critical', 'major', 'minor', 'warning', 'info'];

interface Fingerprint {
  firing: boolean;
  time: number;
  count: number;
  groups: string[];
}

interface Group {
  readonly key: string;
  readonly rule: ReferenceRule;
  first: number;
  last: number;
  firingAlerts: number;
  resolvedAt: number | null;
  severity: AlertSeverity;
  priority: number;
  alerts: number;
  stormAnnounced: boolean;
}

function matches(rule: ReferenceRule, labels: Record<string, string>): boolean {
  return rule.match.every((m) => {
    const value = labels[m.label] ?? '';
    if (m.op === 'eq') return value === m.value;
    if (m.op === 'in') return m.values.includes(value);
    return new RegExp(`^(?:${m.value})$`).test(value);
  });
}

/** The model: feed it alerts one at a time, in arrival order. */
export class ReferenceCorrelator {
  private readonly fingerprints = new Map<string, Fingerprint>();
  private readonly groups = new Map<string, Group>();
  private readonly latestGroup = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly rules: readonly ReferenceRule[],
    private readonly maxAlertsPerIncident = 300,
  ) {}

  /** The decisions for one alert. */
  ingest(alert: Alert): Decision[] {
    const out: Decision[] = [];
    const fingerprint = labelsFingerprint(alert.labels);
    const firing = alert.status === 'firing';
    const time = Date.parse(firing ? alert.startsAt : alert.endsAt!);
    const known = this.fingerprints.get(fingerprint);
    const base = { alertId: alert.id, fingerprint, ruleId: null, alertIds: [alert.id], at: time };
    if (known !== undefined && (known.firing === firing || time < known.time)) {
      // Same status again, or older than what is known: counted, and only a same-status copy that is
      // not older than the known time moves it.
      known.count++;
      const stale = known.firing !== firing || (!firing && time < known.time);
      if (!stale && time > known.time) known.time = time;
      out.push({ type: 'deduplicated', ...base, count: known.count, stale, incidentKeys: [...known.groups] });
      return out;
    }
    const record: Fingerprint = { firing, time, count: (known?.count ?? 0) + 1, groups: [] };
    this.fingerprints.set(fingerprint, record);
    if (firing) {
      record.groups = this.correlate(alert, time, out);
      if (record.groups.length === 0) out.push({ type: 'unmatched', ...base });
      return out;
    }
    const left = known?.groups ?? [];
    out.push({ type: 'alert-resolved', ...base, incidentKeys: left });
    for (const key of left) this.leave(this.groups.get(key)!, alert.id, time, out);
    return out;
  }

  private correlate(alert: Alert, time: number, out: Decision[]): string[] {
    const keys: string[] = [];
    for (const rule of this.rules) {
      if (!matches(rule, alert.labels)) continue;
      keys.push(this.place(rule, alert, time, out));
      if (!rule.continue) break;
    }
    return keys;
  }

  private identity(rule: ReferenceRule, labels: Record<string, string>): string {
    if (rule.groupBy.some((name) => labels[name] === undefined)) return `${rule.id} missing`;
    return JSON.stringify([rule.id, ...rule.groupBy.map((name) => labels[name])]);
  }

  private place(rule: ReferenceRule, alert: Alert, time: number, out: Decision[]): string {
    const identity = this.identity(rule, alert.labels);
    const latestKey = this.latestGroup.get(identity);
    let group = latestKey === undefined ? undefined : this.groups.get(latestKey);
    const levels = levelsOf(rule, alert.severity);
    const event = { ruleId: rule.id, alertIds: [alert.id], at: time };
    if (group !== undefined && group.resolvedAt !== null && time >= group.resolvedAt && time - group.resolvedAt <= rule.reopenWithin) {
      group.resolvedAt = null;
      out.push({ type: 'reopen-incident', incidentKey: group.key, ...event });
    } else if (group === undefined || !this.accepts(group, time)) {
      const key = `${rule.id}#${++this.sequence}`;
      group = { key, rule, first: time, last: time, firingAlerts: 1, resolvedAt: null, severity: alert.severity, priority: levels.priority, alerts: 1, stormAnnounced: false };
      this.groups.set(key, group);
      this.latestGroup.set(identity, key);
      const title = alert.labels.alertname ?? '';
      out.push({ type: 'open-incident', incidentKey: key, title, ...levels, ciIds: [], rootCauseCiId: null, ...event });
      return key;
    }
    group.firingAlerts++;
    group.first = Math.min(group.first, time);
    group.last = Math.max(group.last, time);
    out.push({ type: 'attach-alert', incidentKey: group.key, alertId: alert.id, ...event });
    // A more severe alert raises the incident's levels; the priority only ever improves.
    if (SEVERITY_ORDER.indexOf(alert.severity) < SEVERITY_ORDER.indexOf(group.severity)) {
      group.severity = alert.severity;
      if (levels.priority < group.priority) {
        out.push({ type: 'update-priority', incidentKey: group.key, from: group.priority as 1 | 2 | 3 | 4 | 5, to: levels.priority, impact: levels.impact, urgency: levels.urgency, ...event });
        group.priority = levels.priority;
      }
    }
    if (++group.alerts > this.maxAlertsPerIncident && !group.stormAnnounced) {
      group.stormAnnounced = true;
      out.push({ type: 'storm-detected', count: group.alerts, limit: 'alerts-per-incident', groupKey: group.key, ...event });
    }
    return group.key;
  }

  /** An open group takes an alert within the window of its alerts, and not past its maximum age. */
  private accepts(group: Group, time: number): boolean {
    const { window, maxGroupAge } = group.rule;
    if (group.resolvedAt !== null) return false;
    return time >= group.first - window && time <= group.last + window && time - group.first <= maxGroupAge && group.last - time <= maxGroupAge;
  }

  private leave(group: Group, alertId: string, time: number, out: Decision[]): void {
    if (group.resolvedAt !== null) return;
    group.firingAlerts--;
    const { resolveWhen } = group.rule;
    if (resolveWhen === 'never' || (resolveWhen === 'all' && group.firingAlerts > 0)) return;
    group.resolvedAt = time;
    out.push({ type: 'resolve-incident', incidentKey: group.key, ruleId: group.rule.id, alertIds: [alertId], at: time });
  }
}
