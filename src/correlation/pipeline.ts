import type { Alert } from '../models/alert';
import type { Ctx } from './context';
import type { SuppressionCause, SuppressionReason } from './decisions';
import { isFlapping, recordChange } from './flapping';
import { alertLeftGroup, groupAlert } from './grouping';
import { NO_IDS } from './incident';
import { addInhibitionSource, inhibitTarget, removeInhibitionSource } from './inhibition';
import { activeMaintenance } from './maintenance';
import type { FingerprintRecord } from './state';

function suppress(ctx: Ctx, alert: Alert, fp: string, t: number, reason: SuppressionReason, cause: SuppressionCause, until: number | null, ruleId: string | null, tracked: boolean): void {
  // Untracked alerts (past the storm limit on tracked alerts) are not parked: memory stays bounded.
  if (tracked) {
    ctx.parked.set(fp, { alert, reason, cause, u: until });
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
    suppress(ctx, alert, fp, t, 'flapping', { kind: 'flapping', changes: rec.h?.length ?? 0 }, rec.fu!, null, tracked);
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

/** A fingerprint record with `s`, `t`, `c`, `a` and `g` as given, keeping `rec`'s flapping fields. */
function withCore(rec: FingerprintRecord, s: 0 | 1, t: number, c: number, a: string, g: readonly string[]): FingerprintRecord {
  if (rec.h === undefined && rec.fu === undefined) return { s, t, c, a, g };
  if (rec.fu === undefined) return { s, t, c, a, g, h: rec.h! };
  if (rec.h === undefined) return { s, t, c, a, g, fu: rec.fu };
  return { s, t, c, a, g, h: rec.h, fu: rec.fu };
}

function deduplicated(ctx: Ctx, alert: Alert, fp: string, rec: FingerprintRecord, t: number, stale: boolean): void {
  const c = rec.c + 1;
  ctx.fps.set(fp, withCore(rec, rec.s, stale ? rec.t : Math.max(rec.t, t), c, stale ? rec.a : alert.id, rec.g));
  ctx.out.push({ type: 'deduplicated', alertId: alert.id, fingerprint: fp, count: c, stale, incidentKeys: rec.g, ruleId: null, alertIds: [alert.id], at: t });
}

/** A firing notification at its own time `t`. */
export function onFiring(ctx: Ctx, alert: Alert, fp: string, t: number): void {
  const rec = ctx.fps.get(fp);
  if (rec !== undefined) {
    if (rec.s === 1) return deduplicated(ctx, alert, fp, rec, t, false);
    if (t < rec.t) return deduplicated(ctx, alert, fp, rec, t, true);
  } else if (ctx.tracked >= ctx.config.storm.maxTrackedAlerts) {
    correlateFiring(ctx, alert, fp, t, undefined, true);
    return;
  }
  const flap = rec === undefined ? { h: [] as number[], fu: undefined } : recordChange(ctx.config, rec.h, rec.fu, t);
  const next: FingerprintRecord = { s: 1, t, c: (rec?.c ?? 0) + 1, a: alert.id, g: NO_IDS, ...(flap.h.length > 0 ? { h: flap.h } : {}), ...(flap.fu !== undefined ? { fu: flap.fu } : {}) };
  if (rec === undefined) ctx.tracked++;
  ctx.fps.set(fp, next);
  addInhibitionSource(ctx, alert, fp);
  const keys = correlateFiring(ctx, alert, fp, t, next, false);
  if (keys.length > 0) ctx.fps.set(fp, { ...next, g: keys });
}

/** A resolved notification at its own time `t`. */
export function onResolved(ctx: Ctx, alert: Alert, fp: string, t: number): void {
  const rec = ctx.fps.get(fp);
  if (rec === undefined) {
    if (ctx.tracked < ctx.config.storm.maxTrackedAlerts) {
      ctx.tracked++;
      ctx.fps.set(fp, { s: 0, t, c: 1, a: alert.id, g: [] });
      ctx.due(t + ctx.config.retention);
    }
    ctx.out.push({ type: 'alert-resolved', alertId: alert.id, fingerprint: fp, incidentKeys: [], ruleId: null, alertIds: [alert.id], at: t });
    return;
  }
  if (rec.s === 0) return deduplicated(ctx, alert, fp, rec, t, t < rec.t);
  if (t < rec.t) return deduplicated(ctx, alert, fp, rec, t, true);
  const flap = recordChange(ctx.config, rec.h, rec.fu, t);
  ctx.fps.set(fp, { s: 0, t, c: rec.c + 1, a: alert.id, g: NO_IDS, ...(flap.h.length > 0 ? { h: flap.h } : {}), ...(flap.fu !== undefined ? { fu: flap.fu } : {}) });
  ctx.due(Math.max(t + ctx.config.retention, flap.fu ?? 0));
  ctx.parked.delete(fp);
  ctx.out.push({ type: 'alert-resolved', alertId: alert.id, fingerprint: fp, incidentKeys: rec.g, ruleId: null, alertIds: [alert.id], at: t });
  for (const key of rec.g) alertLeftGroup(ctx, key, alert, t);
  for (const target of removeInhibitionSource(ctx, alert, fp)) release(ctx, target, 'inhibited', t);
}

/**
 * Releases a parked alert whose cause ended at `t` (if it is still parked for that reason and still
 * firing) and correlates it again.
 */
export function release(ctx: Ctx, fp: string, reason: SuppressionReason, t: number): void {
  const parked = ctx.parked.get(fp);
  const rec = ctx.fps.get(fp);
  if (parked === undefined || parked.reason !== reason) return;
  ctx.parked.delete(fp);
  if (rec === undefined || rec.s !== 1) return;
  ctx.out.push({ type: 'released', alertId: parked.alert.id, fingerprint: fp, reason, ruleId: parked.cause.kind === 'paused' ? parked.cause.ruleId : null, alertIds: [parked.alert.id], at: t });
  const keys = correlateFiring(ctx, parked.alert, fp, t, rec, reason === 'paused');
  if (keys.length > 0) ctx.fps.set(fp, { ...ctx.fps.get(fp)!, g: keys });
}
