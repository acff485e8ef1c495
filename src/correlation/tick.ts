import type { Ctx } from './context';
import { groupDueAt, NO_IDS, openGroup, resolveGroup } from './incident';
import { release } from './pipeline';
import { dueOf, earliestDue, reschedule, scheduleAll, takeDue, type DueSchedule } from './schedule';
import type { GroupRecord } from './state';
import { WorkQueue } from './work-queue';

/**
 * Forgets group `key` at `at`. An open incident forgotten (quiet past retention: its rule never
 * resolves, or the host reopened it) says so, and so does a pending group that never opened (its
 * alerts all resolved); a resolved one goes without a decision (its `resolve-incident` said it all).
 */
function forgetGroup(ctx: Ctx, key: string, g: GroupRecord, at: number, forgotten: Set<string>): void {
  ctx.groups.delete(key);
  forgotten.add(key);
  if (g.st !== 2) ctx.open--;
  const ruleId = ctx.config.rules[g.r]!.id;
  if (g.st === 1) ctx.out.push({ type: 'forget-incident', incidentKey: key, ruleId, alertIds: [], at });
  else if (g.st === 0) ctx.out.push({ type: 'discard-pending', groupKey: key, ruleId, alertIds: g.a ?? NO_IDS, at });
}

/** Queues the work of parked alert or group `key`, due `at`, if that is by `now`. */
function queueAt(ctx: Ctx, queue: WorkQueue, kind: 0 | 1, key: string, at: number | null): void {
  if (at !== null && at <= ctx.now) queue.push({ at, kind, key });
}

/** Queues the work of parked alert or group `key` if it is due by `now`. */
function queueIfDue(ctx: Ctx, queue: WorkQueue, kind: 0 | 1, key: string): void {
  queueAt(ctx, queue, kind, key, dueOf(ctx, kind, key));
}

/** Opens, resolves or forgets group `key` at `at` (adding it to `forgotten` when forgotten). */
function advanceGroup(ctx: Ctx, key: string, at: number, forgotten: Set<string>): void {
  const g = ctx.groups.get(key)!;
  const rule = ctx.config.rules[g.r]!;
  if (g.st === 0 && g.fc > 0) openGroup(ctx, rule, key, ctx.writeGroup(key), at, NO_IDS);
  else if (g.st === 1 && g.ra !== null) resolveGroup(ctx, rule, key, ctx.writeGroup(key), at, []);
  else forgetGroup(ctx, key, g, at, forgotten);
}

/**
 * Forgets the entries of an index (group identity or CI -> group key) of the groups this tick
 * `forgotten` (groups go nowhere else, so no other entry can be left without its group). Only then:
 * a resolved group keeps its entries, so that a tick in between changes nothing (a reopened incident
 * is found by the CIs it had, whether or not a tick ran while it was resolved).
 */
function evictIndex(index: Ctx['index'], forgotten: ReadonlySet<string>): void {
  if (forgotten.size === 0) return;
  const gone: string[] = [];
  index.forEach((key, entry) => {
    if (forgotten.has(key)) gone.push(entry);
  });
  for (const entry of gone) index.delete(entry);
}

// Pieces of work one call does at most; past them it asks to be called again at once (`nextTickAt` = now).
const MAX_WORK = 1_000_000;

/**
 * Queues the work due by `now`: from `schedule`'s entries due by then, or, without one, from a read of
 * every parked alert and group. Returns the resolved fingerprints the schedule names as due (null
 * without a schedule: the read of the whole state finds them later).
 */
function queueDue(ctx: Ctx, queue: WorkQueue, schedule: DueSchedule | null): string[] | null {
  if (schedule === null) {
    ctx.parked.forEach((p, fp) => queueAt(ctx, queue, 0, fp, p.u));
    ctx.groups.forEach((g, key) => queueAt(ctx, queue, 1, key, groupDueAt(ctx, g)));
    return null;
  }
  const fps: string[] = [];
  for (const { kind, key } of takeDue(schedule, ctx.now)) {
    if (kind === 2) fps.push(key);
    else queueIfDue(ctx, queue, kind, key);
  }
  return fps;
}

/** Forgets those of resolved fingerprints `fps` whose retention ended by `now`. */
function evictDue(ctx: Ctx, fps: readonly string[]): void {
  for (const fp of fps) {
    const at = ctx.fps.forgetAtOf(fp, ctx.config.retention);
    if (at === null || at > ctx.now) continue;
    ctx.fps.delete(fp);
    ctx.tracked--;
  }
}

/**
 * All time-driven work due by `ctx.now`, in time order (at one instant parked alerts before groups,
 * then by key), including work that falls due meanwhile: a group resolved whose retention has passed,
 * a released alert's group whose wait is over. So a late tick decides what ticks at every instant
 * something fell due would have. Then resolved fingerprints and index entries past retention go.
 *
 * With the `schedule` of the state (see `schedule.ts`; `ctx` then tracks what it writes) it reads only
 * what is due; without one it reads the whole state, and builds one. Returns the schedule of the state
 * after, or null when work is left over for the next call.
 */
export function runTick(ctx: Ctx, schedule: DueSchedule | null): DueSchedule | null {
  const queue = new WorkQueue();
  const forgotten = new Set<string>();
  const dueFps = queueDue(ctx, queue, schedule);
  let done = 0;
  while (queue.size > 0 && done < MAX_WORK) {
    const { at, kind, key } = queue.pop();
    // Work that moved since it was queued (done, cancelled, postponed) is dropped: where it moved to,
    // whoever moved it queued it anew.
    if (dueOf(ctx, kind, key) !== at) continue;
    done++;
    if (kind === 1) {
      advanceGroup(ctx, key, at, forgotten);
      queueIfDue(ctx, queue, 1, key);
      continue;
    }
    // A released alert may be held again, and changes the groups it joins.
    const joined = release(ctx, key, ctx.parked.get(key)!.r, at);
    queueIfDue(ctx, queue, 0, key);
    for (const group of joined) queueIfDue(ctx, queue, 1, group);
  }
  let after: DueSchedule;
  if (dueFps === null) after = scheduleAll(ctx, ctx.now);
  else {
    evictDue(ctx, dueFps);
    after = reschedule(ctx, schedule!);
  }
  evictIndex(ctx.index, forgotten);
  evictIndex(ctx.cis, forgotten);
  // Work left over by the limit is due now: the host is told to tick again at once.
  if (queue.size > 0) {
    ctx.next = ctx.now;
    return null;
  }
  ctx.next = earliestDue(ctx, after);
  return after;
}
