import { priorityOf } from '../models/priority';
import type { Problem } from '../models/problem';
import { refuse, type Check } from '../_lib/workflow-checks';
import { patchRecord, withId } from '../_lib/workflow-record';
import { recordAssignment, recordCancel, recordTouch, updateFields } from '../_lib/workflow-reducers';
import type { MachineEvent } from '../_lib/workflow-types';
import type { ProblemCommand } from './commands';
import type { ProblemWorkflowOptions } from './options';

/**
 * An event of the problem machine: a command plus who sends it and when.
 *
 * @example
 * const e: ProblemMachineEvent = { type: 'confirm', actor: { id: 'u-pm', roles: ['problem_manager'], groups: [] }, at: '2026-11-23T10:00:00.000Z' };
 */
export type ProblemMachineEvent = MachineEvent<ProblemCommand>;
type Ctx = { record: Problem };
type Ev = ProblemMachineEvent;
type Of<T extends Ev['type']> = Extract<Ev, { type: T }>;

const nothing = () => undefined;

/** The problem rules, each a named check backing a guard of the machine. */
export function problemChecks(options: ProblemWorkflowOptions) {
  return {
    rootCauseKnown: {
      test: ({ record }) => (!options.requireRootCauseToFix || record.rootCause ? undefined : refuse('record a root cause before fixing')),
    },
    resolutionNotesGiven: {
      test: (_, e) => (e.type === 'resolve' && options.requireResolutionNotes && e.notes.trim() === '' ? refuse('resolution notes are required') : undefined),
      probe: nothing,
    },
    workaroundKnown: { test: ({ record }) => (record.workaround ? undefined : refuse('record a workaround first')) },
    duplicateCloses: { test: () => (options.duplicateCloses ? undefined : refuse('duplicates are resolved, not closed')) },
  } satisfies Record<string, Check<Ctx, Ev>>;
}

function withPriority(r: Problem, fields: Partial<Problem>, options: ProblemWorkflowOptions): Partial<Problem> {
  const impact = fields.impact ?? r.impact;
  const urgency = fields.urgency ?? r.urgency;
  return impact !== undefined && urgency !== undefined ? { ...fields, priority: priorityOf(impact, urgency, options.priorityMatrix) } : fields;
}

/** The record changes of each problem command, as pure reducers. */
export function problemReducers(options: ProblemWorkflowOptions) {
  const resolution = (r: Problem, at: string, code: Problem['resolutionCode'], notes: string | undefined) =>
    patchRecord(r, at, { resolutionCode: code, resolutionNotes: notes, resolvedAt: at });
  return {
    recordDuplicate: (r: Problem, e: Ev) => {
      const { duplicateOf, notes } = e as Of<'mark_duplicate'>;
      return patchRecord(resolution(r, e.at, 'duplicate', notes ?? `Duplicate of ${duplicateOf}`), e.at, { duplicateOf });
    },
    recordRiskAccepted: (r: Problem, e: Ev) => resolution(r, e.at, 'risk_accepted', (e as Of<'accept_risk'>).reason),
    recordResolution: (r: Problem, e: Ev) => resolution(r, e.at, (e as Of<'resolve'>).code, (e as Of<'resolve'>).notes),
    recordRootCause: (r: Problem, e: Ev) => {
      const { rootCause, workaround } = e as Of<'record_root_cause'>;
      const next = workaround ?? r.workaround;
      return patchRecord(r, e.at, { rootCause, workaround: next, knownError: next !== undefined });
    },
    recordWorkaround: (r: Problem, e: Ev) =>
      patchRecord(r, e.at, { workaround: (e as Of<'record_workaround'>).workaround, knownError: r.rootCause !== undefined }),
    recordFix: (r: Problem, e: Ev) => {
      const { changeId } = e as Of<'fix'>;
      return patchRecord(r, e.at, { fixChangeIds: changeId ? withId(r.fixChangeIds, changeId) : r.fixChangeIds });
    },
    clearResolution: (r: Problem, e: Ev) =>
      patchRecord(r, e.at, { resolutionCode: undefined, resolutionNotes: undefined, resolvedAt: undefined, duplicateOf: undefined }),
    recordClose: (r: Problem, e: Ev) => patchRecord(r, e.at, { closedAt: e.at }),
    recordCancel: (r: Problem, e: Ev) => recordCancel(r, e),
    recordUpdate: (r: Problem, e: Ev) => patchRecord(r, e.at, withPriority(r, updateFields(e) as Partial<Problem>, options)),
    recordAssignment: (r: Problem, e: Ev) => recordAssignment(r, e),
    recordIncidentLink: (r: Problem, e: Ev) => patchRecord(r, e.at, { incidentIds: withId(r.incidentIds, (e as Of<'link_incident'>).incidentId) }),
    recordChangeLink: (r: Problem, e: Ev) => patchRecord(r, e.at, { fixChangeIds: withId(r.fixChangeIds, (e as Of<'link_change'>).changeId) }),
    recordComment: (r: Problem, e: Ev) => recordTouch(r, e),
  };
}
