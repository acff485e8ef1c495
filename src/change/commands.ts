import { z } from 'zod';
import { CHANGE_CLOSE_CODES, CHANGE_RISKS, CHANGE_TYPES } from '../models/change';
import { ImpactSchema } from '../models/levels';
import { IdSchema, IsoTimestampSchema, LongTextSchema, ShortTextSchema } from '../models/primitives';
import { AssignCommandSchema, CancelCommandSchema, commandSchema, RequiredTextSchema, updateCommandSchema } from '../_lib/workflow-commands';

const ProbabilitySchema = z.enum(['low', 'medium', 'high']);

/** The planning fields of a change, set by `create()` and changed by `update` alike. */
const PLAN_FIELDS = {
  ciIds: z.array(IdSchema).max(1_000).optional(),
  service: IdSchema.optional(),
  plannedStart: IsoTimestampSchema.optional(),
  plannedEnd: IsoTimestampSchema.optional(),
  implementationPlan: LongTextSchema.optional(),
  backoutPlan: LongTextSchema.optional(),
  testPlan: LongTextSchema.optional(),
};

/**
 * Every change command, validated by `apply()`.
 *
 * @example
 * ChangeCommandSchema.parse({ type: 'complete', closeCode: 'unsuccessful', backoutNotes: 'Rolled back to 14.2' })
 */
export const ChangeCommandSchema = z.discriminatedUnion('type', [
  commandSchema('submit', {}),
  commandSchema('request_approval', {}),
  commandSchema('approve', { comment: LongTextSchema.optional() }),
  commandSchema('reject', { reason: RequiredTextSchema }),
  commandSchema('hold', { reason: RequiredTextSchema }),
  commandSchema('resume', {}),
  commandSchema('implement', {}),
  commandSchema('complete', {
    closeCode: z.enum(CHANGE_CLOSE_CODES),
    closeNotes: LongTextSchema.optional(),
    backoutNotes: LongTextSchema.optional(),
  }),
  commandSchema('close', {}),
  CancelCommandSchema,
  updateCommandSchema({ impact: ImpactSchema.optional(), probability: ProbabilitySchema.optional(), ...PLAN_FIELDS }, 'shortDescription'),
  AssignCommandSchema,
]);

/** A change command (validated form). @example const c: ChangeCommand = { type: 'complete', closeCode: 'successful' }; */
export type ChangeCommand = z.infer<typeof ChangeCommandSchema>;
/** What `apply()` accepts as a change command. @example const c: ChangeCommandInput = { type: 'approve' }; */
export type ChangeCommandInput = z.input<typeof ChangeCommandSchema>;
/** The type of a change command. @example const t: ChangeCommandType = 'implement'; */
export type ChangeCommandType = ChangeCommand['type'];

/**
 * Every change command type, in the order `allowed()` lists them.
 *
 * @example
 * CHANGE_COMMAND_TYPES.includes('approve') //=> true
 */
export const CHANGE_COMMAND_TYPES = [
  'submit', 'request_approval', 'approve', 'reject', 'hold', 'resume', 'implement', 'complete', 'close', 'cancel', 'update', 'assign',
] as const satisfies readonly ChangeCommandType[];

/**
 * What `create()` accepts: the descriptive fields of a change. The workflow sets `state`, `openedAt`,
 * `updatedAt`, and `risk` from the risk table when `impact` and `probability` are given (else the given
 * `risk`, else `moderate`).
 *
 * @example
 * CreateChangeInputSchema.parse({ id: 'chg-1', number: 'CHG1', type: 'normal', shortDescription: 'Patch db-1', requestedBy: 'u-dev', impact: 2, probability: 'low' })
 */
export const CreateChangeInputSchema = z.strictObject({
  id: IdSchema,
  number: IdSchema,
  type: z.enum(CHANGE_TYPES),
  shortDescription: ShortTextSchema.min(1, 'must not be empty'),
  description: LongTextSchema.optional(),
  requestedBy: IdSchema,
  risk: z.enum(CHANGE_RISKS).optional(),
  impact: ImpactSchema.optional(),
  probability: ProbabilitySchema.optional(),
  assignmentGroup: IdSchema.optional(),
  assignedTo: IdSchema.optional(),
  ...PLAN_FIELDS,
  problemIds: z.array(IdSchema).max(1_000).optional(),
  incidentIds: z.array(IdSchema).max(1_000).optional(),
});
/** What `create()` accepts for a change. @example const c: CreateChangeInput = { id: 'chg-1', number: 'CHG1', type: 'standard', shortDescription: 'Rotate certs', requestedBy: 'u-dev' }; */
export type CreateChangeInput = z.input<typeof CreateChangeInputSchema>;
