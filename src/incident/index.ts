/**
 * The incident lifecycle (ServiceNow's base model) as an xstate 5 machine with a pure command API over
 * stored incidents: permissions as data, audit entries, and the SLA timeline glue.
 *
 * @module incident
 */
export { createIncidentWorkflow, type IncidentWorkflow } from './workflow';
export { createIncidentMachine, type IncidentMachine } from './machine';
export type { IncidentMachineEvent } from './rules';
export { IncidentWorkflowOptionsSchema, type IncidentWorkflowOptions, type IncidentWorkflowOptionsInput } from './options';
export {
  IncidentCommandSchema,
  CreateIncidentInputSchema,
  INCIDENT_COMMAND_TYPES,
  type IncidentCommand,
  type IncidentCommandInput,
  type IncidentCommandType,
  type CreateIncidentInput,
} from './commands';
export { DEFAULT_INCIDENT_PERMISSIONS } from './permissions';
export * from '../_lib/workflow-public';
