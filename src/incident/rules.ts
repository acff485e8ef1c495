import type { Incident } from '../models/incident';
import { priorityOf } from '../models/priority';
import { firstRefusal, refuse, type Check } from '../_lib/workflow-checks';
import { patchRecord, withId } from '../_lib/workflow-record';
import { recordAssignment, recordCancel, recordTouch, updateFields } from '../_lib/workflow-reducers';
import type { MachineEvent } from '../_lib/workflow-types';
import type { IncidentCommand } from './commands';
import { autoCloseDueAt } from './auto-close';
import type { IncidentWorkflowOptions } from './options';

/**
 * An event of the incident machine: a command plus who sends it and when, or the time-driven
 * `auto_close` that `tick()` sends.
 *
 * @example
 * const e: IncidentMachineEvent = { type: 'start', actor: { id: 'u-ana', roles: ['agent'], groups: [] }, at: '2026-11-23T08:00:00.000Z' };
 */
export type IncidentMachineEvent = MachineEvent<IncidentCommand> | MachineEvent<{ type: 'auto_close' }>;
type Ctx = { record: Incident };
type Ev = IncidentMachineEvent;
type Of<T extends Ev['type']> = Extract<Ev, { type: T }>;

const nothing = () => undefined;

/** The incident rules, each a named check backing a guard of the machine. */
export function incidentChecks(options: IncidentWorkflowOptions) {
  const dueAt = autoCloseDueAt(options);
  const resolution = (r: Incident, e: Ev) => {
    if (e.type !== 'resolve') return undefined;
    if (!options.resolutionCodes.includes(e.code)) return refuse(`resolution code ${e.code} is not allowed`);
    if (options.requireResolutionNotes && e.notes.trim() === '') return refuse('resolution notes are required');
    if (e.onlyIfOnHold && !(r.state === 'on_hold' && r.onHoldReason === e.onlyIfOnHold)) return refuse(`incident is not on hold ${e.onlyIfOnHold}`);
    return undefined;
  };
  const checks = {
    resolutionValid: { test: ({ record }, e) => resolution(record, e), probe: nothing },
    holdReasonAllowed: {
      test: (_, e) => (e.type === 'hold' && !options.holdReasons.includes(e.reason) ? refuse(`hold reason ${e.reason} is not allowed`) : undefined),
      probe: nothing,
    },
    callerAnswers: {
      test: firstRefusal<Ctx, Ev>(
        () => (options.callerCommentResumes ? undefined : refuse('caller comments do not resume incidents')),
        ({ record }) => (record.onHoldReason === 'awaiting_caller' ? undefined : refuse('incident is not awaiting the caller')),
        ({ record }, e) => (e.actor.id === record.callerId ? undefined : refuse('only the caller resumes by commenting')),
      ),
    },
    reopenAllowed: { test: () => (options.allowReopen ? undefined : refuse('reopening is disabled')) },
    cancelAllowed: {
      test: ({ record }) => ((options.cancelStates as readonly string[]).includes(record.state) ? undefined : refuse(`cancel is not allowed in state ${record.state}`)),
    },
    autoCloseDue: {
      test: ({ record }, e) => {
        if (dueAt === null) return refuse('auto-close is disabled');
        if (record.majorIncident) return refuse('a major incident is never auto-closed');
        return Date.parse(e.at) >= dueAt(record) ? undefined : refuse('auto-close is not due yet');
      },
    },
  } satisfies Record<string, Check<Ctx, Ev>>;
  return checks;
}

/** The record changes of each incident command, as pure reducers. */
export function incidentReducers(options: IncidentWorkflowOptions) {
  return {
    recordAssignment: (r: Incident, e: Ev) => recordAssignment(r, e),
    recordStart: (r: Incident, e: Ev) => patchRecord(r, e.at, { acknowledgedAt: r.acknowledgedAt ?? e.at }),
    recordHold: (r: Incident, e: Ev) => patchRecord(r, e.at, { onHoldReason: (e as Of<'hold'>).reason }),
    clearHoldReason: (r: Incident) => patchRecord(r, r.updatedAt, { onHoldReason: undefined }),
    recordResolution: (r: Incident, e: Ev) => {
      const { code, notes } = e as Of<'resolve'>;
      return patchRecord(r, e.at, { resolutionCode: code, resolutionNotes: notes, resolvedAt: e.at, resolvedBy: e.actor.id });
    },
    recordReopen: (r: Incident, e: Ev) =>
      patchRecord(r, e.at, {
        reopenCount: r.reopenCount + 1,
        reopenedAt: e.at,
        reopenedBy: e.actor.id,
        resolutionCode: undefined,
        resolutionNotes: undefined,
        resolvedAt: undefined,
        resolvedBy: undefined,
      }),
    recordClose: (r: Incident, e: Ev) =>
      patchRecord(r, e.at, { closedAt: e.at, closedBy: e.type === 'auto_close' ? options.systemActorId : e.actor.id }),
    recordCancel: (r: Incident, e: Ev) => recordCancel(r, e),
    recordUpdate: (r: Incident, e: Ev) => {
      const fields = updateFields(e) as Partial<Incident>;
      const impact = fields.impact ?? r.impact;
      const urgency = fields.urgency ?? r.urgency;
      return patchRecord(r, e.at, { ...fields, priority: priorityOf(impact, urgency, options.priorityMatrix) });
    },
    recordComment: (r: Incident, e: Ev) => recordTouch(r, e),
    recordLink: (r: Incident, e: Ev) => {
      const { problemId, changeId } = e as Of<'link'>;
      return patchRecord(r, e.at, {
        problemIds: problemId ? withId(r.problemIds, problemId) : r.problemIds,
        changeIds: changeId ? withId(r.changeIds, changeId) : r.changeIds,
      });
    },
  };
}
