import { ciIdsOf, firingCiIds, firstCiId } from './ci-counts';
import type { Ctx, MutableGroup } from './context';
import type { CompiledRule } from './rules';
import type { GroupRecord } from './state';

/** A shared empty id list (JSON round trips make their own). */
export const NO_IDS: readonly string[] = Object.freeze([]);

/** The sorted CI ids of a group. */
export function groupCiIds(g: MutableGroup): string[] {
  return ciIdsOf(g.ci);
}

/**
 * The root cause of a group: for a topology rule, the most upstream CI with a firing alert; otherwise
 * (or with no CI firing) the root as it was, or, when it had none, the first CI any of its alerts was on.
 */
export function rootOf(ctx: Ctx, rule: CompiledRule, g: MutableGroup): string | null {
  const topology = ctx.config.topology;
  if (rule.hops !== undefined && topology !== undefined) {
    const firing = firingCiIds(g.ci);
    if (firing.length > 0) return topology.rootOf(firing);
  }
  return g.root ?? firstCiId(g.ci);
}

/**
 * Says once that an open incident has more alerts than `storm.maxAlertsPerIncident` (past it, alerts
 * still attach but are no longer listed): when it opens with more, or when one more attaches.
 */
export function announceAlertStorm(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, alertIds: readonly string[], at: number): void {
  if (g.sx !== undefined || g.st !== 1 || g.n <= ctx.config.storm.maxAlertsPerIncident) return;
  g.sx = 1;
  ctx.out.push({ type: 'storm-detected', ruleId: rule.id, count: g.n, limit: 'alerts-per-incident', groupKey: key, alertIds, at });
}

/**
 * Opens a pending group: announces the incident with its alerts, CIs, levels and root cause.
 * `cause` names the alert that opened it (none when `tick` does, at the end of the group wait).
 */
export function openGroup(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, at: number, cause: readonly string[]): void {
  const levels = rule.levels[g.sv]!;
  g.st = 1;
  g.p = levels.priority;
  g.root = rootOf(ctx, rule, g);
  ctx.out.push({
    type: 'open-incident',
    incidentKey: key,
    ruleId: rule.id,
    title: g.title,
    impact: levels.impact,
    urgency: levels.urgency,
    priority: levels.priority,
    alertIds: g.a ?? NO_IDS,
    ciIds: groupCiIds(g),
    rootCauseCiId: g.root,
    at,
  });
  // Cleared, not deleted: `delete` of a middle field turns the record into a slow dictionary-mode
  // object for the rest of its life (every later copy and read pays); JSON omits it all the same.
  g.a = undefined;
  // The title is announced once; an open group does not need it again.
  g.title = '';
  announceAlertStorm(ctx, rule, key, g, cause, at);
  // An overflow group's quiet window can end before its wait does: it resolves as it opens, not before.
  if (g.ra !== null && g.ra < at) g.ra = at;
  scheduleResolve(rule, g, at);
}

/** Resolves an open group (`by` the host, when it resolved the incident in its own tool). */
export function resolveGroup(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, at: number, alertIds: readonly string[], by?: 'host'): void {
  g.st = 2;
  g.rt = at;
  g.ra = null;
  ctx.open--;
  ctx.out.push({ type: 'resolve-incident', incidentKey: key, ruleId: rule.id, alertIds, at, ...(by === undefined ? {} : { by }) });
}

/**
 * Opens a resolved group again at `at`: an alert of it fired within `reopenWithin` (`alertIds` names
 * it), or (`by` the host) the host reopened the incident in its own tool.
 */
export function reopenGroup(ctx: Ctx, rule: CompiledRule, key: string, g: MutableGroup, at: number, alertIds: readonly string[], by?: 'host'): void {
  g.st = 1;
  g.rt = null;
  g.ra = null;
  ctx.open++;
  ctx.out.push({ type: 'reopen-incident', incidentKey: key, ruleId: rule.id, alertIds, at, ...(by === undefined ? {} : { by }) });
}

/**
 * Applies the rule's resolve condition to an open group after a change at `t`: `all` resolves when no
 * alert fires, `first` as soon as one has resolved, `never` not at all; `resolveAfter` delays it
 * (any new firing alert cancels the delay), until `g.ra`. Returns true when resolved now.
 */
export function scheduleResolve(rule: CompiledRule, g: MutableGroup, t: number, resolvedOne = false): boolean {
  if (g.st !== 1 || rule.resolveWhen === 'never') return false;
  const met = rule.resolveWhen === 'all' ? g.fc === 0 : resolvedOne || (g.fc === 0 && g.n > 0);
  if (!met) return false;
  if (g.ra === null) g.ra = t + rule.resolveAfter;
  return rule.resolveAfter === 0;
}

/**
 * When group `g` next needs a tick, or null: a pending group opens when its wait is over (or is
 * dropped `window` after its last alert once none fires), an open one resolves when its resolve
 * delay is over (or, with none firing and none to resolve it, is forgotten `retention` after its last
 * alert: a rule that never resolves, or an incident the host reopened), and a resolved one is
 * forgotten after `max(retention, reopenWithin)`.
 */
export function groupDueAt(ctx: Ctx, g: GroupRecord): number | null {
  const rule = ctx.config.rules[g.r]!;
  if (g.st === 0) {
    if (g.fc === 0) return g.l + rule.window;
    return g.n >= rule.minAlerts ? g.f + rule.groupWait : null;
  }
  if (g.st === 1) {
    if (g.ra !== null) return g.ra;
    // An open group with none firing and no resolve due: only a rule that never resolves, or a host reopen, leaves one.
    return g.fc === 0 ? g.l + ctx.config.retention : null;
  }
  return (g.rt ?? 0) + Math.max(ctx.config.retention, rule.reopenWithin);
}

/** Tells the call's `nextTickAt` when group `g` next needs a tick (after every change of it on ingest). */
export function scheduleGroup(ctx: Ctx, g: GroupRecord): void {
  const at = groupDueAt(ctx, g);
  if (at !== null) ctx.due(at);
}
