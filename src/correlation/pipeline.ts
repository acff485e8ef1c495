import type { Alert } from '../models/alert';
import type { Ctx } from './context';
import type { SuppressionCause, SuppressionReason } from './decisions';
import { isFlapping, recordChange } from './flapping';
import { alertLeftGroup, groupAlert } from './grouping';
import { forgetAt, type FingerprintRecord } from './fp-table';
import { NO_IDS } from './incident';
import { addInhibitionSource, inhibitTarget, removeInhibitionSource } from './inhibition';
import { activeMaintenance } from './maintenance';
import { packParked, unpackParked } from './parked';

const NO_NUMBERS: readonly number[] = Object.freeze([]);

function suppress(ctx: Ctx, alert: Alert, fp: string, t: number, reason: SuppressionReason, cause: SuppressionCause, until: number | null, ruleId: string | null, tracked: boolean): void {
  // Untracked alerts (past the storm limit on tracked alerts) are not parked: memory stays bounded.
  if (tracked) {
    ctx.parked.set(fp, packParked(alert, reason, cause, until));
    if (until !== null) ctx.due(until);
  }
  ctx.out.push({ type: 'suppressed', alertId: alert.id, fingerprint: fp, reason, cause, until, ruleId, alertIds: [alert.id], at: t });
}

/**
 * Correlates a firing alert at `t` (new, re-fired or released): flapping, maintenance, inhibition,
 * then the rules (first match wins unless `continue`), auto-pause, and grouping. Returns the group keys.
 */
export function correlateFiring(ctx: Ctx, alert: Alert, fp: string, t: number, rec: FingerprintRecord | undefined, skipPause: boolean): string[] {
  const tracked = rec !== undefined;
  if (rec !== undefined && isFlapping(rec.fu, t)) {
    suppress(ctx, alert, fp, t, 'flapping', { kind: 'flapping', changes: rec.h.length }, rec.fu!, null, tracked);
    return [];
  }
  const window = activeMaintenance(ctx.config.windows, alert, fp, t);
  if (window !== undefined) {
    suppress(ctx, alert, fp, t, 'maintenance', { kind: 'maintenance', windowId: window.windowId }, window.until, null, tracked);
    return [];
  }
  const inhibited = inhibitTarget(ctx, alert, fp, tracked);
  if (inhibited !== undefined) {
    suppress(ctx, alert, fp, t, 'inhibited', inhibited, null, null, tracked);
    return [];
  }
  const keys: string[] = [];
  let matched = false;
  for (const rule of ctx.config.rules) {
    if (!rule.matches(alert, fp)) continue;
    if (!matched && !skipPause && rule.autoPause !== undefined) {
      suppress(ctx, alert, fp, t, 'paused', { kind: 'paused', ruleId: rule.id }, t + rule.autoPause, rule.id, tracked);
      return [];
    }
    matched = true;
    keys.push(groupAlert(ctx, rule, alert, t, tracked));
    if (!rule.cont) break;
  }
  if (!matched) ctx.out.push({ type: 'unmatched', alertId: alert.id, fingerprint: fp, ruleId: null, alertIds: [alert.id], at: t });
  return keys;
}

/**
 * Handles a notification of the fingerprint `ctx.fps` just found as a duplicate when it is one: the
 * same status (`firing` 1 or 0), or older than what is known (stale). Returns false otherwise.
 */
function deduplicated(ctx: Ctx, alert: Alert, fp: string, firing: 0 | 1, t: number): boolean {
  const fps = ctx.fps;
  const older = t < fps.foundTime();
  const same = fps.foundStatus() === firing;
  if (!same && !older) return false;
  // A late copy of a state change is stale; so is an older resolve (a firing copy only counts).
  const stale = same ? firing === 0 && older : true;
  const groups = fps.foundGroupCount();
  const incidentKeys = groups === 1 ? ctx.groupKeysOf(fps.foundGroup(0)) : (groups === 0 ? NO_IDS : ctx.groupKeys(fps.foundRecord().g));
  const count = fps.bumpFound(t, stale);
  ctx.out.push({ type: 'deduplicated', alertId: alert.id, fingerprint: fp, count, stale, incidentKeys, ruleId: null, alertIds: [alert.id], at: t });
  return true;
}

