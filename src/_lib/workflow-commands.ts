import { z } from 'zod';
import { IdSchema, LongTextSchema, ShortTextSchema } from '../models/primitives';

/**
 * The record a command or follow-up is aimed at. Optional on every command; when present it must name
 * the record the command is applied to (so follow-ups can be applied as they are).
 *
 * @example
 * RecordRefSchema.parse({ kind: 'incident', id: 'inc-1' })
 */
export const RecordRefSchema = z.strictObject({ kind: z.enum(['incident', 'problem', 'change']), id: IdSchema });

/** A strict command schema: `type`, an optional `target`, and the payload fields. */
export function commandSchema<const T extends string, const S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), target: RecordRefSchema.optional(), ...shape });
}

/** A required, non-empty free text (reasons, notes). */
export const RequiredTextSchema = LongTextSchema.trim().min(1, 'must not be empty');

/** True when a command carries at least one payload field (for commands such as `update` and `assign`). */
export function hasPayload(command: object): boolean {
  return Object.keys(command).some((k) => k !== 'type' && k !== 'target');
}

/**
 * The `assign` command of every workflow: an assignment group, an assignee, or both.
 *
 * @example
 * AssignCommandSchema.parse({ type: 'assign', assignedTo: 'u-ana' })
 */
export const AssignCommandSchema = commandSchema('assign', { assignmentGroup: IdSchema.optional(), assignedTo: IdSchema.optional() }).refine(hasPayload, {
  message: 'give assignmentGroup, assignedTo or both',
  path: ['assignmentGroup'],
});

/**
 * The `cancel` command of every workflow: a required reason.
 *
 * @example
 * CancelCommandSchema.parse({ type: 'cancel', reason: 'Raised in error' })
 */
export const CancelCommandSchema = commandSchema('cancel', { reason: RequiredTextSchema });

/**
 * An `update` command: `shortDescription`, `description` and the workflow's own `fields`, at least one
 * of them given (else the refusal names `emptyPath`).
 *
 * @example
 * const UpdateSchema = updateCommandSchema({ impact: ImpactSchema.optional() }, 'impact');
 * UpdateSchema.parse({ type: 'update', impact: 1 })
 */
export function updateCommandSchema<const S extends z.ZodRawShape>(fields: S, emptyPath: string) {
  return commandSchema('update', {
    shortDescription: ShortTextSchema.min(1, 'must not be empty').optional(),
    description: LongTextSchema.optional(),
    ...fields,
  }).refine(hasPayload, { message: 'give at least one field to update', path: [emptyPath] });
}
