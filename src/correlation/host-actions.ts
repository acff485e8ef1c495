import type { Ctx } from './context';
import { resolveGroup, scheduleGroup } from './incident';

/**
 * What a host action on an incident found and did:
 * - `resolved`: the incident was open and is now resolved (it may still reopen within `reopenWithin`);
 * - `closed`: the incident is now closed for good (resolved first, if it was open);
 * - `already-resolved`, `already-closed`: nothing to do (an incident resolved by its alerts may still
 *   be closed);
 * - `pending`: the key names a group still waiting to open (`pending` decisions); it has no incident
 *   yet and is left as it is;
 * - `unknown`: the state holds no group of that key (never made, or forgotten past retention).
 *
 * @example
 * const o: IncidentActionOutcome = 'already-resolved';
 */
export type IncidentActionOutcome = 'resolved' | 'closed' | 'already-resolved' | 'already-closed' | 'pending' | 'unknown';

/**
 * The host resolved (`close` false) or closed (`close` true) incident `key` in its own tool at
 * `ctx.now`. An open incident is resolved as its alerts would resolve it (`resolve-incident`, marked
 * `by: 'host'`); a closed one is also marked never to reopen, so that the next alert of its identity
 * opens a new incident.
 */
export function hostResolve(ctx: Ctx, key: string, close: boolean): IncidentActionOutcome {
  const stored = ctx.groups.get(key);
  if (stored === undefined) return 'unknown';
  if (stored.st === 0) return 'pending';
  if (stored.cl !== undefined) return 'already-closed';
  if (stored.st === 2 && !close) return 'already-resolved';
  const g = ctx.writeGroup(key);
  if (g.st === 1) resolveGroup(ctx, ctx.config.rules[g.r]!, key, g, ctx.now, [], 'host');
  if (close) g.cl = 1;
  scheduleGroup(ctx, g);
  return close ? 'closed' : 'resolved';
}
