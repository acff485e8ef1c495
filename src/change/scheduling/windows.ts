import { z } from 'zod';
import { CalendarDefinitionSchema } from '../../calendar';
import { IdSchema, idList, IsoTimestampSchema, ShortTextSchema } from '../../models/primitives';

/**
 * Size limits of the schedule inputs: at most 100,000 other changes, 10,000 blackouts and 10,000
 * maintenance windows per call, 1,000 suggestions, and a search horizon of at most 2 years.
 *
 * @example
 * SCHEDULING_LIMITS.horizonMs //=> 63072000000
 */
export const SCHEDULING_LIMITS = {
  changes: 100_000,
  blackouts: 10_000,
  maintenanceWindows: 10_000,
  slots: 1_000,
  horizonMs: 2 * 365 * 24 * 3_600_000,
} as const;

const windowShape = {
  id: IdSchema,
  name: ShortTextSchema.optional(),
  start: IsoTimestampSchema.optional(),
  end: IsoTimestampSchema.optional(),
  calendar: CalendarDefinitionSchema.optional(),
};

/** Exactly one of `start`+`end` (a fixed window) or `calendar` (a recurring one), in order. */
function oneKindOfWindow(w: { start?: string | undefined; end?: string | undefined; calendar?: unknown }, ctx: z.RefinementCtx): void {
  const fixed = w.start !== undefined || w.end !== undefined;
  if (fixed && w.calendar !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'give either start and end (a fixed window) or calendar (a recurring one), not both' });
  } else if (!fixed && w.calendar === undefined) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: 'required (or a calendar for a recurring window)' });
  } else if (fixed && (w.start === undefined || w.end === undefined)) {
    ctx.addIssue({ code: 'custom', path: [w.start === undefined ? 'start' : 'end'], message: 'required with a fixed window' });
  } else if (fixed && Date.parse(w.end!) <= Date.parse(w.start!)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  }
}

/**
 * A blackout: when changes must not run. Fixed (`start`/`end`, ISO UTC) or recurring (a business
 * calendar definition from `itsm-kit/calendar` whose business time IS the blackout). Global unless
 * `ciIds` scopes it to some CIs (an empty list counts as global).
 *
 * @example
 * BlackoutWindowSchema.parse({ id: 'freeze', name: 'Year-end freeze', start: '2026-12-20T00:00:00Z', end: '2027-01-04T00:00:00Z' })
 */
export const BlackoutWindowSchema = z.strictObject({ ...windowShape, ciIds: idList().optional() }).superRefine(oneKindOfWindow);

/** A blackout window. @example const b: BlackoutWindow = { id: 'freeze', start: '2026-12-20T00:00:00Z', end: '2027-01-04T00:00:00Z' }; */
export type BlackoutWindow = z.output<typeof BlackoutWindowSchema>;

/**
 * A maintenance window: when changes to its CIs should run. A change touching a CI that has maintenance
 * windows must fit entirely inside their union; a CI without any is unconstrained. Fixed or recurring,
 * like {@link BlackoutWindowSchema}, and always scoped to at least one CI.
 *
 * @example
 * MaintenanceWindowSchema.parse({
 *   id: 'db-sunday', ciIds: ['db-1'],
 *   calendar: { timeZone: 'Europe/Berlin', week: { sun: [{ start: '02:00', end: '06:00' }] } },
 * })
 */
export const MaintenanceWindowSchema = z
  .strictObject({ ...windowShape, ciIds: idList().min(1, 'must name at least one CI') })
  .superRefine(oneKindOfWindow);

/** A maintenance window. @example const m: MaintenanceWindow = { id: 'mw', ciIds: ['db-1'], start: '2026-11-29T02:00:00Z', end: '2026-11-29T06:00:00Z' }; */
export type MaintenanceWindow = z.output<typeof MaintenanceWindowSchema>;
/** What {@link BlackoutWindowSchema} accepts. @example const b: BlackoutWindowInput = { id: 'b', start: '2026-12-20T00:00:00Z', end: '2026-12-21T00:00:00Z' }; */
export type BlackoutWindowInput = z.input<typeof BlackoutWindowSchema>;
/** What {@link MaintenanceWindowSchema} accepts. @example const m: MaintenanceWindowInput = { id: 'm', ciIds: ['db'], start: '2026-12-20T00:00:00Z', end: '2026-12-21T00:00:00Z' }; */
export type MaintenanceWindowInput = z.input<typeof MaintenanceWindowSchema>;
