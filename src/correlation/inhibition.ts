import type { Alert } from '../models/alert';
import type { InhibitRule } from './config-schema';
import type { Ctx } from './context';
import type { SuppressionCause } from './decisions';
import { hashParts } from './hash';
import type { CompiledMatcher } from './matchers';
import { compileMatchers } from './matchers';
import { copyDict, dict, own } from './own';

/** An inhibition rule compiled once. */
export interface CompiledInhibitRule {
  readonly id: string;
  readonly index: number;
  readonly source: CompiledMatcher;
  readonly target: CompiledMatcher;
  readonly equal: readonly string[];
}

/** Compiles the inhibition rules. */
export function compileInhibitRules(rules: readonly InhibitRule[]): CompiledInhibitRule[] {
  return rules.map((r, i) => ({
    id: r.id,
    index: i,
    source: compileMatchers(r.source, ['inhibitRules', i, 'source']),
    target: compileMatchers(r.target, ['inhibitRules', i, 'target']),
    equal: r.equal,
  }));
}

/** The inhibition key: rule and `equal` label values (a missing label counts as empty). */
function inhibitKey(rule: CompiledInhibitRule, alert: Alert): string {
  if (rule.equal.length === 0) return `${rule.index}`;
  return `${rule.index}:${hashParts(rule.equal.map((l) => own(alert.labels, l) ?? ''))}`;
}

type WritableEntry = { src: Record<string, string>; tg: Record<string, 1> };

/** A writable copy of the entry at `key` (created empty when absent), copied once per call. */
function writeEntry(ctx: Ctx, key: string): WritableEntry {
  const entry = ctx.inhibit.get(key);
  const copy = entry
    ? ctx.writable(entry as WritableEntry, (e) => ({ src: copyDict(e.src), tg: copyDict(e.tg) }))
    : { src: dict<string>(), tg: dict<1>() };
  if (copy !== entry) ctx.inhibit.set(key, copy);
  return copy;
}

/** Records a firing alert as an inhibition source of every rule whose `source` it matches. */
export function addInhibitionSource(ctx: Ctx, alert: Alert, fp: string): void {
  for (const rule of ctx.config.inhibitRules) {
    if (!rule.source(alert, fp)) continue;
    const key = inhibitKey(rule, alert);
    const entry = ctx.inhibit.get(key);
    if (entry && own(entry.src, fp) === alert.id) continue;
    writeEntry(ctx, key).src[fp] = alert.id;
  }
}

/**
 * Removes a resolved alert from the sources it fed; returns the target fingerprints to release, in
 * the order they were inhibited (the sources of their key have all resolved).
 */
export function removeInhibitionSource(ctx: Ctx, alert: Alert, fp: string): string[] {
  const released: string[] = [];
  for (const rule of ctx.config.inhibitRules) {
    if (!rule.source(alert, fp)) continue;
    const key = inhibitKey(rule, alert);
    const entry = ctx.inhibit.get(key);
    if (!entry || own(entry.src, fp) === undefined) continue;
    const w = writeEntry(ctx, key);
    delete w.src[fp];
    let empty = true;
    for (const _ in w.src) {
      empty = false;
      break;
    }
    if (!empty) continue;
    for (const t of Object.keys(w.tg)) if (!released.includes(t)) released.push(t);
    ctx.inhibit.delete(key);
  }
  return released;
}

/**
 * The inhibition holding a firing target, if any: a rule whose `target` it matches with another
 * firing source of equal labels (an alert never inhibits itself). Records the target on that key.
 */
export function inhibitTarget(ctx: Ctx, alert: Alert, fp: string, record: boolean): SuppressionCause | undefined {
  for (const rule of ctx.config.inhibitRules) {
    if (!rule.target(alert, fp)) continue;
    const key = inhibitKey(rule, alert);
    const entry = ctx.inhibit.get(key);
    if (!entry) continue;
    let sourceFp: string | undefined;
    for (const s of Object.keys(entry.src)) {
      if (s !== fp) {
        sourceFp = s;
        break;
      }
    }
    if (sourceFp === undefined) continue;
    const sourceAlertId = entry.src[sourceFp]!;
    if (record && own(entry.tg, fp) === undefined) writeEntry(ctx, key).tg[fp] = 1;
    return { kind: 'inhibited', inhibitRuleId: rule.id, sourceAlertId, sourceFingerprint: sourceFp };
  }
  return undefined;
}
