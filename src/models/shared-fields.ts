/**
 * Field shapes shared by record schemas and the create inputs built from them (internal: not exported
 * from `itsm-kit/models`). A create input copies its fields into the new record, which the record schema
 * validates again, so both must validate those fields alike.
 */
import { ImpactSchema, UrgencySchema } from './levels';
import { IdSchema, LongTextSchema, ShortTextSchema } from './primitives';

/**
 * The head of an incident or a problem and of its create input: id, number, a non-empty one-line
 * summary and an optional description.
 *
 * @example
 * const ProblemLike = z.strictObject({ ...RECORD_HEAD_FIELDS, state: z.enum(['new']) });
 */
export const RECORD_HEAD_FIELDS = {
  id: IdSchema,
  number: IdSchema,
  shortDescription: ShortTextSchema.min(1, 'must not be empty'),
  description: LongTextSchema.optional(),
};

/**
 * What an incident is about and who works on it, as stored and as given to `create()`: assignment,
 * configuration item, service, category, impact and urgency.
 *
 * @example
 * z.strictObject(INCIDENT_TRIAGE_FIELDS).parse({ impact: 2, urgency: 1, service: 'mail' })
 */
export const INCIDENT_TRIAGE_FIELDS = {
  assignmentGroup: IdSchema.optional(),
  assignedTo: IdSchema.optional(),
  ciId: IdSchema.optional(),
  service: IdSchema.optional(),
  category: ShortTextSchema.optional(),
  impact: ImpactSchema,
  urgency: UrgencySchema,
};
