import { z } from 'zod';
import { INCIDENT_STATES, ON_HOLD_REASONS, RESOLUTION_CODES } from '../models/incident';
import { DEFAULT_PRIORITY_MATRIX, PriorityMatrixSchema } from '../models/priority';
import { IdSchema } from '../models/primitives';
import { CalendarDefinitionSchema } from '../calendar/definition';
import { PermissionPolicySchema } from '../_lib/workflow-permissions';
import { DEFAULT_INCIDENT_PERMISSIONS } from './permissions';

const TEN_YEARS_MS = 10 * 366 * 86_400_000;

/**
 * Options of {@link createIncidentWorkflow}, every rule configurable, all plain JSON:
 * - `priorityMatrix`: impact x urgency -> priority (at least 3x3; default the standard 3x3);
 * - `resolutionCodes`: the codes `resolve` accepts (default all nine);
 * - `requireResolutionNotes`: `resolve` needs non-empty notes (default true);
 * - `holdReasons`: the reasons `hold` accepts (default all four);
 * - `allowReopen`: a resolved incident may be reopened (default true; never a closed one);
 * - `reopenTo`: the state a reopened incident returns to: `in_progress` (default, ServiceNow's base)
 *   or `new` (to be triaged again, as iTop's "assigned" or a re-queue);
 * - `cancelStates`: where `cancel` is possible (default `new`, `in_progress`, `on_hold`; never after resolution);
 * - `autoClose`: `{ afterMs, calendar? }` closes a resolved incident that long after `resolvedAt` on
 *   `tick()` (default one day, ServiceNow's base; never a major incident), counted in the business time
 *   of `calendar` (an itsm-kit/calendar definition) when given, else in elapsed time; or `false`;
 * - `callerCommentResumes`: a comment by the caller takes an `awaiting_caller` incident back to `in_progress` (default true);
 * - `systemActorId`: the actor id written for time-driven moves (default `system`);
 * - `permissions`: the permission policy (default {@link DEFAULT_INCIDENT_PERMISSIONS}).
 *
 * @example
 * IncidentWorkflowOptionsSchema.parse({ autoClose: { afterMs: 15 * 86_400_000 } })
 */
export const IncidentWorkflowOptionsSchema = z.strictObject({
  priorityMatrix: PriorityMatrixSchema.refine((m) => m.length >= 3 && (m[0]?.length ?? 0) >= 3, 'must cover impact and urgency 1..3')
    .default(DEFAULT_PRIORITY_MATRIX),
  resolutionCodes: z.array(z.enum(RESOLUTION_CODES)).min(1, 'allow at least one code').default([...RESOLUTION_CODES]),
  requireResolutionNotes: z.boolean().default(true),
  holdReasons: z.array(z.enum(ON_HOLD_REASONS)).min(1, 'allow at least one reason').default([...ON_HOLD_REASONS]),
  allowReopen: z.boolean().default(true),
  reopenTo: z.enum(['in_progress', 'new']).default('in_progress'),
  cancelStates: z
    .array(z.enum(INCIDENT_STATES).refine((s) => s === 'new' || s === 'in_progress' || s === 'on_hold', 'cancel is only possible before resolution'))
    .default(['new', 'in_progress', 'on_hold']),
  autoClose: z
    .union([z.literal(false), z.strictObject({ afterMs: z.int().min(0).max(TEN_YEARS_MS), calendar: CalendarDefinitionSchema.optional() })])
    .default({ afterMs: 86_400_000 }),
  callerCommentResumes: z.boolean().default(true),
  systemActorId: IdSchema.default('system'),
  permissions: PermissionPolicySchema.default(DEFAULT_INCIDENT_PERMISSIONS),
});
/** Validated incident workflow options. @example const o: IncidentWorkflowOptions = IncidentWorkflowOptionsSchema.parse({}); */
export type IncidentWorkflowOptions = z.infer<typeof IncidentWorkflowOptionsSchema>;
/** What {@link createIncidentWorkflow} accepts. @example const o: IncidentWorkflowOptionsInput = { allowReopen: false }; */
export type IncidentWorkflowOptionsInput = z.input<typeof IncidentWorkflowOptionsSchema>;
