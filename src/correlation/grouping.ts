import type { Alert } from '../models/alert';
import { copyGroup, type Ctx, type MutableGroup } from './context';
import { announceAlertStorm, NO_IDS, openGroup, reopenGroup, resolveGroup, rootOf, scheduleGroup, scheduleResolve } from './incident';
import { ciSlot } from './ci-counts';
import type { CompiledRule } from './rules';
import { groupIdentity, severityRank } from './rules';

/** True when group `g` takes an alert at `t`: not resolved, within the window and not too old. */
function accepts(rule: CompiledRule, g: MutableGroup | undefined, t: number): boolean {
  if (g === undefined || g.st === 2) return false;
  return t >= g.f - rule.window && t <= g.l + rule.window && t - g.f <= rule.maxGroupAge && g.l - t <= rule.maxGroupAge;
}

/** The open group of a CI near the alert's CI (same CI, then upstream, then downstream), if any. */
function topologyGroup(ctx: Ctx, rule: CompiledRule, ciId: string, t: number): string | undefined {
  const topology = ctx.config.topology;
  if (topology === undefined || rule.hops === undefined) return undefined;
  const own = ctx.cis.get(`${rule.index}:${ciId}`);
  if (own !== undefined && accepts(rule, ctx.groups.get(own), t)) return own;
  for (const near of topology.neighbours(ciId, rule.hops)) {
    const key = ctx.cis.get(`${rule.index}:${near}`);
    if (key !== undefined && accepts(rule, ctx.groups.get(key), t)) return key;
  }
  return undefined;
}

function newGroup(ctx: Ctx, rule: CompiledRule, identity: string, alert: Alert, t: number): string {
  const key = `${rule.id}#${++ctx.seq}`;
  const g: MutableGroup = copyGroup({ r: rule.index, st: 0, f: t, l: t, n: 0, fc: 0, sv: 4, p: 0, title: rule.renderTitle(alert), a: NO_IDS, ci: NO_IDS, root: alert.ciId ?? null, ra: null, rt: null });
  ctx.addGroup(key, g);
  ctx.index.set(identity, key);
  ctx.open++;
  return key;
}

/** Where an alert goes under a rule: an existing group (possibly reopened) or a new one (storm-aware). */
function placeAlert(ctx: Ctx, rule: CompiledRule, alert: Alert, t: number, tracked: boolean): { key: string; storm: number } {
  if (!tracked) return stormGroup(ctx, rule, alert, t, 'overflow');
  if (alert.ciId !== undefined) {
    const near = topologyGroup(ctx, rule, alert.ciId, t);
    if (near !== undefined) return { key: near, storm: 0 };
  }
  const identity = groupIdentity(rule, alert);
  const key = ctx.index.get(identity);
  const g = key === undefined ? undefined : ctx.groups.get(key);
  if (key !== undefined && g !== undefined) {
    if (accepts(rule, g, t)) return { key, storm: 0 };
    if (g.st === 2 && g.cl === undefined && g.rt !== null && t >= g.rt && t - g.rt <= rule.reopenWithin) {
      reopenGroup(ctx, rule, key, ctx.writeGroup(key), t, [alert.id]);
      return { key, storm: 0 };
    }
  }
  if (ctx.open >= ctx.config.storm.maxOpenGroups) return stormGroup(ctx, rule, alert, t, 'storm');
  return { key: newGroup(ctx, rule, identity, alert, t), storm: 0 };
}

/** The rule's coarse group during a storm; `storm` > 0 when it had to be created (announce it). */
function stormGroup(ctx: Ctx, rule: CompiledRule, alert: Alert, t: number, kind: 'storm' | 'overflow'): { key: string; storm: number } {
  const identity = `${rule.index}:${kind}`;
  const key = ctx.index.get(identity);
  const g = key === undefined ? undefined : ctx.groups.get(key);
  if (key !== undefined && g !== undefined && g.st !== 2) return { key, storm: 0 };
  const count = kind === 'storm' ? ctx.open : ctx.tracked;
  return { key: newGroup(ctx, rule, identity, alert, t), storm: count };
}

/**
 * Correlates a firing alert under one rule: places it (topology, group identity, reopen, storm) and
 * attaches it, opening the incident when the group is ready. Returns the group key.
 */
