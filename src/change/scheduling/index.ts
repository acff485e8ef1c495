/**
 * Change scheduling: conflict detection and "next available" slots.
 *
 * @example
 * import { detectConflicts, findChangeSlots } from 'itsm-kit/change';
 * detectConflicts(change, { changes, blackouts, maintenanceWindows, topology });
 * findChangeSlots(change, { changes, blackouts, maintenanceWindows, from: now, limit: 10 });
 */
export { detectConflicts } from './detect-conflicts';
export { findChangeSlots, ChangeSlotSearchSchema, type ChangeSlot, type FindChangeSlotsOptions } from './find-change-slots';
export { ScheduleDataSchema, type ScheduleContext } from './context';
export { CHANGE_CONFLICT_TYPES, type ChangeConflict, type ChangeConflictType, type ConflictBase } from './conflict';
export type { CiRelation } from './related-cis';
export { OCCUPYING_CHANGE_STATES } from './occupancy';
export {
  BlackoutWindowSchema, MaintenanceWindowSchema, SCHEDULING_LIMITS,
  type BlackoutWindow, type BlackoutWindowInput, type MaintenanceWindow, type MaintenanceWindowInput,
} from './windows';
