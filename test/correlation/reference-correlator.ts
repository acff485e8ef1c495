/**
 * A slow, obviously-correct model of the correlator, written from the semantics in the guide rather
 * than from the engine: plain mutable Maps, one object per fingerprint and per group, no
 * copy-on-write, no packed records, no caches. It covers dedup by the alert's own times (stale copies
 * included); rules (first match wins, `continue`) and label matchers; `groupBy` (a missing label goes
 * to one group of the rule), `window`, `maxGroupAge`, `groupWait` and `minAlerts` (opened by a later
 * alert or by `tick`); severity-driven priority; `resolveWhen` with `resolveAfter`, and `reopenWithin`;
 * flapping, fixed and recurring maintenance windows by matchers and CIs (`reference-maintenance.ts`),
 * inhibition and auto-pause, with their releases; the storm and overflow groups past the limits on
 * open groups and tracked alerts, and the limit on alerts per incident; eviction past retention;
 * topology rules (an alert joins the group of a CI near its own, the root cause follows the most
 * upstream firing CI; `reference-topology.ts`); incidents resolved, closed or reopened by the host.
 * What a group takes, when it is due and how it reads are in `reference-group.ts`.
 */
import { labelsFingerprint, type CorrelationGroup, type CorrelationRule, type Decision } from 'itsm-kit/correlation';
import type { Alert, AlertSeverity } from 'itsm-kit/models';
import { matches, ReferenceInhibitions, type ReferenceInhibitRule, type ReferenceMatcher } from './reference-inhibition';
import { levelsOf, moreSevere, type Levels } from './reference-levels';
import { maintenanceHold, type ReferenceWindow } from './reference-maintenance';
import { ReferenceGroupCis, type ReferenceTopology } from './reference-topology';
import { accepts, dueAt, identityOf, viewOf, type Group } from './reference-group';

/** The part of a validated rule the model understands, with label matchers only. */
export type ReferenceRule = Pick<CorrelationRule, 'id' | 'continue' | 'groupBy' | 'window' | 'maxGroupAge' | 'groupWait' | 'minAlerts' | 'resolveWhen' | 'resolveAfter' | 'reopenWithin' | 'autoPause'> & {
  readonly match: ReferenceMatcher[];
  readonly template?: { readonly severityMapping: Readonly<Record<AlertSeverity, Levels>> };
  readonly topology?: { readonly hops: number };
};

/** The config-wide settings the model understands. */
export interface ReferenceSettings {
  readonly maxAlertsPerIncident: number;
  /** Unresolved groups (pending or open) past which a rule's alerts go to its one storm group. */
  readonly maxOpenGroups: number;
  /** Fingerprints remembered, past which new ones go untracked to their rule's overflow group. */
  readonly maxTrackedAlerts: number;
  readonly retention: number;
  /** Flapping detection, or null when off. */
  readonly flapping: { readonly threshold: number; readonly period: number; readonly quietPeriod: number } | null;
  readonly inhibitRules: readonly ReferenceInhibitRule[];
  readonly maintenance: readonly ReferenceWindow[];
}

interface Fingerprint {
  firing: boolean;
  time: number;
  count: number;
  groups: string[];
  /** Times of its state changes within the flapping period (the first notification is not a change). */
  changes: number[];
  flappingUntil: number | undefined;
}

type Reason = 'inhibited' | 'maintenance' | 'paused' | 'flapping';
type Cause =
  | { kind: 'inhibited'; inhibitRuleId: string; sourceAlertId: string; sourceFingerprint: string }
  | { kind: 'maintenance'; windowId: string }
  | { kind: 'paused'; ruleId: string }
  | { kind: 'flapping'; changes: number };

/** A suppressed firing alert, waiting for its release. */
interface Parked {
  readonly alert: Alert;
  readonly reason: Reason;
  readonly until: number | null;
  readonly pausedBy: string | null;
}

/** The model: feed it alerts one at a time, in arrival order, and ticks. */
export class ReferenceCorrelator {
  private readonly fingerprints = new Map<string, Fingerprint>();
  private readonly groups = new Map<string, Group>();
  private readonly latestGroup = new Map<string, string>();
  /** `rule id, CI` -> the group of a topology rule that an alert on that CI joined last. */
  private readonly ciGroup = new Map<string, string>();
  private readonly parked = new Map<string, Parked>();
  private readonly inhibitions: ReferenceInhibitions;
  private sequence = 0;

