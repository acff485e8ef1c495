import type { InstantInput } from '../_lib/instant';
import type { DurationStats } from './summary';
import { timeToEvent, type OpenedRecord, type ResultFor, type TimeToEventOptions } from './time-to-event';

/** A record that can be resolved (an incident). @example const r: ResolvableRecord = { openedAt: '2026-11-23T08:00:00Z' }; */
export interface ResolvableRecord extends OpenedRecord {
  readonly resolvedAt?: InstantInput | null | undefined;
}

/**
 * Mean time to resolve (restore), with median and nearest-rank p90/p99: the durations `openedAt ->
 * resolvedAt` (milliseconds; business milliseconds with `calendar`).
 *
 * Definition: a record counts when its `resolvedAt` lies in the period `[from, to)` (or, with
 * `membership: 'start'`, when its `openedAt` does and it has been resolved). Records never
 * resolved are not counted (still open). No record counted: `count` 0 and every figure `null`. A
 * `resolvedAt` before `openedAt` throws `ItsmValidationError`.
 *
 * @example
 * const stats = mttr(
 *   [{ openedAt: '2026-11-23T08:00:00Z', resolvedAt: '2026-11-23T12:00:00Z', priority: 1 }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * );
 * stats.mean //=> 14400000
 * mttr(incidents, { period, groupBy: 'priority' }).groups[0] //=> { key: 1, value: { count: ..., mean: ... } }
 */
export function mttr<R extends ResolvableRecord, const O extends TimeToEventOptions<R>>(records: readonly R[], options: O): ResultFor<O, DurationStats> {
  return timeToEvent(records, options, 'resolvedAt', 'mttr input') as ResultFor<O, DurationStats>;
}
