import { z } from 'zod';
import { IdSchema, LongTextSchema } from '../models/primitives';

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
