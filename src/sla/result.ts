import { accrue, pausedMsOf } from './clock';
import type { CompiledPolicy } from './policy';
import type { SlaClockStatus, SlaState } from './state';

/**
 * A warning threshold crossed: the fraction of the target and the instant elapsed reached it.
 *
 * @example
 * const w: SlaWarning = { threshold: 0.75, at: new Date('2026-11-23T11:00:00Z') };
 */
export interface SlaWarning {
  readonly threshold: number;
  readonly at: Date;
}

/**
 * Where an SLA clock stands at the evaluation point (`now`, or the stop for a stopped or cancelled
 * clock). Durations are exact business milliseconds; nothing is rounded.
 *
 * @example
 * const r: SlaResult = evaluateSla(policy, timeline, now);
 * if (r.breached) console.log(`breached at ${r.breachedAt?.toISOString()}`);
 */
export interface SlaResult {
  readonly status: SlaClockStatus;
  /** Elapsed is greater than the target at the evaluation point (a clock stopped exactly at its due instant is met). */
  readonly breached: boolean;
  /** The target in force, or null (no target for this record, or none at all). Before the start: the latest record's. */
  readonly targetMs: number | null;
  /** Business milliseconds counted toward the target (running time only). */
  readonly elapsedMs: number;
  /** `targetMs - elapsedMs` (negative when overdue), or null without a target. */
  readonly remainingMs: number | null;
  /** Business milliseconds spent paused. */
  readonly pausedMs: number;
  /** `elapsedMs / targetMs x 100`, unrounded, or null without a target. */
  readonly percentage: number | null;
  /** When the clock started (the retroactive instant if configured; the reset instant after a reset). */
  readonly startedAt: Date | null;
  /** When the clock stopped or was cancelled. */
  readonly stoppedAt: Date | null;
  /** When elapsed reaches (or reached) the target; null while paused, not started, cancelled, or without a target. */
  readonly dueAt: Date | null;
  /** When elapsed reached the target (or the target change that put elapsed above it), if breached. */
  readonly breachedAt: Date | null;
  /** The warning thresholds crossed under the current target, ascending, with when. */
  readonly warnings: readonly SlaWarning[];
  /** While running with a target: the next instant a warning is crossed or the clock breaches. */
  readonly nextEvaluationAt: Date | null;
}

/**
 * Evaluates a clock state at `now` (epoch ms, not before its last entry): running and paused clocks
 * are brought up to `now`; stopped and cancelled ones are read as they stood at the stop.
 */
export function clockResult(compiled: CompiledPolicy, state: SlaState, now: number): SlaResult {
  const s = accrue(compiled, state, now);
  const final = s.status === 'stopped' || s.status === 'cancelled';
  const point = final && s.stoppedAt !== null ? s.stoppedAt : now;
  const target = s.targetMs;
  const elapsed = s.elapsedMs;
  const dueReached = s.reachedAt[s.reachedAt.length - 1] ?? null;
  const breached = target !== null && s.status !== 'not_started' && elapsed > target;
  let dueAt: number | null = null;
  if (target !== null && (s.status === 'running' || s.status === 'stopped')) {
    dueAt = dueReached ?? compiled.calendar.add(point, target - elapsed);
  }
  return {
    status: s.status,
    breached,
    targetMs: target,
    elapsedMs: elapsed,
    remainingMs: target === null ? null : target - elapsed,
    pausedMs: pausedMsOf(compiled, s),
    percentage: target === null ? null : (elapsed / target) * 100,
    startedAt: toDate(s.startedAt),
    stoppedAt: toDate(s.stoppedAt),
    dueAt: toDate(dueAt),
    breachedAt: breached ? toDate(dueReached) : null,
    warnings: warningsOf(compiled, s),
    nextEvaluationAt: s.status === 'running' ? toDate(nextEvaluation(compiled, s, now, dueAt)) : null,
  };
}

function warningsOf(compiled: CompiledPolicy, state: SlaState): SlaWarning[] {
  const out: SlaWarning[] = [];
  for (let i = 0; i < compiled.warnAt.length; i++) {
    const at = state.reachedAt[i];
    if (at != null) out.push({ threshold: compiled.warnAt[i] as number, at: new Date(at) });
  }
  return out;
}

/** The smallest level not yet reached is crossed first (business time is monotonic): one calendar call at most. */
function nextEvaluation(compiled: CompiledPolicy, state: SlaState, now: number, dueAt: number | null): number | null {
  const target = state.targetMs;
  if (target === null) return null;
  const elapsed = state.elapsedMs;
  const levels = compiled.levels(target);
  const firstUnreached = state.reachedAt.indexOf(null);
  const pending = firstUnreached >= 0 && firstUnreached < compiled.warnAt.length ? firstUnreached : -1;
  const level = pending >= 0 ? (levels[pending] as number) : elapsed <= target ? target + 1 : null;
  if (level === null) return null;
  if (level === target && dueAt !== null) return dueAt;
  return compiled.calendar.add(now, level - elapsed);
}

function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
