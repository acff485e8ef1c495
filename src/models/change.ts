import { z } from 'zod';
import { ImpactSchema } from './levels';
import { CustomFieldsSchema, IdSchema, idList, IsoTimestampSchema, LongTextSchema, MODEL_LIMITS, ShortTextSchema } from './primitives';

/**
 * Change types (ITIL 4): normal, standard (pre-approved), emergency.
 *
 * @example
 * CHANGE_TYPES //=> ['normal', 'standard', 'emergency']
 */
export const CHANGE_TYPES = ['normal', 'standard', 'emergency'] as const;
/** A change type. @example const t: ChangeType = 'standard'; */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * Change states (ServiceNow's base model; on hold is a flag, not a state).
 *
 * @example
 * CHANGE_STATES.includes('authorize') //=> true
 */
export const CHANGE_STATES = ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'canceled'] as const;
/** A change state. @example const s: ChangeState = 'scheduled'; */
export type ChangeState = (typeof CHANGE_STATES)[number];

/**
 * Change risk levels.
 *
 * @example
 * CHANGE_RISKS //=> ['low', 'moderate', 'high']
 */
export const CHANGE_RISKS = ['low', 'moderate', 'high'] as const;
/** A change risk level. @example const r: ChangeRisk = 'high'; */
export type ChangeRisk = (typeof CHANGE_RISKS)[number];

/**
 * Change close codes.
 *
 * @example
 * CHANGE_CLOSE_CODES.includes('unsuccessful') //=> true
 */
export const CHANGE_CLOSE_CODES = ['successful', 'successful_with_issues', 'unsuccessful'] as const;
/** A change close code. @example const c: ChangeCloseCode = 'successful'; */
export type ChangeCloseCode = (typeof CHANGE_CLOSE_CODES)[number];

/**
 * An approval decision. `requested` marks an approval asked for and not yet answered.
 *
 * @example
 * APPROVAL_DECISIONS //=> ['requested', 'approved', 'rejected']
 */
export const APPROVAL_DECISIONS = ['requested', 'approved', 'rejected'] as const;
/** An approval decision. @example const d: ApprovalDecision = 'approved'; */
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * One approval on a change: who, the decision, when, and an optional comment and group.
 *
 * @example
 * ApprovalSchema.parse({ approver: 'u-cab', decision: 'approved', at: '2026-11-23T09:00:00Z' })
 */
export const ApprovalSchema = z.strictObject({
  approver: IdSchema,
  decision: z.enum(APPROVAL_DECISIONS),
  at: IsoTimestampSchema,
  comment: LongTextSchema.optional(),
  group: IdSchema.optional(),
});
/** One approval on a change. @example const a: Approval = { approver: 'u-cab', decision: 'approved', at: '2026-11-23T09:00:00Z' }; */
export type Approval = z.infer<typeof ApprovalSchema>;

/**
 * A change request. Planned start and end, when both present, must be in order. Unknown fields are
 * rejected (put host-specific data in `custom`).
 *
 * @example
 * ChangeSchema.parse({
 *   id: 'chg-1', number: 'CHG0030001', type: 'normal', state: 'new', risk: 'moderate',
 *   shortDescription: 'Patch db-1', requestedBy: 'u-dev', ciIds: ['db-1'],
 *   openedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z',
 * })
 */
export const ChangeSchema = z
  .strictObject({
    id: IdSchema,
    number: IdSchema,
    type: z.enum(CHANGE_TYPES),
    state: z.enum(CHANGE_STATES),
    risk: z.enum(CHANGE_RISKS),
    impact: ImpactSchema.optional(),
    /** The probability that the change fails (with `impact`, gives `risk` from the workflow's risk table). */
    probability: z.enum(['low', 'medium', 'high']).optional(),
    shortDescription: ShortTextSchema.min(1, 'must not be empty'),
    description: LongTextSchema.optional(),
    requestedBy: IdSchema,
    assignmentGroup: IdSchema.optional(),
    assignedTo: IdSchema.optional(),
    ciIds: idList().default([]),
    service: IdSchema.optional(),
    plannedStart: IsoTimestampSchema.optional(),
    plannedEnd: IsoTimestampSchema.optional(),
    actualStart: IsoTimestampSchema.optional(),
    actualEnd: IsoTimestampSchema.optional(),
    implementationPlan: LongTextSchema.optional(),
    backoutPlan: LongTextSchema.optional(),
    testPlan: LongTextSchema.optional(),
    approvals: z.array(ApprovalSchema).max(MODEL_LIMITS.listItems).default([]),
    onHold: z.boolean().default(false),
    onHoldReason: LongTextSchema.optional(),
    closeCode: z.enum(CHANGE_CLOSE_CODES).optional(),
    closeNotes: LongTextSchema.optional(),
    backoutNotes: LongTextSchema.optional(),
    cancelReason: LongTextSchema.optional(),
    problemIds: idList().default([]),
    incidentIds: idList().default([]),
    causedIncidentIds: idList().default([]),
    openedAt: IsoTimestampSchema,
    updatedAt: IsoTimestampSchema,
    closedAt: IsoTimestampSchema.optional(),
    custom: CustomFieldsSchema.optional(),
  })
  .refine((c) => !(c.plannedStart && c.plannedEnd && Date.parse(c.plannedEnd) <= Date.parse(c.plannedStart)), {
    message: 'must be after plannedStart',
    path: ['plannedEnd'],
  });

/** A change record. @example const t: Change['type'] = 'emergency'; */
export type Change = z.infer<typeof ChangeSchema>;
/** What {@link ChangeSchema} accepts. @example const n: ChangeInput['number'] = 'CHG1'; */
export type ChangeInput = z.input<typeof ChangeSchema>;
