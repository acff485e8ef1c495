import { z } from 'zod';
import { ImpactSchema, UrgencySchema } from '../models/levels';
import { IdSchema, LongTextSchema } from '../models/primitives';
import { PROBLEM_RESOLUTION_CODES } from '../models/problem';
import { RECORD_HEAD_FIELDS } from '../models/shared-fields';
import { AssignCommandSchema, CancelCommandSchema, commandSchema, RequiredTextSchema, updateCommandSchema } from '../_lib/workflow-commands';


/**
 * Every problem command (ServiceNow's problem actions), validated by `apply()`.
 *
 * @example
 * ProblemCommandSchema.parse({ type: 'record_root_cause', rootCause: 'Queue worker leaks sockets' })
 */
export const ProblemCommandSchema = z.discriminatedUnion('type', [
  commandSchema('assess', {}),
  commandSchema('confirm', {}),
  commandSchema('mark_duplicate', { duplicateOf: IdSchema, notes: LongTextSchema.optional() }),
  commandSchema('accept_risk', { reason: RequiredTextSchema }),
  commandSchema('record_root_cause', { rootCause: RequiredTextSchema, workaround: RequiredTextSchema.optional() }),
  commandSchema('record_workaround', { workaround: RequiredTextSchema }),
  commandSchema('communicate_workaround', {}),
  commandSchema('fix', { changeId: IdSchema.optional() }),
  commandSchema('reanalyze', { reason: RequiredTextSchema }),
  commandSchema('resolve', { code: z.enum(PROBLEM_RESOLUTION_CODES), notes: LongTextSchema }),
  commandSchema('close', {}),
  CancelCommandSchema,
  updateCommandSchema(
    { impact: ImpactSchema.optional(), urgency: UrgencySchema.optional(), service: IdSchema.optional(), ciIds: z.array(IdSchema).max(1_000).optional() },
    'shortDescription',
  ),
  AssignCommandSchema,
  commandSchema('link_incident', { incidentId: IdSchema }),
  commandSchema('link_change', { changeId: IdSchema }),
  commandSchema('comment', { text: RequiredTextSchema }),
]);

/** A problem command (validated form). @example const c: ProblemCommand = { type: 'resolve', code: 'fix_applied', notes: 'Patched' }; */
export type ProblemCommand = z.infer<typeof ProblemCommandSchema>;
/** What `apply()` accepts as a problem command. @example const c: ProblemCommandInput = { type: 'confirm' }; */
export type ProblemCommandInput = z.input<typeof ProblemCommandSchema>;
/** The type of a problem command. @example const t: ProblemCommandType = 'fix'; */
export type ProblemCommandType = ProblemCommand['type'];

/**
 * Every problem command type, in the order `allowed()` lists them.
 *
 * @example
 * PROBLEM_COMMAND_TYPES.includes('accept_risk') //=> true
 */
export const PROBLEM_COMMAND_TYPES = [
  'assess', 'confirm', 'mark_duplicate', 'accept_risk', 'record_root_cause', 'record_workaround', 'communicate_workaround',
  'fix', 'reanalyze', 'resolve', 'close', 'cancel', 'update', 'assign', 'link_incident', 'link_change', 'comment',
] as const satisfies readonly ProblemCommandType[];

/**
 * What `create()` accepts: the descriptive fields of a problem. The workflow sets `state`, `openedBy`,
 * `openedAt`, `updatedAt` and, with impact and urgency, `priority`.
 *
 * @example
 * CreateProblemInputSchema.parse({ id: 'prb-1', number: 'PRB1', shortDescription: 'Mail queue stalls', incidentIds: ['inc-1'] })
 */
export const CreateProblemInputSchema = z.strictObject({
  ...RECORD_HEAD_FIELDS,
  impact: ImpactSchema.optional(),
  urgency: UrgencySchema.optional(),
  assignmentGroup: IdSchema.optional(),
  assignedTo: IdSchema.optional(),
  ciIds: z.array(IdSchema).max(1_000).optional(),
  service: IdSchema.optional(),
  incidentIds: z.array(IdSchema).max(1_000).optional(),
});
/** What `create()` accepts for a problem. @example const p: CreateProblemInput = { id: 'prb-1', number: 'PRB1', shortDescription: 'Mail queue stalls' }; */
export type CreateProblemInput = z.input<typeof CreateProblemInputSchema>;
