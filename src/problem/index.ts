/**
 * The problem lifecycle (ServiceNow's problem model: assess, root cause analysis, fix, known errors) as
 * an xstate 5 machine with a pure command API, permissions as data, audit and follow-up commands for
 * linked incidents.
 *
 * @module problem
 */
export { createProblemWorkflow, type ProblemWorkflow } from './workflow';
export { createProblemMachine, type ProblemMachine } from './machine';
export type { ProblemMachineEvent } from './rules';
export type { ProblemFollowUp } from './follow-ups';
export { ProblemWorkflowOptionsSchema, type ProblemWorkflowOptions, type ProblemWorkflowOptionsInput } from './options';
export {
  ProblemCommandSchema,
  CreateProblemInputSchema,
  PROBLEM_COMMAND_TYPES,
  type ProblemCommand,
  type ProblemCommandInput,
  type ProblemCommandType,
  type CreateProblemInput,
} from './commands';
export { DEFAULT_PROBLEM_PERMISSIONS } from './permissions';
export * from '../_lib/workflow-public';
