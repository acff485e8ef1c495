import type { Ctx } from './context';
import { groupDueAt, NO_IDS, openGroup, resolveGroup } from './incident';
import { release } from './pipeline';
import type { ParkedAlert } from './parked';
import type { GroupRecord } from './state';

interface Due<T> {
  readonly at: number;
  readonly key: string;
  readonly value: T;
}

function byTimeThenKey<T>(a: Due<T>, b: Due<T>): number {
  return a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Releases parked alerts whose hold ended by `now` (in order of that instant, then fingerprint); false when none had. */
function releaseParked(ctx: Ctx): boolean {
  const due: Due<ParkedAlert>[] = [];
  ctx.parked.forEach((p, fp) => {
    if (p.u !== null && p.u <= ctx.now) due.push({ at: p.u, key: fp, value: p });
  });
  due.sort(byTimeThenKey);
  for (const d of due) release(ctx, d.key, d.value.r, d.at);
  return due.length > 0;
}

function forgetGroup(ctx: Ctx, key: string, g: GroupRecord): void {
  ctx.groups.delete(key);
  if (g.st !== 2) ctx.open--;
}

/** Opens, resolves and forgets the groups due by `now`, in order of their due instant, then key; false when none was. */
function advanceGroups(ctx: Ctx): boolean {
  const due: Due<GroupRecord>[] = [];
  ctx.groups.forEach((g, key) => {
    const at = groupDueAt(ctx, g);
    if (at !== null && at <= ctx.now) due.push({ at, key, value: g });
  });
  due.sort(byTimeThenKey);
  for (const { at, key, value } of due) {
    const rule = ctx.config.rules[value.r]!;
    if (value.st === 0 && value.fc > 0) openGroup(ctx, rule, key, ctx.writeGroup(key), at, NO_IDS);
    else if (value.st === 1 && value.ra !== null) resolveGroup(ctx, rule, key, ctx.writeGroup(key), at, []);
    else forgetGroup(ctx, key, value);
  }
  return due.length > 0;
}

/** Forgets resolved fingerprints past retention (unless flapping) and empty inhibition entries. */
function evictFingerprints(ctx: Ctx): void {
  const retention = ctx.config.retention;
  const gone: string[] = [];
  ctx.fps.forEach((r, fp) => {
    if (r.s === 0 && r.t + retention <= ctx.now && !(r.fu !== undefined && r.fu > ctx.now)) gone.push(fp);
  });
  for (const fp of gone) ctx.fps.delete(fp);
  ctx.tracked -= gone.length;
}

/** Forgets the entries of an index (group identity or CI -> group key) whose group is gone, or resolved when `resolvedToo`. */
function evictIndex(ctx: Ctx, index: Ctx['index'], resolvedToo: boolean): void {
  const gone: string[] = [];
  index.forEach((key, entry) => {
    const g = ctx.groups.get(key);
    if (g === undefined || (resolvedToo && g.st === 2)) gone.push(entry);
  });
  for (const entry of gone) index.delete(entry);
}

/** Recomputes the next instant worth a tick after the work is done. */
function nextDue(ctx: Ctx): number | null {
  let next: number | null = null;
  const see = (at: number | null | undefined) => {
    if (at !== null && at !== undefined && at > ctx.now && (next === null || at < next)) next = at;
  };
  ctx.parked.forEach((p) => see(p.u));
  ctx.groups.forEach((g) => see(groupDueAt(ctx, g)));
  ctx.fps.forEach((r) => {
    if (r.s === 0) see(Math.max(r.t + ctx.config.retention, r.fu ?? 0));
  });
  return next;
}

// Rounds of work one tick does at most (each round moves a group or a parked alert on, so a few do).
const MAX_ROUNDS = 64;

/**
 * All time-driven work due by `ctx.now`, including work that becomes due during the tick: a group
 * the tick resolves whose retention has already passed, an alert released into a group whose wait
 * has already ended, or held again by a pause that has already run out. Each round releases the
 * parked alerts due, then advances the groups due, until a round finds nothing.
 */
export function runTick(ctx: Ctx): void {
  let settled = false;
  for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
    const released = releaseParked(ctx);
    const advanced = advanceGroups(ctx);
    settled = !released && !advanced;
  }
  evictFingerprints(ctx);
  evictIndex(ctx, ctx.index, false);
  evictIndex(ctx, ctx.cis, true);
  // Work left over by the round limit is due now: the host is told to tick again at once.
  ctx.next = settled ? nextDue(ctx) : ctx.now;
}
