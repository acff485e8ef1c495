import type { Actor } from '../models/actor';
import type { Approval, Change } from '../models/change';
import type { ApprovalPolicy, ChangeWorkflowOptions } from './options';

/**
 * The approval policy that applies to a change (none for a standard change: it is pre-approved).
 *
 * @example
 * policyFor(change, options) //=> { policy: 'any', group: 'cab' }
 */
export function policyFor(change: Pick<Change, 'type'>, options: Pick<ChangeWorkflowOptions, 'approvals'>): ApprovalPolicy | undefined {
  return change.type === 'standard' ? undefined : options.approvals[change.type];
}

/** The group through which `actor` may approve under `policy`, `null` when named directly, `undefined` when not eligible. */
export function eligibility(policy: ApprovalPolicy, actor: Actor): string | null | undefined {
  if (policy.policy !== 'quorum' && policy.approvers?.includes(actor.id)) return null;
  if (policy.policy !== 'all' && policy.group !== undefined && actor.groups.includes(policy.group)) return policy.group;
  return undefined;
}

/**
 * True when the approvals given meet the policy (a standard change always does).
 *
 * @example
 * approvalPolicyMet({ policy: 'quorum', group: 'cab', count: 2 }, change.approvals)
 */
export function approvalPolicyMet(policy: ApprovalPolicy | undefined, approvals: readonly Approval[]): boolean {
  if (!policy) return true;
  const approved = approvals.filter((a) => a.decision === 'approved');
  if (policy.policy === 'all') return policy.approvers.every((id) => approved.some((a) => a.approver === id));
  if (policy.policy === 'any') return approved.some((a) => policy.approvers?.includes(a.approver) || (policy.group !== undefined && a.group === policy.group));
  return new Set(approved.filter((a) => a.group === policy.group).map((a) => a.approver)).size >= policy.count;
}
