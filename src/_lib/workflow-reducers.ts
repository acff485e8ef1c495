import type { EventObject } from 'xstate';
import { patchRecord } from './workflow-record';
import type { AuditEntry, MachineEvent } from './workflow-types';

type Timed = { updatedAt: string; assignmentGroup?: string | undefined; assignedTo?: string | undefined; cancelReason?: string | undefined };

/** `assign`: sets the assignment group and/or assignee given. */
export function recordAssignment<R extends Timed>(r: R, e: EventObject & { at: string }): R {
  const { assignmentGroup, assignedTo } = e as { assignmentGroup?: string; assignedTo?: string };
  return patchRecord<R>(r, e.at, { assignmentGroup: assignmentGroup ?? r.assignmentGroup, assignedTo: assignedTo ?? r.assignedTo } as Partial<R>);
}

/** A command that changes no field but `updatedAt` (comments, resumes). */
export function recordTouch<R extends Timed>(r: R, e: EventObject & { at: string }): R {
  return patchRecord(r, e.at, {});
}

/** `cancel`: stores the reason. */
export function recordCancel<R extends Timed>(r: R, e: EventObject & { at: string }): R {
  return patchRecord<R>(r, e.at, { cancelReason: (e as { reason?: string }).reason } as Partial<R>);
}

/** The update payload: every field of the event but `type`, `target`, `actor` and `at`. */
export function updateFields(e: object): Record<string, unknown> {
  const { type: _t, target: _g, actor: _a, at: _at, ...fields } = e as Record<string, unknown>;
  return fields;
}

/** The extra `priority-changed` audit entry when a command changed the priority. */
export function priorityChangedAudit<R extends { priority?: number | undefined; state: string }>(
  before: R,
  after: R,
  event: MachineEvent<EventObject>,
): AuditEntry[] {
  if (before.priority === after.priority) return [];
  const change: { field: string; before?: unknown; after?: unknown } = { field: 'priority' };
  if (before.priority !== undefined) change.before = before.priority;
  if (after.priority !== undefined) change.after = after.priority;
  return [{ at: event.at, actor: event.actor.id, command: event.type, event: 'priority-changed', from: before.state, to: after.state, changes: [change] }];
}
