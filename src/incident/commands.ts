import { z } from 'zod';
import { ON_HOLD_REASONS, RESOLUTION_CODES } from '../models/incident';
import { ImpactSchema, UrgencySchema } from '../models/levels';
import { IdSchema, LongTextSchema, ShortTextSchema } from '../models/primitives';
import { INCIDENT_TRIAGE_FIELDS, RECORD_HEAD_FIELDS } from '../models/shared-fields';
import { AssignCommandSchema, CancelCommandSchema, commandSchema, RequiredTextSchema, updateCommandSchema } from '../_lib/workflow-commands';


/**
 * Every incident command, validated by `apply()` (an invalid one returns `invalid-input` naming the field).
 *
 * @example
 * IncidentCommandSchema.parse({ type: 'hold', reason: 'awaiting_vendor' })
 */
export const IncidentCommandSchema = z.discriminatedUnion('type', [
  AssignCommandSchema,
  commandSchema('start', {}),
  commandSchema('hold', { reason: z.enum(ON_HOLD_REASONS) }),
  commandSchema('resume', {}),
  commandSchema('resolve', {
    code: z.enum(RESOLUTION_CODES),
    notes: LongTextSchema,
    /** Only resolve if the incident is on hold for this reason (used by problem follow-ups). */
    onlyIfOnHold: z.enum(ON_HOLD_REASONS).optional(),
  }),
  commandSchema('reopen', { reason: RequiredTextSchema }),
  commandSchema('close', {}),
  CancelCommandSchema,
  updateCommandSchema(
    {
      impact: ImpactSchema.optional(),
      urgency: UrgencySchema.optional(),
      category: ShortTextSchema.optional(),
      ciId: IdSchema.optional(),
      service: IdSchema.optional(),
      majorIncident: z.boolean().optional(),
      causedByChangeId: IdSchema.optional(),
    },
    'impact',
  ),
  commandSchema('comment', { text: RequiredTextSchema }),
  commandSchema('link', { problemId: IdSchema.optional(), changeId: IdSchema.optional() }).refine(
    (c) => (c.problemId === undefined) !== (c.changeId === undefined),
    { message: 'give exactly one of problemId and changeId', path: ['problemId'] },
  ),
]);

/** An incident command (validated form). @example const c: IncidentCommand = { type: 'resolve', code: 'solution_provided', notes: 'Restarted the relay' }; */
export type IncidentCommand = z.infer<typeof IncidentCommandSchema>;
/** What `apply()` accepts as an incident command. @example const c: IncidentCommandInput = { type: 'start' }; */
export type IncidentCommandInput = z.input<typeof IncidentCommandSchema>;
/** The type of an incident command. @example const t: IncidentCommandType = 'reopen'; */
export type IncidentCommandType = IncidentCommand['type'];

/**
 * Every incident command type, in the order `allowed()` lists them.
 *
 * @example
 * INCIDENT_COMMAND_TYPES.includes('hold') //=> true
 */
export const INCIDENT_COMMAND_TYPES = ['assign', 'start', 'hold', 'resume', 'resolve', 'reopen', 'close', 'cancel', 'update', 'comment', 'link'] as const satisfies readonly IncidentCommandType[];

/**
 * What `create()` accepts: the descriptive fields of an incident. The workflow sets `state`, `priority`
 * (from the matrix), `openedAt`, `updatedAt` and `openedBy`.
 *
 * @example
 * CreateIncidentInputSchema.parse({ id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-bob', impact: 2, urgency: 2 })
 */
export const CreateIncidentInputSchema = z.strictObject({
  ...RECORD_HEAD_FIELDS,
  callerId: IdSchema,
  ...INCIDENT_TRIAGE_FIELDS,
  majorIncident: z.boolean().optional(),
  problemIds: z.array(IdSchema).max(1_000).optional(),
  changeIds: z.array(IdSchema).max(1_000).optional(),
  causedByChangeId: IdSchema.optional(),
  alertIds: z.array(IdSchema).max(1_000).optional(),
});
/** What `create()` accepts for an incident. @example const i: CreateIncidentInput = { id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-bob', impact: 2, urgency: 2 }; */
export type CreateIncidentInput = z.input<typeof CreateIncidentInputSchema>;
