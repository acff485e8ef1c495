/**
 * A slow, obviously-correct model of the correlator's core, written from the semantics in the guide
 * rather than from the engine: plain mutable Maps, one object per fingerprint and per group, no
 * copy-on-write, no packed records, no caches. It covers dedup by the alert's own times (stale copies
 * included), rules (first match wins, `continue`), matchers, `groupBy` (a missing label goes to one
 * group of the rule), `window`, `maxGroupAge`, `groupWait` and `minAlerts` (opened by a later alert
 * or by `tick`), severity-driven priority, `resolveWhen` with `resolveAfter`, `reopenWithin`, the
 * limit on alerts per incident, and eviction past retention. It leaves out flapping, inhibition,
 * maintenance, auto-pause, topology and the limits on open groups and tracked alerts: configs given
 * to it must turn those off.
 */
import { labelsFingerprint, type Decision } from 'itsm-kit/correlation';
import type { Alert, AlertSeverity } from 'itsm-kit/models';

type Levels = { readonly impact: 1 | 2 | 3; readonly urgency: 1 | 2 | 3 };

/** The part of a rule the model understands. */
export interface ReferenceRule {
  readonly id: string;
  readonly match: Array<{ label: string; op: 'eq'; value: string } | { label: string; op: 'in'; values: string[] } | { label: string; op: 'regex'; value: string }>;
  readonly continue: boolean;
  readonly groupBy: string[];
  readonly window: number;
  readonly maxGroupAge: number;
  readonly groupWait: number;
  readonly minAlerts: number;
  readonly resolveWhen: 'all' | 'first' | 'never';
  readonly resolveAfter: number;
  readonly reopenWithin: number;
  readonly template?: { readonly severityMapping: Readonly<Record<AlertSeverity, Levels>> };
}

/** The config-wide settings the model understands. */
export interface ReferenceSettings {
  readonly maxAlertsPerIncident: number;
  readonly retention: number;
}

// The documented default mapping.
const DEFAULT_LEVELS: Readonly<Record<AlertSeverity, Levels>> = {
  critical: { impact: 1, urgency: 1 },
  major: { impact: 2, urgency: 1 },
  minor: { impact: 2, urgency: 2 },
  warning: { impact: 3, urgency: 2 },
  info: { impact: 3, urgency: 3 },
};
const SEVERITY_ORDER: readonly AlertSeverity[] = ['critical', 'major', 'minor', 'warning', 'info'];

/** Impact, urgency and priority (the standard 3x3 matrix: impact + urgency - 1) of a severity under a rule. */
function levelsOf(rule: ReferenceRule, severity: AlertSeverity) {
  const { impact, urgency } = (rule.template?.severityMapping ?? DEFAULT_LEVELS)[severity];
  return { impact, urgency, priority: (impact + urgency - 1) as 1 | 2 | 3 | 4 | 5 };
}

const moreSevere = (a: AlertSeverity, b: AlertSeverity): boolean => SEVERITY_ORDER.indexOf(a) < SEVERITY_ORDER.indexOf(b);

interface Fingerprint {
  firing: boolean;
  time: number;
  count: number;
  groups: string[];
}

interface Group {
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
}

function matches(rule: ReferenceRule, labels: Record<string, string>): boolean {
  return rule.match.every((m) => {
    const value = labels[m.label] ?? '';
    if (m.op === 'eq') return value === m.value;
    if (m.op === 'in') return m.values.includes(value);
    return new RegExp(`^(?:${m.value})$`).test(value);
  });
}

