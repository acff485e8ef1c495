import { z } from 'zod';
import { ImpactSchema, PrioritySchema, UrgencySchema } from './levels';
import { CustomFieldsSchema, IdSchema, idList, IsoTimestampSchema, LongTextSchema } from './primitives';
import { RECORD_HEAD_FIELDS } from './shared-fields';

/**
 * Problem states (ServiceNow's base model).
 *
 * @example
 * PROBLEM_STATES.includes('root_cause_analysis') //=> true
 */
export const PROBLEM_STATES = ['new', 'assess', 'root_cause_analysis', 'fix_in_progress', 'resolved', 'closed', 'canceled'] as const;
/** A problem state. @example const s: ProblemState = 'assess'; */
export type ProblemState = (typeof PROBLEM_STATES)[number];

/**
 * How a problem was resolved.
 *
 * @example
 * PROBLEM_RESOLUTION_CODES[0] //=> 'fix_applied'
 */
export const PROBLEM_RESOLUTION_CODES = ['fix_applied', 'risk_accepted', 'duplicate'] as const;
/** How a problem was resolved. @example const c: ProblemResolutionCode = 'risk_accepted'; */
export type ProblemResolutionCode = (typeof PROBLEM_RESOLUTION_CODES)[number];

/**
 * A problem: the unknown cause of one or more incidents. With a root cause and a workaround recorded it
 * is a known error (`knownError: true`, and a {@link KnownErrorSchema} record may be kept beside it).
 *
 * @example
 * ProblemSchema.parse({
 *   id: 'prb-1', number: 'PRB0040001', shortDescription: 'Mail queue stalls', state: 'new',
 *   openedBy: 'u-pm', openedAt: '2026-11-23T10:00:00Z', updatedAt: '2026-11-23T10:00:00Z',
 * })
 */
export const ProblemSchema = z.strictObject({
  ...RECORD_HEAD_FIELDS,
  state: z.enum(PROBLEM_STATES),
  impact: ImpactSchema.optional(),
  urgency: UrgencySchema.optional(),
  priority: PrioritySchema.optional(),
  assignmentGroup: IdSchema.optional(),
  assignedTo: IdSchema.optional(),
  ciIds: idList().default([]),
  service: IdSchema.optional(),
  rootCause: LongTextSchema.optional(),
  workaround: LongTextSchema.optional(),
  knownError: z.boolean().default(false),
  resolutionCode: z.enum(PROBLEM_RESOLUTION_CODES).optional(),
  resolutionNotes: LongTextSchema.optional(),
  duplicateOf: IdSchema.optional(),
  cancelReason: LongTextSchema.optional(),
  incidentIds: idList().default([]),
  fixChangeIds: idList().default([]),
  openedBy: IdSchema,
  openedAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  resolvedAt: IsoTimestampSchema.optional(),
  closedAt: IsoTimestampSchema.optional(),
  custom: CustomFieldsSchema.optional(),
});

/** A problem record. @example const s: Problem['state'] = 'new'; */
export type Problem = z.infer<typeof ProblemSchema>;
/** What {@link ProblemSchema} accepts. @example const n: ProblemInput['number'] = 'PRB1'; */
export type ProblemInput = z.input<typeof ProblemSchema>;
