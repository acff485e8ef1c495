import type { Change, ChangeState } from '../../models/change';
import type { Interval } from './intervals';

/**
 * The change states that occupy the change schedule by default: `authorize` (its window is before the
 * change authority, which must see what else is planned then), `scheduled` and `implement`. Changes in
 * `new` and `assess` are still being planned (their dates are tentative), and `review`, `closed` and
 * `canceled` ones are over, so none of those block anything. Override with `occupyingStates`.
 *
 * @example
 * OCCUPYING_CHANGE_STATES //=> ['authorize', 'scheduled', 'implement']
 */
export const OCCUPYING_CHANGE_STATES: readonly ChangeState[] = ['authorize', 'scheduled', 'implement'];

/** The planned window `[plannedStart, plannedEnd)` of a change, or undefined when either is missing. */
export function plannedWindowOf(change: Pick<Change, 'plannedStart' | 'plannedEnd'>): Interval | undefined {
  if (change.plannedStart === undefined || change.plannedEnd === undefined) return undefined;
  return { start: Date.parse(change.plannedStart), end: Date.parse(change.plannedEnd) };
}
