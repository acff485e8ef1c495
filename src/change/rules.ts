import type { Change } from '../models/change';
import { firstRefusal, forbidden, refuse, type Check, type Refusal } from '../_lib/workflow-checks';
import { patchRecord } from '../_lib/workflow-record';
import { recordAssignment, recordCancel, recordTouch, updateFields } from '../_lib/workflow-reducers';
import type { MachineEvent } from '../_lib/workflow-types';
import { approvalsMeet, eligibility, policyFor } from './approvals';
import type { ChangeCommand } from './commands';
import type { ChangeWorkflowOptions } from './options';

/**
 * An event of the change machine: a command plus who sends it and when.
 *
 * @example
 * const e: ChangeMachineEvent = { type: 'approve', actor: { id: 'u-cab', roles: ['approver'], groups: ['cab'] }, at: '2026-11-23T09:00:00.000Z' };
 */
export type ChangeMachineEvent = MachineEvent<ChangeCommand>;
type Ctx = { record: Change };
type Ev = ChangeMachineEvent;
type Of<T extends Ev['type']> = Extract<Ev, { type: T }>;
type Test = (context: Ctx, event: Ev) => Refusal | undefined;

const notOnHold: Test = ({ record }) => (record.onHold ? refuse('the change is on hold: only cancel and resume are possible') : undefined);
const all = firstRefusal<Ctx, Ev>;
const ofType = (type: Change['type']): Test => ({ record }) => (record.type === type ? undefined : refuse(`only a ${type} change takes this path`));

/** Approvals that count: by actors other than the requester and implementer (when separation of duties holds). */
export function countedApprovals(change: Change, options: ChangeWorkflowOptions) {
  if (!options.separationOfDuties) return change.approvals;
  return change.approvals.filter((a) => a.approver !== change.requestedBy && a.approver !== change.assignedTo);
}

/** The change rules, each a named check backing a guard of the machine. */
export function changeChecks(options: ChangeWorkflowOptions) {
  const policyMet: Test = ({ record }) =>
    approvalsMeet(policyFor(record, options), countedApprovals(record, options)) ? undefined : refuse('the approval policy is not met yet');
  const independent: Test = ({ record }, e) => {
    if (!options.separationOfDuties) return undefined;
    if (e.actor.id === record.requestedBy) return forbidden('the requester may not approve or reject their own change');
    if (e.actor.id === record.assignedTo) return forbidden('the implementer may not approve or reject the change');
    return undefined;
  };
  const eligible: Test = ({ record }, e) => {
    const policy = policyFor(record, options);
    if (!policy || eligibility(policy, e.actor) === undefined) return forbidden(`${e.actor.id} is not an approver of this change under its approval policy`);
    if (record.approvals.some((a) => a.approver === e.actor.id && a.decision === 'approved')) return refuse(`${e.actor.id} already approved`);
    return undefined;
  };
  const closeCode: Test = ({ record }, e) => {
    if (e.type !== 'complete') return undefined;
    if (e.closeCode === 'unsuccessful' && options.requireBackoutNotes && !(e.backoutNotes ?? record.backoutNotes)?.trim()) {
      return refuse('an unsuccessful change needs backout notes');
    }
    return undefined;
  };
  const assignee: Test = ({ record }, e) => {
    const id = e.type === 'assign' ? e.assignedTo : undefined;
    return options.separationOfDuties && id !== undefined && record.approvals.some((a) => a.approver === id && a.decision === 'approved')
      ? forbidden(`${id} approved this change and may not implement it`)
      : undefined;
  };
  return {
    cancelAllowed: {
      test: ({ record }) =>
        (options.cancelStates as readonly string[]).includes(record.state) ? undefined : refuse(`cancel is not allowed from ${record.state} by this workflow's options`),
    },
    notOnHold: { test: notOnHold },
    onHold: { test: ({ record }) => (record.onHold ? undefined : refuse('the change is not on hold')) },
    submitNormal: { test: all(notOnHold, ofType('normal')) },
    submitEmergency: { test: all(notOnHold, ofType('emergency')) },
    submitStandard: { test: all(notOnHold, ofType('standard')) },
    mayDecide: { test: all(notOnHold, independent, eligible) },
    approvalPolicyMet: { test: all(notOnHold, policyMet) },
    approvalsInPlace: { test: all(notOnHold, policyMet) },
    closeCodeValid: { test: all(notOnHold, closeCode), probe: notOnHold },
    closeCodeRecorded: { test: ({ record }) => (record.closeCode ? undefined : refuse('a close code is required')) },
    assigneeIndependent: { test: all(notOnHold, assignee), probe: notOnHold },
    updateValid: {
      test: all(notOnHold, ({ record }, e) => {
        if (e.type !== 'update') return undefined;
        const start = e.plannedStart ?? record.plannedStart;
        const end = e.plannedEnd ?? record.plannedEnd;
        return start && end && Date.parse(end) <= Date.parse(start) ? refuse('plannedEnd must be after plannedStart') : undefined;
      }),
      probe: notOnHold,
    },
  } satisfies Record<string, Check<Ctx, Ev>>;
}

/** The change's risk: from the risk table when impact and probability are known, else as it was. */
export function riskOf(change: Pick<Change, 'impact' | 'probability' | 'risk'>, options: ChangeWorkflowOptions): Change['risk'] {
  return change.impact !== undefined && change.probability !== undefined ? options.riskMatrix[change.impact][change.probability] : change.risk;
}

/** The record changes of each change command, as pure reducers. */
export function changeReducers(options: ChangeWorkflowOptions) {
  return {
    recordApproval: (r: Change, e: Ev) => {
      const policy = policyFor(r, options);
      const group = policy ? eligibility(policy, e.actor) : undefined;
      const comment = (e as Of<'approve'>).comment;
      const approval = { approver: e.actor.id, decision: 'approved' as const, at: e.at, ...(comment ? { comment } : {}), ...(group ? { group } : {}) };
      return patchRecord(r, e.at, { approvals: [...r.approvals, approval] });
    },
    recordRejection: (r: Change, e: Ev) => patchRecord(r, e.at, { approvals: [] }),
    recordHold: (r: Change, e: Ev) => patchRecord(r, e.at, { onHold: true, onHoldReason: (e as Of<'hold'>).reason }),
    recordResume: (r: Change, e: Ev) => patchRecord(r, e.at, { onHold: false, onHoldReason: undefined }),
    recordStart: (r: Change, e: Ev) => patchRecord(r, e.at, { actualStart: e.at }),
    recordCompletion: (r: Change, e: Ev) => {
      const { closeCode, closeNotes, backoutNotes } = e as Of<'complete'>;
      return patchRecord(r, e.at, { closeCode, closeNotes: closeNotes ?? r.closeNotes, backoutNotes: backoutNotes ?? r.backoutNotes, actualEnd: e.at });
    },
    recordClose: (r: Change, e: Ev) => patchRecord(r, e.at, { closedAt: e.at }),
    recordCancel: (r: Change, e: Ev) => recordCancel(r, e),
    recordUpdate: (r: Change, e: Ev) => {
      const next = patchRecord(r, e.at, updateFields(e) as Partial<Change>);
      return patchRecord(next, e.at, { risk: riskOf(next, options) });
    },
    recordAssignment: (r: Change, e: Ev) => recordAssignment(r, e),
    recordTouch: (r: Change, e: Ev) => recordTouch(r, e),
  };
}
