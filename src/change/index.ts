/**
 * Change enablement: the change lifecycle and change scheduling (conflict detection against other
 * changes, blackouts, maintenance windows and the CMDB topology; "next available" slots).
 *
 * @example
 * import { detectConflicts, findChangeSlots } from 'itsm-kit/change';
 * const conflicts = detectConflicts(change, { changes, blackouts, maintenanceWindows });
 *
 * @module change
 */
export * from './scheduling';
