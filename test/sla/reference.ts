/**
 * A slow, obviously-correct SLA evaluator to compare the fast engine against. It shares no code with
 * src/sla: it interprets conditions directly, keeps one segment per entry (no deferral), measures
 * business time by summing `businessIntervals` (never `businessTimeBetween` or `addBusinessTime`), and
 * finds each crossing from its definition: the first instant u at which elapsed(u) >= level, taken no
 * earlier than the instant the current target took effect.
 */
import { businessIntervals, type Calendar } from 'itsm-kit/calendar';
import type { SlaCondition, SlaPolicyDefinitionInput } from 'itsm-kit/sla';

export interface RefEntry {
  at: number;
  record: Record<string, unknown>;
}

export interface RefResult {
  status: string;
  breached: boolean;
  targetMs: number | null;
  elapsedMs: number;
  remainingMs: number | null;
  pausedMs: number;
  percentage: number | null;
  startedAt: number | null;
  stoppedAt: number | null;
  dueAt: number | null;
  breachedAt: number | null;
  warnings: Array<{ threshold: number; at: number }>;
  nextEvaluationAt: number | null;
}

function read(record: unknown, path: string): unknown {
  let cur: unknown = record;
  for (const seg of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur instanceof Date ? cur.getTime() : cur;
}

function holds(c: SlaCondition | undefined, record: Record<string, unknown>, prev: Record<string, unknown> | undefined): boolean {
  if (c === undefined) return false;
  if ('all' in c) return c.all.every((x) => holds(x, record, prev));
  if ('any' in c) return c.any.some((x) => holds(x, record, prev));
  if ('not' in c) return !holds(c.not, record, prev);
  const v = read(record, c.field);
  switch (c.op) {
    case 'eq': return v === c.value;
    case 'neq': return v !== c.value;
    case 'in': return c.value.some((x) => x === v);
    case 'notIn': return !c.value.some((x) => x === v);
    case 'exists': return v !== undefined && v !== null;
    case 'notExists': return v === undefined || v === null;
    case 'changed': return !sameValue(read(prev ?? {}, c.field), v);
    default: {
      if (typeof v !== typeof c.value) return false;
      const a = v as number, b = c.value as number;
      return c.op === 'gt' ? a > b : c.op === 'gte' ? a >= b : c.op === 'lt' ? a < b : a <= b;
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function targetOf(def: SlaPolicyDefinitionInput, record: Record<string, unknown>): number | null {
  const t = def.target;
  if (t === undefined) return null;
  if ('durationMs' in t) return t.durationMs;
  const v = read(record, t.field);
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return null;
  const key = String(v);
  return Object.hasOwn(t.durationsMs, key) ? (t.durationsMs[key] as number) : null;
}

/** Sum of business interval lengths in [a, b). */
function businessMs(cal: Calendar, a: number, b: number): number {
  return businessIntervals(cal, a, b).reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0);
}

/** First instant at which the cumulative running time over `pieces` (then continuing from `from`) reaches `level`. */
function firstReach(cal: Calendar, pieces: Array<[number, number]>, level: number, continueFrom: number | null): number | null {
  let cum = 0;
  for (const [s, e] of pieces) {
    if (cum + (e - s) >= level) return s + (level - cum);
    cum += e - s;
  }
  if (continueFrom === null) return null;
  const CHUNK = 60 * 86_400_000;
  for (let from = continueFrom; from < continueFrom + 40 * CHUNK; from += CHUNK) {
    for (const i of businessIntervals(cal, from, from + CHUNK)) {
      const s = i.start.getTime(), e = i.end.getTime();
      if (cum + (e - s) >= level) return s + (level - cum);
      cum += e - s;
    }
  }
  throw new Error('reference: level not reached within horizon');
}

export function referenceEvaluate(def: SlaPolicyDefinitionInput, cal: Calendar, timeline: RefEntry[], now: number): RefResult {
  const entries = timeline.filter((e) => e.at <= now);
  type Kind = 'running' | 'paused' | 'final';
  let status = 'not_started';
  let startedAt: number | null = null;
  let stoppedAt: number | null = null;
  let segments: Array<{ from: number; kind: Kind }> = [];
  let changes: Array<{ at: number; T: number | null }> = [];
  let preview: number | null = null;
  entries.forEach((e, i) => {
    const prev = entries[i - 1]?.record;
    if (status === 'stopped' || status === 'cancelled') return;
    const T = targetOf(def, e.record);
    if (status === 'not_started') {
      preview = T;
      if (!holds(def.start, e.record, prev)) return;
      startedAt = def.retroactiveStart ? (read(e.record, def.retroactiveStart.field) as number) : e.at;
      segments = [{ from: startedAt, kind: 'running' }];
      changes = [{ at: startedAt, T }];
    } else if (holds(def.resetOn, e.record, prev)) {
      startedAt = e.at;
      segments = [];
      changes = [{ at: e.at, T }];
    } else if (T !== changes[changes.length - 1]!.T) {
      changes.push({ at: e.at, T });
    }
    status = holds(def.cancel, e.record, prev) ? 'cancelled' : holds(def.stop, e.record, prev) ? 'stopped' : holds(def.pause, e.record, prev) ? 'paused' : 'running';
    segments.push({ from: e.at, kind: status === 'running' || status === 'paused' ? status : 'final' });
    if (status === 'stopped' || status === 'cancelled') stoppedAt = e.at;
  });

  const empty: RefResult = {
    status, breached: false, targetMs: preview, elapsedMs: 0, remainingMs: preview, pausedMs: 0,
    percentage: preview === null ? null : 0, startedAt: null, stoppedAt: null, dueAt: null, breachedAt: null,
    warnings: [], nextEvaluationAt: null,
  };
  if (status === 'not_started') return empty;

  const point = stoppedAt ?? now;
  const running: Array<[number, number]> = [];
  let elapsedMs = 0;
  let pausedMs = 0;
  segments.forEach((seg, k) => {
    const to = segments[k + 1]?.from ?? point;
    if (seg.kind === 'running') {
      for (const i of businessIntervals(cal, seg.from, to)) running.push([i.start.getTime(), i.end.getTime()]);
      elapsedMs += businessMs(cal, seg.from, to);
    } else if (seg.kind === 'paused') pausedMs += businessMs(cal, seg.from, to);
  });

  const { at: c, T } = changes[changes.length - 1]!;
  const base = { ...empty, status, targetMs: T, elapsedMs, pausedMs, startedAt, stoppedAt, remainingMs: T === null ? null : T - elapsedMs };
  if (T === null) return { ...base, percentage: null };
  const reached = (level: number): number | null => {
    const u = firstReach(cal, running, level, null);
    return u !== null && u <= point ? Math.max(c, u) : null;
  };
  const warnAt = def.warnAt ?? [];
  const thresholds = warnAt.map((f) => Math.ceil(f * T - 1e-3));
  const warnings = warnAt.flatMap((f, i) => {
    const at = reached(thresholds[i]!);
    return at === null ? [] : [{ threshold: f, at }];
  });
  const breached = elapsedMs > T;
  let dueAt: number | null = null;
  if (status === 'running' || status === 'stopped') dueAt = reached(T) ?? firstReach(cal, running, T, point);
  let nextEvaluationAt: number | null = null;
  if (status === 'running') {
    for (const level of [...thresholds, T + 1]) {
      const u = firstReach(cal, running, level, now)!;
      if (u > now && (nextEvaluationAt === null || u < nextEvaluationAt)) nextEvaluationAt = u;
    }
  }
  return { ...base, breached, percentage: (elapsedMs / T) * 100, dueAt, breachedAt: breached ? reached(T) : null, warnings, nextEvaluationAt };
}
