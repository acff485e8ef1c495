import type { InstantInput } from '../_lib/instant';
import type { DurationStats } from './summary';
import { timeToEvent, type OpenedRecord, type ResultFor, type TimeToEventOptions } from './time-to-event';

/** A record that can be acknowledged (an incident). @example const r: AcknowledgeableRecord = { openedAt: '2026-11-23T08:00:00Z' }; */
export interface AcknowledgeableRecord extends OpenedRecord {
  readonly acknowledgedAt?: InstantInput | null | undefined;
}

/**
 * Mean time to acknowledge, with median and nearest-rank p90/p99: the durations `openedAt ->
 * acknowledgedAt` (milliseconds; business milliseconds with `calendar`).
 *
 * Definition: a record counts when its `acknowledgedAt` lies in the period `[from, to)` (or, with
 * `membership: 'start'`, when its `openedAt` does and it has been acknowledged). Records never
 * acknowledged are not counted. No record counted: `count` 0 and every figure `null`. An
 * `acknowledgedAt` before `openedAt` throws `ItsmValidationError`.
 *
 * @example
 * const stats = mtta(
 *   [{ openedAt: '2026-11-23T08:00:00Z', acknowledgedAt: '2026-11-23T08:10:00Z', priority: 1 }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * );
 * stats.mean //=> 600000
 * mtta(incidents, { period, groupBy: 'priority' }).groups[0] //=> { key: 1, value: { count: ..., mean: ... } }
 */
export function mtta<R extends AcknowledgeableRecord, const O extends TimeToEventOptions<R>>(records: readonly R[], options: O): ResultFor<O, DurationStats> {
  return timeToEvent(records, options, 'acknowledgedAt', 'mtta input') as ResultFor<O, DurationStats>;
}
