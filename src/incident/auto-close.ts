import { addBusinessTime, createCalendar } from '../calendar';
import type { Incident } from '../models/incident';
import type { IncidentWorkflowOptions } from './options';

/**
 * When a resolved incident becomes due for auto-close (epoch ms), from the workflow options: `afterMs`
 * after `resolvedAt` (or `updatedAt`), in elapsed time, or in the business time of
 * `autoClose.calendar`. Null when auto-close is disabled. The calendar is compiled once, here.
 *
 * @example
 * const dueAt = autoCloseDueAt(IncidentWorkflowOptionsSchema.parse({ autoClose: { afterMs: 3_600_000 } }));
 * dueAt?.(resolvedIncident) //=> Date.parse(resolvedIncident.resolvedAt) + 3_600_000
 */
export function autoCloseDueAt(options: IncidentWorkflowOptions): ((record: Incident) => number) | null {
  const rule = options.autoClose;
  if (rule === false) return null;
  const calendar = rule.calendar === undefined ? undefined : createCalendar(rule.calendar);
  return (record) => {
    const resolvedAt = Date.parse(record.resolvedAt ?? record.updatedAt);
    return calendar === undefined ? resolvedAt + rule.afterMs : addBusinessTime(calendar, resolvedAt, rule.afterMs).getTime();
  };
}
