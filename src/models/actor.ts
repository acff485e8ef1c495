import { z } from 'zod';
import { IdSchema, MODEL_LIMITS, ShortTextSchema } from './primitives';

/**
 * The roles the default permission policies know. Hosts may use any other role names in their own
 * policies; `roles` accepts any identifier.
 *
 * @example
 * STANDARD_ROLES.includes('agent') //=> true
 */
export const STANDARD_ROLES = ['caller', 'agent', 'resolver', 'problem_manager', 'change_manager', 'approver', 'admin'] as const;

/**
 * Who performs an action: an id, roles and group memberships, used by every permission check.
 *
 * @example
 * ActorSchema.parse({ id: 'u-ana', roles: ['agent'], groups: ['service-desk'] })
 */
export const ActorSchema = z.strictObject({
  id: IdSchema,
  name: ShortTextSchema.optional(),
  roles: z.array(IdSchema).max(MODEL_LIMITS.labels, `at most ${MODEL_LIMITS.labels} roles`),
  groups: z.array(IdSchema).max(MODEL_LIMITS.listItems, `at most ${MODEL_LIMITS.listItems} groups`),
});

/** Who performs an action. @example const a: Actor = { id: 'u-ana', roles: ['agent'], groups: [] }; */
export type Actor = z.infer<typeof ActorSchema>;
