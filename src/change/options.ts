import { z } from 'zod';
import { CHANGE_RISKS } from '../models/change';
import { IdSchema } from '../models/primitives';
import { PermissionPolicySchema } from '../_lib/workflow-permissions';
import { DEFAULT_CHANGE_PERMISSIONS } from './permissions';

/**
 * Who must approve a change, as data:
 * - `{ policy: 'all', approvers }`: every listed approver;
 * - `{ policy: 'any', approvers?, group? }`: one listed approver or one member of `group`;
 * - `{ policy: 'quorum', group, count }`: `count` distinct members of `group`.
 *
 * @example
 * ApprovalPolicySchema.parse({ policy: 'quorum', group: 'cab', count: 2 })
 */
export const ApprovalPolicySchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('all'), approvers: z.array(IdSchema).min(1, 'name at least one approver').max(100) }),
  z
    .strictObject({ policy: z.literal('any'), approvers: z.array(IdSchema).max(100).optional(), group: IdSchema.optional() })
    .refine((p) => (p.approvers?.length ?? 0) > 0 || p.group !== undefined, { message: 'name approvers or a group', path: ['group'] }),
  z.strictObject({ policy: z.literal('quorum'), group: IdSchema, count: z.int().min(1).max(100) }),
]);
/** An approval policy. @example const p: ApprovalPolicy = { policy: 'any', group: 'cab' }; */
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

const RiskSchema = z.enum(CHANGE_RISKS);
const RiskRowSchema = z.strictObject({ low: RiskSchema, medium: RiskSchema, high: RiskSchema });

/**
 * The default risk table: impact (1 high .. 3 low) x probability of failure -> risk.
 *
 * @example
 * DEFAULT_RISK_MATRIX[1].high //=> 'high'
 */
export const DEFAULT_RISK_MATRIX = {
  1: { low: 'moderate', medium: 'high', high: 'high' },
  2: { low: 'low', medium: 'moderate', high: 'high' },
  3: { low: 'low', medium: 'low', high: 'moderate' },
} as const satisfies Record<1 | 2 | 3, Record<'low' | 'medium' | 'high', (typeof CHANGE_RISKS)[number]>>;

/**
 * The states a change may be canceled from at most (every state before review).
 *
 * @example
 * CANCELABLE_CHANGE_STATES.includes('review') //=> false
 */
export const CANCELABLE_CHANGE_STATES = ['new', 'assess', 'authorize', 'scheduled', 'implement'] as const;

/**
 * Options of {@link createChangeWorkflow}, all plain JSON:
 * - `riskMatrix`: impact x probability -> risk (default {@link DEFAULT_RISK_MATRIX});
 * - `approvals`: the approval policy of `normal` and `emergency` changes (default any member of `cab`,
 *   resp. `ecab`); standard changes are pre-approved;
 * - `separationOfDuties`: the requester and the implementer never approve (default true);
 * - `requireBackoutNotes`: `unsuccessful` needs backout notes (default true);
 * - `cancelStates`: where `cancel` is possible (default every state before review, ServiceNow's base;
 *   never from review or closed);
 * - `rejectTo`: where a rejection sends the change: `new` (default, ServiceNow's base: rework and
 *   resubmit) or `canceled`;
 * - `permissions`: the permission policy (default {@link DEFAULT_CHANGE_PERMISSIONS}).
 *
 * @example
 * ChangeWorkflowOptionsSchema.parse({ approvals: { normal: { policy: 'quorum', group: 'cab', count: 2 }, emergency: { policy: 'any', group: 'ecab' } } })
 */
export const ChangeWorkflowOptionsSchema = z.strictObject({
  riskMatrix: z.strictObject({ 1: RiskRowSchema, 2: RiskRowSchema, 3: RiskRowSchema }).default(DEFAULT_RISK_MATRIX),
  approvals: z
    .strictObject({ normal: ApprovalPolicySchema, emergency: ApprovalPolicySchema })
    .default({ normal: { policy: 'any', group: 'cab' }, emergency: { policy: 'any', group: 'ecab' } }),
  separationOfDuties: z.boolean().default(true),
  requireBackoutNotes: z.boolean().default(true),
  cancelStates: z
    .array(z.enum(CANCELABLE_CHANGE_STATES, { error: 'cancel is only possible before review' }))
    .default([...CANCELABLE_CHANGE_STATES]),
  rejectTo: z.enum(['new', 'canceled']).default('new'),
  permissions: PermissionPolicySchema.default(DEFAULT_CHANGE_PERMISSIONS),
});
/** Validated change workflow options. @example const o: ChangeWorkflowOptions = ChangeWorkflowOptionsSchema.parse({}); */
export type ChangeWorkflowOptions = z.infer<typeof ChangeWorkflowOptionsSchema>;
/** What {@link createChangeWorkflow} accepts. @example const o: ChangeWorkflowOptionsInput = { separationOfDuties: true }; */
export type ChangeWorkflowOptionsInput = z.input<typeof ChangeWorkflowOptionsSchema>;
