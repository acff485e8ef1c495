import { z } from 'zod';
import { PrioritySchema } from './levels';
import { CustomFieldsSchema, IdSchema, idList, IsoTimestampSchema, LongTextSchema } from './primitives';
import { INCIDENT_TRIAGE_FIELDS, RECORD_HEAD_FIELDS } from './shared-fields';

/**
 * Incident states (ServiceNow's base model).
 *
 * @example
 * INCIDENT_STATES[0] //=> 'new'
 */
export const INCIDENT_STATES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed', 'canceled'] as const;
/** An incident state. @example const s: IncidentState = 'on_hold'; */
export type IncidentState = (typeof INCIDENT_STATES)[number];

/**
 * Why an incident is on hold.
 *
 * @example
 * ON_HOLD_REASONS.includes('awaiting_vendor') //=> true
 */
export const ON_HOLD_REASONS = ['awaiting_caller', 'awaiting_change', 'awaiting_problem', 'awaiting_vendor'] as const;
/** Why an incident is on hold. @example const r: OnHoldReason = 'awaiting_caller'; */
export type OnHoldReason = (typeof ON_HOLD_REASONS)[number];

/**
 * Incident resolution codes.
 *
 * @example
 * RESOLUTION_CODES.includes('solution_provided') //=> true
 */
export const RESOLUTION_CODES = [
  'duplicate',
  'known_error',
  'no_resolution_provided',
  'resolved_by_caller',
  'resolved_by_change',
  'resolved_by_problem',
  'resolved_by_request',
  'solution_provided',
  'workaround_provided',
] as const;
/** An incident resolution code. @example const c: ResolutionCode = 'known_error'; */
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/**
 * An incident: an unplanned interruption or degradation of a service. Unknown fields are rejected
 * (put host-specific data in `custom`). Timestamps are ISO-8601 UTC strings.
 *
 * @example
 * IncidentSchema.parse({
 *   id: 'inc-1', number: 'INC0010001', shortDescription: 'Email down', callerId: 'u-bob',
 *   impact: 2, urgency: 2, priority: 3, state: 'new',
 *   openedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z',
 * })
 */
export const IncidentSchema = z.strictObject({
  ...RECORD_HEAD_FIELDS,
  callerId: IdSchema,
  openedBy: IdSchema.optional(),
  ...INCIDENT_TRIAGE_FIELDS,
  priority: PrioritySchema,
  state: z.enum(INCIDENT_STATES),
  onHoldReason: z.enum(ON_HOLD_REASONS).optional(),
  resolutionCode: z.enum(RESOLUTION_CODES).optional(),
  resolutionNotes: LongTextSchema.optional(),
  cancelReason: LongTextSchema.optional(),
  majorIncident: z.boolean().default(false),
  reopenCount: z.int().min(0).max(1_000_000).default(0),
  /** Times the assignment group changed after the first assignment (ServiceNow reassignment_count); read by first-time-fix metrics. */
  reassignmentCount: z.int().min(0).max(1_000_000).optional(),
  reopenedAt: IsoTimestampSchema.optional(),
  reopenedBy: IdSchema.optional(),
  resolvedBy: IdSchema.optional(),
  closedBy: IdSchema.optional(),
  openedAt: IsoTimestampSchema,
  acknowledgedAt: IsoTimestampSchema.optional(),
  resolvedAt: IsoTimestampSchema.optional(),
  closedAt: IsoTimestampSchema.optional(),
  updatedAt: IsoTimestampSchema,
  problemIds: idList().default([]),
  changeIds: idList().default([]),
  causedByChangeId: IdSchema.optional(),
  alertIds: idList().default([]),
  custom: CustomFieldsSchema.optional(),
});

/** An incident record (the parsed, output type). @example const state: Incident['state'] = 'new'; */
export type Incident = z.infer<typeof IncidentSchema>;
/** What {@link IncidentSchema} accepts (defaults not yet applied). @example const n: IncidentInput['number'] = 'INC1'; */
export type IncidentInput = z.input<typeof IncidentSchema>;
