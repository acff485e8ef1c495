import type { Ctx } from './context';
import { groupDueAt } from './incident';
import { WorkQueue, type Work } from './work-queue';

/**
 * A correlator's schedule for one state: when each parked alert (kind 0), group (kind 1) and resolved
 * fingerprint (kind 2) falls due, as a heap of {@link Work}, so that a tick takes what is due and finds
 * the next instant without reading the whole state.
 *
 * It is derived data, never part of the state, and changes no result (a tick without one reads the
 * whole state and decides the same). A tick that reads the whole state builds it; each later call on
 * the state that tick returned adds the instants of what it wrote and hands it on to the state it
 * returns. A call on any other state (parsed from JSON, or used a second time) has none, and its next
 * tick reads the whole state again. Entries may be stale (their item moved, went, or was done); each
 * is checked against the state when taken. Every item's current instant has an entry.
 */
export interface DueSchedule {
  readonly queue: WorkQueue;
  /**
   * How many entries it may hold before it is rebuilt: what it held when built plus as many as the
   * state then had items (parked alerts, groups, fingerprints), and at least 1,024. A rebuild reads
   * the whole state, so it waits for as many additions as that costs.
   */
  readonly limit: number;
}

/** When parked alert (kind 0), group (kind 1) or resolved fingerprint (kind 2) `key` next needs a tick, or null. */
export function dueOf(ctx: Ctx, kind: 0 | 1 | 2, key: string): number | null {
  if (kind === 0) return ctx.parked.get(key)?.u ?? null;
  if (kind === 2) return ctx.fps.forgetAtOf(key, ctx.config.retention);
  const g = ctx.groups.get(key);
  return g === undefined ? null : groupDueAt(ctx, g);
}

/**
 * A schedule of everything in the state, read whole. With `evictBy`, resolved fingerprints whose
 * retention ends by then are forgotten instead (a tick's eviction, done in the same pass).
 */
export function scheduleAll(ctx: Ctx, evictBy: number | null): DueSchedule {
  const items: Work[] = [];
  ctx.parked.forEach((p, key) => {
    if (p.u !== null) items.push({ at: p.u, kind: 0, key });
  });
  ctx.groups.forEach((g, key) => {
    const at = groupDueAt(ctx, g);
    if (at !== null) items.push({ at, kind: 1, key });
  });
  const gone: string[] = [];
  ctx.fps.forEachResolved(ctx.config.retention, (at, fp) => {
    if (evictBy !== null && at <= evictBy) gone.push(fp());
    else items.push({ at, kind: 2, key: fp() });
  });
  for (const fp of gone) ctx.fps.delete(fp);
  ctx.tracked -= gone.length;
  const held = ctx.parked.size + ctx.groups.size + ctx.fps.size;
  return { queue: new WorkQueue(items), limit: Math.max(items.length + held, 1_024) };
}

/**
 * `schedule` with the current instants of what this call wrote (`ctx.written`) added, except where an
 * item's instant is the one it had before the call (its entry is still current). When stale entries
 * have piled up past its limit, a schedule rebuilt from the whole state instead: a cost shared by as
 * many additions as the state has items.
 */
export function reschedule(ctx: Ctx, schedule: DueSchedule): DueSchedule {
  const written = ctx.written!;
  if (schedule.queue.size > schedule.limit) return scheduleAll(ctx, null);
  const add = (kind: 0 | 1 | 2, key: string, before: number | null) => {
    const at = dueOf(ctx, kind, key);
    if (at !== null && at !== before) schedule.queue.push({ at, kind, key });
  };
  for (const [key, before] of written.parked) add(0, key, before?.u ?? null);
  for (const [key, before] of written.groups) add(1, key, before === undefined ? null : groupDueAt(ctx, before));
  for (const key of written.fps) add(2, key, null);
  return schedule;
}

/** Takes the entries due by `now` off `schedule`: each item named once, current or not. */
export function takeDue({ queue }: DueSchedule, now: number): Work[] {
  const taken: Work[] = [];
  const seen = new Set<string>();
  for (let top = queue.peek(); top !== undefined && top.at <= now; top = queue.peek()) {
    queue.pop();
    const id = `${top.kind}${top.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    taken.push(top);
  }
  return taken;
}

/**
 * The earliest current instant after `ctx.now` in `schedule` (stale entries before it are dropped), or
 * null. Called after a tick's work, when nothing current is due by `now` any more.
 */
export function earliestDue(ctx: Ctx, { queue }: DueSchedule): number | null {
  for (let top = queue.peek(); top !== undefined; top = queue.peek()) {
    if (top.at > ctx.now && dueOf(ctx, top.kind, top.key) === top.at) return top.at;
    queue.pop();
  }
  return null;
}
