import { ItsmValidationError } from '../_lib/errors';
import type { InstantInput } from '../_lib/instant';
import type { Calendar } from './calendar';
import { engineOf, instantArg } from './internal/registry';
import { HORIZON_MS } from './internal/time';

/**
 * One business interval, half-open: `start` is business time, `end` is not.
 *
 * @example
 * const i: BusinessInterval = { start: new Date('2026-03-09T09:00:00Z'), end: new Date('2026-03-09T17:00:00Z') };
 */
export interface BusinessInterval {
  /** The first business instant of the interval. */
  start: Date;
  /** The first instant after it (not business time). */
  end: Date;
}

/**
 * The business intervals inside `[from, to)`, merged (touching or overlapping intervals, across
 * midnight too, come out as one) and clipped to the range; empty when `to <= from`. The range may span
 * at most 100 years.
 *
 * @param cal - A calendar from `createCalendar`, `combineCalendars` or `ALWAYS`.
 * @param from - A `Date`, epoch ms or an ISO-8601 string with a zone.
 * @param to - Likewise.
 *
 * @example
 * businessIntervals(cal, new Date('2026-03-09T00:00:00Z'), new Date('2026-03-10T00:00:00Z'))
 * //=> [{ start: 2026-03-09T09:00:00.000Z, end: 2026-03-09T17:00:00.000Z }]
 */
export function businessIntervals(cal: Calendar, from: InstantInput, to: InstantInput): BusinessInterval[] {
  const engine = engineOf(cal, 'businessIntervals');
  const a = instantArg(from, 'from', 'businessIntervals');
  const b = instantArg(to, 'to', 'businessIntervals');
  if (b <= a) return [];
  if (b - a > HORIZON_MS) throw ItsmValidationError.at('businessIntervals', ['to'], 'must be at most 100 years after from');
  const flat = engine.intervals(a, b);
  const out: BusinessInterval[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: new Date(flat[i] as number), end: new Date(flat[i + 1] as number) });
  return out;
}
