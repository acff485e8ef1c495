/**
 * What `itsm-kit/incident`, `itsm-kit/problem` and `itsm-kit/change` all export: the outcome and audit
 * types, permission policies, and the SLA timeline glue.
 */
export type { AuditEntry, CommandContext, FieldChange, MachineEvent, Outcome, RecordRef, Workflow, WorkflowError, WorkflowErrorCode } from './workflow-types';
export { PermissionGrantSchema, PermissionPolicySchema, PERMISSION_SCOPES, isPermitted, type PermissionGrant, type PermissionPolicy, type PermissionPolicyInput } from './workflow-permissions';
export { RecordRefSchema } from './workflow-commands';
export { slaTimeline, slaTimelineFromAudit, type SlaTimelineEntry } from './workflow-sla-timeline';
