import { parseOrThrow } from '../_lib/zod-issues';
import type { ZoneCalendar } from './calendar';
import type { CalendarDefinition } from './definition';
import { CalendarDefinitionSchema } from './definition';
import { compileLocalHours } from './internal/local-hours';
import { register } from './internal/registry';
import { ZoneEngine } from './internal/zone-engine';
import { zoneOffsetsOf } from './internal/zone-offsets';
import { ZoneWindows } from './internal/zone-windows';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a calendar definition and compiles it into an immutable {@link ZoneCalendar} for the
 * business-time functions. Throws an `ItsmValidationError` naming the bad field (`timeZone`,
 * `week.mon.0.start`, `holidays.3.date`, ...).
 *
 * @param definition - Plain JSON: see {@link CalendarDefinitionSchema}.
 * @returns The compiled calendar; `calendar.definition` is the validated definition.
 *
 * @example
 * const cal = createCalendar({
 *   timeZone: 'Europe/Berlin',
 *   week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }] },
 *   holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
 * });
 */
export function createCalendar(definition: CalendarDefinition): ZoneCalendar {
  const parsed = deepFreeze(parseOrThrow(CalendarDefinitionSchema, 'calendar', definition));
  const hours = compileLocalHours(parsed);
  const engine = new ZoneEngine(new ZoneWindows(hours, zoneOffsetsOf(parsed.timeZone)), hours.hasHours);
  return register(Object.freeze({ kind: 'zone' as const, timeZone: parsed.timeZone, definition: parsed }), engine);
}