export function groupAlert(ctx: Ctx, rule: CompiledRule, alert: Alert, t: number, tracked: boolean): string {
  const { key, storm } = placeAlert(ctx, rule, alert, t, tracked);
  const g = ctx.writeGroup(key);
  const limit = ctx.config.storm.maxAlertsPerIncident;
  g.n++;
  g.fc++;
  if (t > g.l) g.l = t;
  if (t < g.f) g.f = t;
  g.ra = null;
  const listed = g.n <= limit;
  let rootChanged = false;
  const slot = alert.ciId === undefined ? -1 : ciSlot(g.ci, alert.ciId);
  if (alert.ciId !== undefined && (listed || slot >= 0)) {
    const ci = (g.ci = ctx.writable(g.ci as Array<string | number>, (c) => c.slice()));
    const before = slot >= 0 ? (ci[slot] as number) : 0;
    if (slot >= 0) ci[slot] = before + 1;
    else ci.push(alert.ciId, 1);
    rootChanged = before === 0;
    if (rule.hops !== undefined) ctx.cis.set(`${rule.index}:${alert.ciId}`, key);
  }
  if (!tracked) g.ra = t + rule.window;
  const rank = severityRank(alert.severity);
  if (g.st === 0) {
    if (listed) (g.a = ctx.writable((g.a ?? NO_IDS) as string[], (a) => [...a])).push(alert.id);
    if (rank < g.sv) g.sv = rank;
    if (g.n >= rule.minAlerts && t >= g.f + rule.groupWait) openGroup(ctx, rule, key, g, t, [alert.id]);
    else ctx.out.push({ type: 'pending', alertId: alert.id, ruleId: rule.id, groupKey: key, waitingFor: g.n >= rule.minAlerts ? 'group-wait' : 'min-alerts', alertIds: [alert.id], at: t });
  } else {
    ctx.out.push({ type: 'attach-alert', incidentKey: key, ruleId: rule.id, alertId: alert.id, alertIds: [alert.id], at: t });
    if (rank < g.sv) raisePriority(ctx, rule, key, g, rank, alert.id, t);
    if (rootChanged) reRoot(ctx, rule, key, g, alert.id, t);
  }
  if (storm > 0) ctx.out.push({ type: 'storm-detected', ruleId: rule.id, count: storm, limit: tracked ? 'open-groups' : 'tracked-alerts', groupKey: key, alertIds: [alert.id], at: t });
  announceAlertStorm(ctx, rule, key, g, [alert.id], t);
  scheduleGroup(ctx, g);
  return key;
}

function raisePriority(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, rank: number, alertId: string, t: number): void {
  g.sv = rank;
  const levels = rule.levels[rank]!;
  if (levels.priority >= g.p) return;
  const from = g.p as 1 | 2 | 3 | 4 | 5;
  g.p = levels.priority;
  ctx.out.push({ type: 'update-priority', incidentKey: key, ruleId: rule.id, from, to: levels.priority, impact: levels.impact, urgency: levels.urgency, alertIds: [alertId], at: t });
}

function reRoot(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, alertId: string, t: number): void {
  const root = rootOf(ctx, rule, g);
  if (root === g.root) return;
  ctx.out.push({ type: 'update-root-cause', incidentKey: key, ruleId: rule.id, from: g.root, to: root, alertIds: [alertId], at: t });
  g.root = root;
}

/** A tracked alert of group `key` resolved at `t`: counts drop and the group may resolve. */
export function alertLeftGroup(ctx: Ctx, key: string, alert: Alert, t: number): void {
  const stored = ctx.groups.get(key);
  if (stored === undefined || stored.st === 2) return;
  const rule = ctx.config.rules[stored.r]!;
  const g = ctx.writeGroup(key);
  g.fc = Math.max(0, g.fc - 1);
  let rootMayChange = false;
  const slot = alert.ciId === undefined ? -1 : ciSlot(g.ci, alert.ciId);
  if (slot >= 0) {
    const ci = (g.ci = ctx.writable(g.ci as Array<string | number>, (c) => c.slice()));
    ci[slot] = Math.max(0, (ci[slot] as number) - 1);
    rootMayChange = ci[slot] === 0 && alert.ciId === g.root;
  }
  if (g.st === 1) {
    if (scheduleResolve(rule, g, t, true)) resolveGroup(ctx, rule, key, g, t, [alert.id]);
    else if (rootMayChange) reRoot(ctx, rule, key, g, alert.id, t);
  }
  scheduleGroup(ctx, g);
}