/** `rec` after a state change to `s` at `t` (flapping history recorded, groups cleared). */
function changed(ctx: Ctx, rec: FingerprintRecord | undefined, s: 0 | 1, t: number): FingerprintRecord {
  // A fingerprint's first notification is not a change of state.
  const flap = rec === undefined ? { h: NO_NUMBERS, fu: undefined } : recordChange(ctx.config, rec.h, rec.fu, t);
  const core = { s, t, c: (rec?.c ?? 0) + 1, g: NO_NUMBERS, h: flap.h };
  return flap.fu === undefined ? core : { ...core, fu: flap.fu };
}

/** `rec` attached to the groups `keys`. */
function withGroups(ctx: Ctx, rec: FingerprintRecord, keys: readonly string[]): FingerprintRecord {
  return { ...rec, g: keys.map((k) => ctx.groupNumber(k)) };
}

/** Attaches fingerprint `fp` (stored as `rec`) to the groups `keys`. */
function attach(ctx: Ctx, fp: string, rec: FingerprintRecord, keys: readonly string[]): void {
  if (keys.length > 0) ctx.fps.set(fp, withGroups(ctx, rec, keys));
}

/** A firing notification at its own time `t`. */
export function onFiring(ctx: Ctx, alert: Alert, fp: string, t: number): void {
  const known = ctx.fps.find(fp);
  if (known && deduplicated(ctx, alert, fp, 1, t)) return;
  const rec = known ? ctx.fps.foundRecord() : undefined;
  if (!known && ctx.tracked >= ctx.config.storm.maxTrackedAlerts) {
    correlateFiring(ctx, alert, fp, t, undefined, true);
    return;
  }
  const next = changed(ctx, rec, 1, t);
  if (rec === undefined) ctx.tracked++;
  addInhibitionSource(ctx, alert, fp);
  // Correlating reads the record from `next`, never from the table, so it is stored once, groups included.
  const keys = correlateFiring(ctx, alert, fp, t, next, false);
  ctx.fps.set(fp, keys.length > 0 ? withGroups(ctx, next, keys) : next);
}

/** A resolved notification at its own time `t`. */
export function onResolved(ctx: Ctx, alert: Alert, fp: string, t: number): void {
  const known = ctx.fps.find(fp);
  if (known && deduplicated(ctx, alert, fp, 0, t)) return;
  const rec = known ? ctx.fps.foundRecord() : undefined;
  if (rec === undefined) {
    if (ctx.tracked < ctx.config.storm.maxTrackedAlerts) {
      ctx.tracked++;
      ctx.fps.set(fp, { s: 0, t, c: 1, g: NO_NUMBERS, h: NO_NUMBERS });
      ctx.due(forgetAt(t, undefined, ctx.config.retention));
    }
    ctx.out.push({ type: 'alert-resolved', alertId: alert.id, fingerprint: fp, incidentKeys: [], ruleId: null, alertIds: [alert.id], at: t });
    return;
  }
  const next = changed(ctx, rec, 0, t);
  ctx.fps.set(fp, next);
  ctx.due(forgetAt(t, next.fu, ctx.config.retention));
  ctx.parked.delete(fp);
  const keys = ctx.groupKeys(rec.g);
  ctx.out.push({ type: 'alert-resolved', alertId: alert.id, fingerprint: fp, incidentKeys: keys, ruleId: null, alertIds: [alert.id], at: t });
  for (const key of keys) alertLeftGroup(ctx, key, alert, t);
  for (const target of removeInhibitionSource(ctx, alert, fp)) release(ctx, target, 'inhibited', t);
}

/**
 * Releases a parked alert whose cause ended at `t` (if it is still parked for that reason and still
 * firing) and correlates it again. Returns the keys of the groups it joined.
 */
export function release(ctx: Ctx, fp: string, reason: SuppressionReason, t: number): readonly string[] {
  const parked = ctx.parked.get(fp);
  if (parked === undefined || parked.r !== reason) return NO_IDS;
  ctx.parked.delete(fp);
  const rec = ctx.fps.get(fp);
  if (rec === undefined || rec.s !== 1) return NO_IDS;
  const { alert, pausedBy } = unpackParked(parked);
  ctx.out.push({ type: 'released', alertId: alert.id, fingerprint: fp, reason, ruleId: pausedBy, alertIds: [alert.id], at: t });
  const keys = correlateFiring(ctx, alert, fp, t, rec, reason === 'paused');
  attach(ctx, fp, rec, keys);
  return keys;
}
