/**
 * Change enablement: the change lifecycle (normal, standard and emergency changes; ServiceNow's states,
 * ITIL 4's vocabulary) as an xstate 5 machine with a pure command API (risk from an impact x probability
 * table, approval policies as data, separation of duties, permissions as data and audit), and change
 * scheduling (conflict detection against other changes, blackouts, maintenance windows and the CMDB
 * topology; "next available" slots).
 *
 * @example
 * import { createChangeWorkflow, detectConflicts, findChangeSlots } from 'itsm-kit/change';
 * const conflicts = detectConflicts(change, { changes, blackouts, maintenanceWindows });
 *
 * @module change
 */
export { createChangeWorkflow, type ChangeWorkflow } from './workflow';
export { createChangeMachine, type ChangeMachine } from './machine';
export type { ChangeMachineEvent } from './rules';
export {
  ChangeWorkflowOptionsSchema,
  ApprovalPolicySchema,
  DEFAULT_RISK_MATRIX,
  CANCELABLE_CHANGE_STATES,
  type ApprovalPolicy,
  type ChangeWorkflowOptions,
  type ChangeWorkflowOptionsInput,
} from './options';
export { approvalPolicyMet, policyFor } from './approvals';
export {
  ChangeCommandSchema,
  CreateChangeInputSchema,
  CHANGE_COMMAND_TYPES,
  type ChangeCommand,
  type ChangeCommandInput,
  type ChangeCommandType,
  type CreateChangeInput,
} from './commands';
export { DEFAULT_CHANGE_PERMISSIONS } from './permissions';
export * from '../_lib/workflow-public';
export * from './scheduling';