  constructor(
    private readonly rules: readonly ReferenceRule[],
    private readonly settings: ReferenceSettings,
    private readonly topology?: ReferenceTopology,
  ) {
    this.inhibitions = new ReferenceInhibitions(settings.inhibitRules);
  }

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
    if (known === undefined && this.fingerprints.size >= this.settings.maxTrackedAlerts) {
      // Past the limit on tracked alerts a new fingerprint is not remembered: correlated (never held
      // for release, never paused) into the rule's overflow group, or only reported resolved.
      if (firing) this.correlate(alert, fingerprint, time, true, out, false);
      else out.push({ type: 'alert-resolved', ...base, incidentKeys: [] });
      return out;
    }
    const record: Fingerprint = { firing, time, count: (known?.count ?? 0) + 1, groups: [], ...this.flapping(known, time) };
    this.fingerprints.set(fingerprint, record);
    if (firing) {
      this.inhibitions.addSource(alert, fingerprint);
      record.groups = this.correlate(alert, fingerprint, time, false, out);
      return out;
    }
    this.parked.delete(fingerprint);
    const left = known?.groups ?? [];
    out.push({ type: 'alert-resolved', ...base, incidentKeys: left });
    for (const key of left) {
      const group = this.groups.get(key);
      if (group !== undefined) this.leave(group, alert, time, out);
    }
    for (const target of this.inhibitions.removeSource(alert, fingerprint)) this.release(target, 'inhibited', time, out);
    return out;
  }

  /**
   * The flapping record after a state change at `time`: the changes within the period, the most
   * recent threshold + 1 of them; flapping for the quiet period after a change when there are more
   * than the threshold, or when it was still flapping.
   */
  private flapping(known: Fingerprint | undefined, time: number): Pick<Fingerprint, 'changes' | 'flappingUntil'> {
    const settings = this.settings.flapping;
    if (settings === null || known === undefined) return { changes: [], flappingUntil: undefined };
    const changes = [...known.changes.filter((x) => x > time - settings.period), time].slice(-(settings.threshold + 1));
    const flapping = changes.length > settings.threshold || (known.flappingUntil !== undefined && known.flappingUntil > time);
    return { changes, flappingUntil: flapping ? time + settings.quietPeriod : known.flappingUntil };
  }

  /** Why a firing alert is held back, if it is: flapping, maintenance, then inhibition by another firing source. */
  private holdBack(alert: Alert, fp: string, time: number, tracked: boolean): { reason: Reason; cause: Cause; until: number | null } | undefined {
    const record = this.fingerprints.get(fp);
    if (tracked && record?.flappingUntil !== undefined && record.flappingUntil > time) return { reason: 'flapping', cause: { kind: 'flapping', changes: record.changes.length }, until: record.flappingUntil };
    const window = maintenanceHold(this.settings.maintenance, alert, time);
    if (window !== undefined) return { reason: 'maintenance', cause: { kind: 'maintenance', windowId: window.windowId }, until: window.until };
    const inhibited = this.inhibitions.holding(alert, fp, tracked);
    return inhibited === undefined ? undefined : { reason: 'inhibited', cause: { kind: 'inhibited', ...inhibited }, until: null };
  }

  private suppress(alert: Alert, fp: string, time: number, hold: { reason: Reason; cause: Cause; until: number | null }, pausedBy: string | null, out: Decision[], tracked = true): void {
    if (tracked) this.parked.set(fp, { alert, reason: hold.reason, until: hold.until, pausedBy });
    out.push({ type: 'suppressed', alertId: alert.id, fingerprint: fp, reason: hold.reason, cause: hold.cause, until: hold.until, ruleId: pausedBy, alertIds: [alert.id], at: time });
  }

  /** Correlates again a parked alert whose hold ended at `time`, if it is still parked for that and still fires. */
  private release(fp: string, reason: Reason, time: number, out: Decision[]): void {
    const parked = this.parked.get(fp);
    if (parked === undefined || parked.reason !== reason) return;
    this.parked.delete(fp);
    const record = this.fingerprints.get(fp);
    if (record === undefined || !record.firing) return;
    out.push({ type: 'released', alertId: parked.alert.id, fingerprint: fp, reason, ruleId: parked.pausedBy, alertIds: [parked.alert.id], at: time });
    const keys = this.correlate(parked.alert, fp, time, reason === 'paused', out);
    if (keys.length > 0) record.groups = keys;
  }

  /**
   * Time-driven work due by `now`, one piece at a time, always the earliest (at one instant, releases
   * before groups, then by fingerprint or key), looking afresh after each piece since work can fall
   * due meanwhile: a hold that ended is released; a group opens (group wait over), resolves (resolve
   * delay over) or is forgotten. Then resolved fingerprints past retention are forgotten.
   */
  tick(now: number): Decision[] {
    const out: Decision[] = [];
    for (;;) {
      const work = [
        ...[...this.parked].map(([fp, p]) => ({ at: p.until, kind: 0, key: fp })),
        ...[...this.groups.values()].map((g) => ({ at: dueAt(g, this.settings.retention), kind: 1, key: g.key })),
      ]
        .filter((w): w is { at: number; kind: number; key: string } => w.at !== null && w.at <= now)
        .sort((a, b) => a.at - b.at || a.kind - b.kind || (a.key < b.key ? -1 : 1));
      const first = work[0];
      if (first === undefined) break;
      if (first.kind === 0) {
        this.release(first.key, this.parked.get(first.key)!.reason, first.at, out);
        continue;
      }
      const group = this.groups.get(first.key)!;
      if (group.status === 'pending' && group.firing > 0) this.open(group, first.at, [], out);
      else if (group.status === 'open' && group.resolveAt !== null) this.resolve(group, first.at, [], out);
      else {
        // Forgotten; an open incident (nothing would resolve it) says so, and so does a pending group.
        if (group.status === 'open') out.push({ type: 'forget-incident', incidentKey: group.key, ruleId: group.rule.id, alertIds: [], at: first.at });
        if (group.status === 'pending') out.push({ type: 'discard-pending', groupKey: group.key, ruleId: group.rule.id, alertIds: group.listed, at: first.at });
        this.groups.delete(group.key);
      }
    }
    for (const [fp, record] of this.fingerprints) {
      const flapping = record.flappingUntil !== undefined && record.flappingUntil > now;
      if (!record.firing && record.time + this.settings.retention <= now && !flapping) this.fingerprints.delete(fp);
    }
    return out;
  }

  /**
   * The host resolved, closed or reopened incident `key` at `now`. Resolving an open one resolves it
   * then; closing also marks it never to reopen. Reopening a resolved one opens it again, as if an
   * alert of it came at `now`. Pending, unknown and closed groups, and those already as asked, stay
   * as they are.
   */
  host(key: string, now: number, action: 'resolve' | 'close' | 'reopen'): { decisions: Decision[]; outcome: string } {
    const decisions: Decision[] = [];
    const group = this.groups.get(key);
    if (group === undefined) return { decisions, outcome: 'unknown' };
    if (group.status === 'pending') return { decisions, outcome: 'pending' };
    if (group.closed) return { decisions, outcome: 'already-closed' };
    if (action === 'reopen') {
      if (group.status === 'open') return { decisions, outcome: 'already-open' };
      this.reopen(group, now, [], decisions, true);
      group.last = Math.max(group.last, now);
      return { decisions, outcome: 'reopened' };
    }
    if (group.status === 'resolved' && action === 'resolve') return { decisions, outcome: 'already-resolved' };
    if (group.status === 'open') this.resolve(group, now, [], decisions, true);
    group.closed = action === 'close';
    return { decisions, outcome: action === 'close' ? 'closed' : 'resolved' };
  }

  /** What the model holds about group `key`, in the shape of `correlator.getGroup`, or null. */
  groupView(key: string): CorrelationGroup | null {
    const g = this.groups.get(key);
    return g === undefined ? null : viewOf(g);
  }

  /** The keys of the groups remembered, in the order they were made. */
  groupKeys(): string[] {
    return [...this.groups.keys()];
  }

  /** Maintenance, inhibition, then the rules (and auto-pause by the first rule that matches); the group keys. */
  private correlate(alert: Alert, fp: string, time: number, skipPause: boolean, out: Decision[], tracked = true): string[] {
    const hold = this.holdBack(alert, fp, time, tracked);
    if (hold !== undefined) {
      this.suppress(alert, fp, time, hold, null, out, tracked);
      return [];
    }
    const keys: string[] = [];
    for (const rule of this.rules) {
      if (!matches(rule.match, alert.labels)) continue;
      if (keys.length === 0 && !skipPause && rule.autoPause !== undefined) {
        this.suppress(alert, fp, time, { reason: 'paused', cause: { kind: 'paused', ruleId: rule.id }, until: time + rule.autoPause }, rule.id, out);
        return [];
      }
      const { group, storm } = tracked ? this.place(rule, alert, time, out) : this.coarseGroup(rule, 'overflow', alert, time, this.fingerprints.size);
      keys.push(this.attach(group, alert, time, out, tracked));
      if (storm > 0) out.push({ type: 'storm-detected', ruleId: rule.id, count: storm, limit: tracked ? 'open-groups' : 'tracked-alerts', groupKey: group.key, alertIds: [alert.id], at: time });
      if (!rule.continue) break;
    }
    if (keys.length === 0) out.push({ type: 'unmatched', alertId: alert.id, fingerprint: fp, ruleId: null, alertIds: [alert.id], at: time });
    return keys;
  }

  /** The group an alert joins under a rule: the latest of its identity if it takes it (or reopens), else a new one. */
  private place(rule: ReferenceRule, alert: Alert, time: number, out: Decision[]): { group: Group; storm: number } {
    const near = this.nearGroup(rule, alert.ciId, time);
    if (near !== undefined) return { group: near, storm: 0 };
    const identity = identityOf(rule, alert.labels);
    const latest = this.latest(identity);
    if (latest !== undefined && latest.status === 'resolved' && !latest.closed && time >= latest.resolvedAt! && time - latest.resolvedAt! <= rule.reopenWithin) {
      this.reopen(latest, time, [alert.id], out);
      return { group: latest, storm: 0 };
    }
    if (latest !== undefined && accepts(latest, time)) return { group: latest, storm: 0 };
    // Past the limit on unresolved groups, the rule's one storm group takes the alert (a new one is announced).
    const unresolved = [...this.groups.values()].filter((g) => g.status !== 'resolved').length;
    if (unresolved < this.settings.maxOpenGroups) return { group: this.newGroup(rule, identity, alert, time), storm: 0 };
    return this.coarseGroup(rule, 'storm', alert, time, unresolved);
  }

  /** For a topology rule: the group of the alert's own CI, else of the nearest CI near it, that takes an alert at `time`. */
  private nearGroup(rule: ReferenceRule, ciId: string | undefined, time: number): Group | undefined {
    if (rule.topology === undefined || ciId === undefined || this.topology === undefined) return undefined;
    for (const ci of [ciId, ...this.topology.near(ciId, rule.topology.hops)]) {
      const key = this.ciGroup.get(`${rule.id} ${ci}`);
      const group = key === undefined ? undefined : this.groups.get(key);
      if (group !== undefined && accepts(group, time)) return group;
    }
    return undefined;
  }

  /** The rule's one storm or overflow group while unresolved, else a new one (`storm` is then the count to announce). */
  private coarseGroup(rule: ReferenceRule, kind: 'storm' | 'overflow', alert: Alert, time: number, count: number): { group: Group; storm: number } {
    const identity = `${rule.id} ${kind}`;
    const latest = this.latest(identity);
    if (latest !== undefined && latest.status !== 'resolved') return { group: latest, storm: 0 };
    return { group: this.newGroup(rule, identity, alert, time), storm: count };
  }

  /** The latest group of an identity, unless forgotten. */
  private latest(identity: string): Group | undefined {
    const key = this.latestGroup.get(identity);
    return key === undefined ? undefined : this.groups.get(key);
  }

  private newGroup(rule: ReferenceRule, identity: string, alert: Alert, time: number): Group {
    const key = `${rule.id}#${++this.sequence}`;
    const title = alert.labels.alertname ?? '';
    const fresh: Group = { key, rule, title, status: 'pending', first: time, last: time, alerts: 0, firing: 0, listed: [], severity: alert.severity, priority: 0, resolveAt: null, resolvedAt: null, stormAnnounced: false, closed: false, cis: new ReferenceGroupCis(alert.ciId, rule.topology === undefined ? undefined : this.topology) };
    this.groups.set(key, fresh);
    this.latestGroup.set(identity, key);
    return fresh;
  }

  private attach(group: Group, alert: Alert, time: number, out: Decision[], tracked: boolean): string {
    const { rule } = group;
    group.alerts++;
    group.firing++;
    group.first = Math.min(group.first, time);
    group.last = Math.max(group.last, time);
    group.resolveAt = null; // a firing alert cancels a pending resolve
    // Untracked alerts never resolve their group: an overflow group resolves after a window of quiet.
    if (!tracked) group.resolveAt = time + rule.window;
    const event = { ruleId: rule.id, alertIds: [alert.id], at: time };
    const ci = alert.ciId === undefined ? { counted: false, newlyFiring: false } : group.cis.add(alert.ciId, group.alerts <= this.settings.maxAlertsPerIncident);
    if (ci.counted && rule.topology !== undefined) this.ciGroup.set(`${rule.id} ${alert.ciId}`, group.key);
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
    if (ci.newlyFiring) this.reRoot(group, alert.id, time, out);
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
    // An incident never resolves before it opened (an overflow group's quiet window can end first).
    if (group.resolveAt !== null && group.resolveAt < at) group.resolveAt = at;
    group.priority = levels.priority;
    group.cis.root = group.cis.currentRoot();
    out.push({ type: 'open-incident', incidentKey: group.key, ruleId: group.rule.id, title: group.title, ...levels, alertIds: group.listed, ciIds: group.cis.ids(), rootCauseCiId: group.cis.root, at });
    this.announceStorm(group, alertIds, at, out);
  }

  /** Resolves an open group at `at` (`byHost` when the host did, not its alerts). */
  /** Opens resolved `group` again at `at` (by an alert, or by the host). */
  private reopen(group: Group, at: number, alertIds: string[], out: Decision[], byHost = false): void {
    group.status = 'open';
    group.resolvedAt = null;
    group.resolveAt = null;
    out.push({ type: 'reopen-incident', incidentKey: group.key, ruleId: group.rule.id, alertIds, at, ...(byHost ? { by: 'host' as const } : {}) });
  }

  private resolve(group: Group, at: number, alertIds: string[], out: Decision[], byHost = false): void {
    group.status = 'resolved';
    group.resolvedAt = at;
    group.resolveAt = null;
    out.push({ type: 'resolve-incident', incidentKey: group.key, ruleId: group.rule.id, alertIds, at, ...(byHost ? { by: 'host' as const } : {}) });
  }

  /** An open incident's root cause moved (a CI gained its first firing alert, or the root lost its last one). */
  private reRoot(group: Group, alertId: string, time: number, out: Decision[]): void {
    const root = group.cis.currentRoot();
    if (root === group.cis.root) return;
    out.push({ type: 'update-root-cause', incidentKey: group.key, ruleId: group.rule.id, from: group.cis.root, to: root, alertIds: [alertId], at: time });
    group.cis.root = root;
  }

  private leave(group: Group, alert: Alert, time: number, out: Decision[]): void {
    if (group.status === 'resolved') return;
    group.firing--;
    const rootLeft = alert.ciId !== undefined && group.cis.remove(alert.ciId);
    if (group.status === 'pending') return;
    const { resolveWhen, resolveAfter } = group.rule;
    if (resolveWhen === 'first' || (resolveWhen === 'all' && group.firing === 0)) {
      group.resolveAt ??= time + resolveAfter;
      if (resolveAfter === 0) return this.resolve(group, time, [alert.id], out);
    }
    if (rootLeft) this.reRoot(group, alert.id, time, out);
  }
}
