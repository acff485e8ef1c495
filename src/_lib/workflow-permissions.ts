import { z } from 'zod';
import { ActorSchema, type Actor } from '../models/actor';
import { IdSchema } from '../models/primitives';
import { ItsmValidationError } from './errors';
import { requireObject } from './hardening-options';
import { parseOrThrow } from './zod-issues';

/**
 * Which relation to the record a grant also requires:
 * - `any`: none;
 * - `assignment_group`: the actor belongs to the record's `assignmentGroup`;
 * - `assignee`: the actor is the record's `assignedTo`;
 * - `caller`: the actor is the incident's `callerId`;
 * - `requester`: the actor is the change's `requestedBy`;
 * - `opener`: the actor is the record's `openedBy`.
 *
 * @example
 * PERMISSION_SCOPES.includes('assignment_group') //=> true
 */
export const PERMISSION_SCOPES = ['any', 'assignment_group', 'assignee', 'caller', 'requester', 'opener'] as const;

/**
 * One grant: these roles may send these commands (`*` for every command), within a scope.
 * Omitting `roles` grants the commands to every actor (useful with a scope such as `caller`).
 *
 * @example
 * PermissionGrantSchema.parse({ commands: ['resolve'], roles: ['resolver'], scope: 'assignment_group' })
 */
export const PermissionGrantSchema = z.strictObject({
  commands: z.array(z.string().min(1).max(64)).min(1, 'name at least one command').max(100),
  roles: z.array(IdSchema).max(64).optional(),
  scope: z.enum(PERMISSION_SCOPES).default('any'),
});
/** One permission grant. @example const g: PermissionGrant = { commands: ['*'], roles: ['admin'], scope: 'any' }; */
export type PermissionGrant = z.infer<typeof PermissionGrantSchema>;

/**
 * A permission policy: a command is allowed when any grant allows it. Plain data; a host replaces the
 * default policy of a workflow with its own through the workflow's `permissions` option.
 *
 * @example
 * PermissionPolicySchema.parse({ grants: [{ commands: ['*'], roles: ['admin'] }] })
 */
export const PermissionPolicySchema = z.strictObject({
  grants: z.array(PermissionGrantSchema).max(1_000, 'at most 1000 grants'),
});
/** A permission policy. @example const p: PermissionPolicy = { grants: [] }; */
export type PermissionPolicy = z.infer<typeof PermissionPolicySchema>;
/** What {@link PermissionPolicySchema} accepts. @example const p: PermissionPolicyInput = { grants: [{ commands: ['*'], roles: ['admin'] }] }; */
export type PermissionPolicyInput = z.input<typeof PermissionPolicySchema>;

const SCOPE_FIELD: Record<Exclude<PermissionGrant['scope'], 'any' | 'assignment_group'>, string> = {
  assignee: 'assignedTo',
  caller: 'callerId',
  requester: 'requestedBy',
  opener: 'openedBy',
};

function ownField(record: object, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, field) ? (record as Record<string, unknown>)[field] : undefined;
}

function inScope(scope: PermissionGrant['scope'], actor: Actor, record: object): boolean {
  if (scope === 'any') return true;
  if (scope === 'assignment_group') {
    const group = ownField(record, 'assignmentGroup');
    return typeof group === 'string' && actor.groups.includes(group);
  }
  return ownField(record, SCOPE_FIELD[scope]) === actor.id;
}

// What `isPermitted` validates, in one parse so that each issue names its argument (`policy.grants.0...`, `actor.roles`).
const PolicyAndActorSchema = z.object({ policy: PermissionPolicySchema, actor: ActorSchema });

/**
 * True when `policy` lets `actor` send `command` to `record`. The policy and the actor are validated
 * (`ItsmValidationError` naming the field, e.g. `policy.grants.0.scope`); a workflow, which validated
 * its policy once, asks the unchecked `permits` instead.
 *
 * @example
 * isPermitted({ grants: [{ commands: ['*'], roles: ['admin'], scope: 'any' }] }, 'close', admin, incident) //=> true
 */
export function isPermitted(policy: PermissionPolicyInput, command: string, actor: Actor, record: object): boolean {
  const subject = 'isPermitted input';
  const checked = parseOrThrow(PolicyAndActorSchema, subject, { policy, actor });
  if (typeof command !== 'string') throw ItsmValidationError.at(subject, ['command'], 'must be a string');
  return permits(checked.policy, command, checked.actor, requireObject(record, subject, ['record'], 'a record object'));
}

/**
 * {@link isPermitted} for a policy and an actor already validated (no checks).
 *
 * @example
 * permits(options.permissions, 'resolve', actor, incident)
 */
export function permits(policy: PermissionPolicy, command: string, actor: Actor, record: object): boolean {
  return policy.grants.some(
    (grant) =>
      (grant.commands.includes(command) || grant.commands.includes('*')) &&
      (grant.roles === undefined || grant.roles.some((role) => actor.roles.includes(role))) &&
      inScope(grant.scope, actor, record),
  );
}

/** Shorthand for default policies: a grant of `commands` to `roles` within `scope`. */
export function grant(commands: readonly string[], roles: readonly string[] | undefined, scope: PermissionGrant['scope'] = 'any'): PermissionGrant {
  return roles === undefined ? { commands: [...commands], scope } : { commands: [...commands], roles: [...roles], scope };
}
