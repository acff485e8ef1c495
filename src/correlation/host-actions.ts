import type { Ctx } from './context';
import { reopenGroup, resolveGroup, scheduleGroup } from './incident';
import type { GroupRecord } from './state';

/**
 * What a host action on an incident found and did:
 * - `resolved`: the incident was open and is now resolved (it may still reopen within `reopenWithin`);
 * - `closed`: the incident is now closed for good (resolved first, if it was open);
 * - `reopened`: the incident was resolved and is open again;
 * - `already-resolved`, `already-closed`, `already-open`: nothing to do (an incident resolved by its
 *   alerts may still be closed; a closed one is never reopened);
 * - `pending`: the key names a group still waiting to open (`pending` decisions); it has no incident
 *   yet and is left as it is;
 * - `unknown`: the state holds no group of that key (never made, or forgotten past retention).
 *
 * @example
 * const o: IncidentActionOutcome = 'already-resolved';
 */
export type IncidentActionOutcome = 'resolved' | 'closed' | 'reopened' | 'already-resolved' | 'already-closed' | 'already-open' | 'pending' | 'unknown';

/** The outcome of a host action on `stored` when it has no incident to act on, or null when it has. */
function nothingToActOn(stored: GroupRecord | undefined): IncidentActionOutcome | null {
  if (stored === undefined) return 'unknown';
  if (stored.st === 0) return 'pending';
  return stored.cl !== undefined ? 'already-closed' : null;
}

/**
 * The host resolved (`close` false) or closed (`close` true) incident `key` in its own tool at
 * `ctx.now`. An open incident is resolved as its alerts would resolve it (`resolve-incident`, marked
 * `by: 'host'`); a closed one is also marked never to reopen, so that the next alert of its identity
 * opens a new incident.
 */
export function hostResolve(ctx: Ctx, key: string, close: boolean): IncidentActionOutcome {
  const stored = ctx.groups.get(key);
  const none = nothingToActOn(stored);
  if (none !== null) return none;
  if (stored!.st === 2 && !close) return 'already-resolved';
  const g = ctx.writeGroup(key);
  if (g.st === 1) resolveGroup(ctx, ctx.config.rules[g.r]!, key, g, ctx.now, [], 'host');
  if (close) g.cl = 1;
  scheduleGroup(ctx, g);
  return close ? 'closed' : 'resolved';
}

/**
 * The host reopened incident `key` in its own tool at `ctx.now` (the fix did not hold). A resolved
 * incident opens again (`reopen-incident`, marked `by: 'host'`) and takes alerts of its identity
 * under the rule's `window` from `now` as from an alert (the group's latest time moves to `now`). It
 * resolves again when alerts that join it resolve, or when the host resolves it; with nothing firing
 * it is forgotten `retention` after `now` (`forget-incident`). A closed incident is never reopened.
 */
export function hostReopen(ctx: Ctx, key: string): IncidentActionOutcome {
  const stored = ctx.groups.get(key);
  const none = nothingToActOn(stored);
  if (none !== null) return none;
  if (stored!.st === 1) return 'already-open';
  const g = ctx.writeGroup(key);
  reopenGroup(ctx, ctx.config.rules[g.r]!, key, g, ctx.now, [], 'host');
  if (ctx.now > g.l) g.l = ctx.now;
  scheduleGroup(ctx, g);
  return 'reopened';
}

const CHANGING: ReadonlySet<IncidentActionOutcome> = new Set<IncidentActionOutcome>(['resolved', 'closed', 'reopened']);

/** True when a host action with this outcome changed the state (else it had nothing to do). */
export function changedState(outcome: IncidentActionOutcome): boolean {
  return CHANGING.has(outcome);
}