/** The model: feed it alerts one at a time, in arrival order, and ticks. */
export class ReferenceCorrelator {
  private readonly fingerprints = new Map<string, Fingerprint>();
  private readonly groups = new Map<string, Group>();
  private readonly latestGroup = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly rules: readonly ReferenceRule[],
    private readonly settings: ReferenceSettings,
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
    for (const key of left) {
      const group = this.groups.get(key);
      if (group !== undefined) this.leave(group, alert.id, time, out);
    }
    return out;
  }

  /**
   * Time-driven work due by `now`: groups open (group wait over), resolve (resolve delay over) or are
   * forgotten, in order of that instant, then key; then resolved fingerprints past retention are forgotten.
   */
  tick(now: number): Decision[] {
    const out: Decision[] = [];
    const due = [...this.groups.values()]
      .map((group) => ({ group, at: this.dueAt(group) }))
      .filter((d): d is { group: Group; at: number } => d.at !== null && d.at <= now)
      .sort((a, b) => a.at - b.at || (a.group.key < b.group.key ? -1 : 1));
    for (const { group, at } of due) {
      if (group.status === 'pending' && group.firing > 0) this.open(group, at, [], out);
      else if (group.status === 'open' && group.resolveAt !== null) this.resolve(group, at, [], out);
      else this.groups.delete(group.key);
    }
    for (const [fp, record] of this.fingerprints) if (!record.firing && record.time + this.settings.retention <= now) this.fingerprints.delete(fp);
    return out;
  }

  private dueAt(group: Group): number | null {
    const { rule } = group;
    if (group.status === 'pending') {
      if (group.firing === 0) return group.last + rule.window; // forgotten: nothing left to open
      return group.alerts >= rule.minAlerts ? group.first + rule.groupWait : null;
    }
    if (group.status === 'open') {
      if (group.resolveAt !== null) return group.resolveAt;
      return rule.resolveWhen === 'never' && group.firing === 0 ? group.last + this.settings.retention : null;
    }
    return group.resolvedAt! + Math.max(this.settings.retention, rule.reopenWithin);
  }

  private correlate(alert: Alert, time: number, out: Decision[]): string[] {
    const keys: string[] = [];
    for (const rule of this.rules) {
      if (!matches(rule, alert.labels)) continue;
      keys.push(this.attach(this.place(rule, alert, time, out), alert, time, out));
      if (!rule.continue) break;
    }
    return keys;
  }

  private identity(rule: ReferenceRule, labels: Record<string, string>): string {
    if (rule.groupBy.some((name) => labels[name] === undefined)) return `${rule.id} missing`;
    return JSON.stringify([rule.id, ...rule.groupBy.map((name) => labels[name])]);
  }

  /** The group an alert joins under a rule: the latest of its identity if it takes it (or reopens), else a new one. */
  private place(rule: ReferenceRule, alert: Alert, time: number, out: Decision[]): Group {
    const identity = this.identity(rule, alert.labels);
    const latestKey = this.latestGroup.get(identity);
    const group = latestKey === undefined ? undefined : this.groups.get(latestKey);
    if (group !== undefined && group.status === 'resolved' && time >= group.resolvedAt! && time - group.resolvedAt! <= rule.reopenWithin) {
      group.status = 'open';
      group.resolvedAt = null;
      out.push({ type: 'reopen-incident', incidentKey: group.key, ruleId: rule.id, alertIds: [alert.id], at: time });
      return group;
    }
    if (group !== undefined && this.accepts(group, time)) return group;
    const key = `${rule.id}#${++this.sequence}`;
    const title = alert.labels.alertname ?? '';
    const fresh: Group = { key, rule, title, status: 'pending', first: time, last: time, alerts: 0, firing: 0, listed: [], severity: alert.severity, priority: 0, resolveAt: null, resolvedAt: null, stormAnnounced: false };
    this.groups.set(key, fresh);
    this.latestGroup.set(identity, key);
    return fresh;
  }

  /** An unresolved group takes an alert within the window of its alerts, and not past its maximum age. */
  private accepts(group: Group, time: number): boolean {
    const { window, maxGroupAge } = group.rule;
    if (group.status === 'resolved') return false;
    return time >= group.first - window && time <= group.last + window && time - group.first <= maxGroupAge && group.last - time <= maxGroupAge;
  }

  private attach(group: Group, alert: Alert, time: number, out: Decision[]): string {
    const { rule } = group;
    group.alerts++;
    group.firing++;
    group.first = Math.min(group.first, time);
    group.last = Math.max(group.last, time);
    group.resolveAt = null; // a firing alert cancels a pending resolve
    const event = { ruleId: rule.id, alertIds: [alert.id], at: time };
    if (group.status === 'pending') {
      if (group.alerts <= this.settings.maxAlertsPerIncident) group.listed.push(alert.id);
      if (moreSevere(alert.severity, group.severity)) group.severity = alert.severity;
      const enough = group.alerts >= rule.minAlerts;
      if (enough && time >= group.first + rule.groupWait) this.open(group, time, [alert.id], out);
      else out.push({ type: 'pending', alertId: alert.id, groupKey: group.key, waitingFor: enough ? 'group-wait' : 'min-alerts', ...event });
      return group.key;
    }
    out.push({ type: 'attach-alert', incidentKey: group.key, alertId: alert.id, ...event });
    // A more severe alert raises the incident's levels; the priority only ever improves.
    if (moreSevere(alert.severity, group.severity)) {
      group.severity = alert.severity;
      const levels = levelsOf(rule, alert.severity);
      if (levels.priority < group.priority) {
        out.push({ type: 'update-priority', incidentKey: group.key, from: group.priority as 1 | 2 | 3 | 4 | 5, to: levels.priority, impact: levels.impact, urgency: levels.urgency, ...event });
        group.priority = levels.priority;
      }
    }
    this.announceStorm(group, [alert.id], time, out);
    return group.key;
  }

  /** One storm-detected, when an open incident first has more alerts than the limit (at its opening, or later). */
  private announceStorm(group: Group, alertIds: string[], time: number, out: Decision[]): void {
    if (group.stormAnnounced || group.alerts <= this.settings.maxAlertsPerIncident) return;
    group.stormAnnounced = true;
    out.push({ type: 'storm-detected', ruleId: group.rule.id, count: group.alerts, limit: 'alerts-per-incident', groupKey: group.key, alertIds, at: time });
  }

  /** Opens a pending group at `at`; `alertIds` names the alert that opened it, if one did. */
  private open(group: Group, at: number, alertIds: string[], out: Decision[]): void {
    const levels = levelsOf(group.rule, group.severity);
    group.status = 'open';
    group.priority = levels.priority;
    out.push({ type: 'open-incident', incidentKey: group.key, ruleId: group.rule.id, title: group.title, ...levels, alertIds: group.listed, ciIds: [], rootCauseCiId: null, at });
    this.announceStorm(group, alertIds, at, out);
  }

  private resolve(group: Group, at: number, alertIds: string[], out: Decision[]): void {
    group.status = 'resolved';
    group.resolvedAt = at;
    group.resolveAt = null;
    out.push({ type: 'resolve-incident', incidentKey: group.key, ruleId: group.rule.id, alertIds, at });
  }

  private leave(group: Group, alertId: string, time: number, out: Decision[]): void {
    if (group.status === 'resolved') return;
    group.firing--;
    if (group.status === 'pending') return;
    const { resolveWhen, resolveAfter } = group.rule;
    if (resolveWhen === 'never' || (resolveWhen === 'all' && group.firing > 0)) return;
    group.resolveAt ??= time + resolveAfter;
    if (resolveAfter === 0) this.resolve(group, time, [alertId], out);
  }
}
