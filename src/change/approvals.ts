import type { Actor } from '../models/actor';
import type { Approval, Change } from '../models/change';
import { ApprovalPolicySchema, type ApprovalPolicy, type ChangeWorkflowOptions } from './options';
import { requireArray, requireObject } from '../_lib/hardening-options';
import { parseOrThrow } from '../_lib/zod-issues';

/**
 * The approval policy that applies to a change (none for a standard change: it is pre-approved).
 *
 * @example
 * policyFor(change, options) //=> { policy: 'any', group: 'cab' }
 */
export function policyFor(change: Pick<Change, 'type'>, options: Pick<ChangeWorkflowOptions, 'approvals'>): ApprovalPolicy | undefined {
  const subject = 'policyFor input';
  const type = requireObject(change, subject, ['change'], 'a change').type;
  const approvals = requireObject(requireObject(options, subject, ['options']).approvals, subject, ['options', 'approvals']);
  // An own property only: a type such as `constructor` must not find what every object inherits.
  return type !== 'standard' && Object.prototype.hasOwnProperty.call(approvals, type) ? approvals[type] : undefined;
}

/** The group through which `actor` may approve under `policy`, `null` when named directly, `undefined` when not eligible. */
export function eligibility(policy: ApprovalPolicy, actor: Actor): string | null | undefined {
  if (policy.policy !== 'quorum' && policy.approvers?.includes(actor.id)) return null;
  if (policy.policy !== 'all' && policy.group !== undefined && actor.groups.includes(policy.group)) return policy.group;
  return undefined;
}

/**
 * True when the approvals given meet the policy (a standard change always does). The policy is
 * validated (`ItsmValidationError` naming the field); the change workflow, which validated its
 * policies once, asks the unchecked `approvalsMeet` instead.
 *
 * @example
 * approvalPolicyMet({ policy: 'quorum', group: 'cab', count: 2 }, change.approvals)
 */
export function approvalPolicyMet(policy: ApprovalPolicy | undefined, approvals: readonly Approval[]): boolean {
  const subject = 'approvalPolicyMet input';
  requireArray(approvals, subject, ['approvals'], 'an array of approvals');
  approvals.forEach((a, i) => requireObject(a, subject, ['approvals', i], 'an approval'));
  return approvalsMeet(policy === undefined ? undefined : parseOrThrow(ApprovalPolicySchema, subject, policy), approvals);
}

/**
 * {@link approvalPolicyMet} for a policy and approvals already validated (no checks).
 *
 * @example
 * approvalsMeet(policyFor(change, options), change.approvals)
 */
export function approvalsMeet(policy: ApprovalPolicy | undefined, approvals: readonly Approval[]): boolean {
  if (!policy) return true;
  const approved = approvals.filter((a) => a.decision === 'approved');
  if (policy.policy === 'all') return policy.approvers.every((id) => approved.some((a) => a.approver === id));
  if (policy.policy === 'any') return approved.some((a) => policy.approvers?.includes(a.approver) || (policy.group !== undefined && a.group === policy.group));
  return new Set(approved.filter((a) => a.group === policy.group).map((a) => a.approver)).size >= policy.count;
}
